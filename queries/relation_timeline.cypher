// name: relation_timeline
// description: How two actors relate over time: per month or year, the signed score (sum of the predicate weights of schema/predicates.jsonl, cooperation + and conflict -), its sign, the statement count and the predicates seen, in both directions. Negated, hedged, future, conditional and undated statements are left out.
// param: a STRING  first actor: id or Arabic or English name or alias
// param: b STRING  second actor: id or Arabic or English name or alias
// param: granularity STRING?  'month' (the default when null) or 'year'; year-precision statements stay in their year
// :params {a: 'russia', b: 'turkey', granularity: 'month'}
MATCH (x:Actor)
WHERE x.id = $a OR toLower($a) IN x.keys
MATCH (y:Actor)
WHERE y.id = $b OR toLower($b) IN y.keys
MATCH (x)-[r:ALLY_OF|SUPPORTS|SUPPLIES|COOPERATES_WITH|NEGOTIATES_WITH|OPPOSES|THREATENS|ATTACKS|FIGHTS]-(y)
WHERE r.asserted AND r.date_iso IS NOT NULL
WITH x, y, r, CASE WHEN $granularity = 'year' THEN left(r.date_iso, 4) ELSE left(r.date_iso, 7) END AS period
ORDER BY type(r)
WITH x, y, period, sum(r.weight) AS total, count(r) AS statements,
     collect(DISTINCT type(r)) AS predicates
RETURN x.id AS a, y.id AS b, period, round(100 * total) / 100.0 AS score,
       CASE WHEN total > 0 THEN 1 WHEN total < 0 THEN -1 ELSE 0 END AS sign,
       statements, predicates
ORDER BY period
