// name: alliance_shifts
// description: Actor pairs whose relation changed sign between two periods: the signed score (sum of predicate weights, either direction) was positive in one and negative in the other. Negated, hedged, future, conditional and undated statements are left out.
// param: first_from DATE  first day of the first period (ISO date)
// param: first_to DATE  last day of the first period
// param: second_from DATE  first day of the second period
// param: second_to DATE  last day of the second period (the second period comes after the first)
// :params {first_from: '2015-01-01', first_to: '2015-12-31', second_from: '2016-01-01', second_to: '2016-12-31'}
// One branch per signed relationship type: each then reads its relationship index on
// the date instead of scanning every relationship of the graph.
CALL {
  MATCH ()-[r:ALLY_OF]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:SUPPORTS]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:SUPPLIES]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:COOPERATES_WITH]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:NEGOTIATES_WITH]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:OPPOSES]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:THREATENS]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:ATTACKS]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
  UNION ALL
  MATCH ()-[r:FIGHTS]->() WHERE r.date >= date($first_from) AND r.date <= date($second_to) AND r.asserted
  RETURN startNode(r).id AS s, endNode(r).id AS o, r.weight AS w, r.date AS d
}
WITH CASE WHEN s < o THEN s ELSE o END AS a, CASE WHEN s < o THEN o ELSE s END AS b, w,
     d <= date($first_to) AS in_first, d >= date($second_from) AS in_second
WHERE a <> b
WITH a, b,
     sum(CASE WHEN in_first THEN w ELSE 0.0 END) AS first_total,
     sum(CASE WHEN in_second THEN w ELSE 0.0 END) AS second_total,
     count(CASE WHEN in_first THEN 1 END) AS first_statements,
     count(CASE WHEN in_second THEN 1 END) AS second_statements
WHERE first_total * second_total < 0
RETURN a, b,
       round(100 * first_total) / 100.0 AS first_score, first_statements,
       round(100 * second_total) / 100.0 AS second_score, second_statements,
       CASE WHEN second_total > 0 THEN 'closer' ELSE 'apart' END AS shift
ORDER BY abs(second_total - first_total) DESC, a, b
