// One relationship per statement, typed by its predicate and merged on the statement id,
// so loading the same statements twice changes nothing. Relationship types come from the
// allow-list below (the twelve predicates of schema/predicates.jsonl), never from text:
// a row whose predicate is not listed writes nothing. The object is an Actor or a Place.
// `date` is a Cypher date (first day of the period); date_iso and date_precision keep
// what the text said. Gazetteer PART_OF / MEMBER_OF rows use the same statement.
// $rows: [{id: STRING, s: STRING, p: STRING, o: STRING, date_start: STRING?, props: MAP}]
UNWIND $rows AS row
MATCH (s:Actor {id: row.s})
OPTIONAL MATCH (oa:Actor {id: row.o})
OPTIONAL MATCH (op:Place {id: row.o})
WITH row, s, coalesce(oa, op) AS o
WHERE o IS NOT NULL
FOREACH (_ IN CASE WHEN row.p = 'ALLY_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:ALLY_OF {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'SUPPORTS' THEN [1] ELSE [] END |
  MERGE (s)-[r:SUPPORTS {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'SUPPLIES' THEN [1] ELSE [] END |
  MERGE (s)-[r:SUPPLIES {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'COOPERATES_WITH' THEN [1] ELSE [] END |
  MERGE (s)-[r:COOPERATES_WITH {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'NEGOTIATES_WITH' THEN [1] ELSE [] END |
  MERGE (s)-[r:NEGOTIATES_WITH {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'OPPOSES' THEN [1] ELSE [] END |
  MERGE (s)-[r:OPPOSES {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'THREATENS' THEN [1] ELSE [] END |
  MERGE (s)-[r:THREATENS {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'ATTACKS' THEN [1] ELSE [] END |
  MERGE (s)-[r:ATTACKS {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'FIGHTS' THEN [1] ELSE [] END |
  MERGE (s)-[r:FIGHTS {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'CONTROLS' THEN [1] ELSE [] END |
  MERGE (s)-[r:CONTROLS {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:MEMBER_OF {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
FOREACH (_ IN CASE WHEN row.p = 'PART_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:PART_OF {id: row.id}]->(o) SET r = row.props, r.id = row.id, r.date = date(row.date_start))
