// Actors: one node per canonical id, with its type as a second label.
// Labels come from the allow-list below (kg.model.ACTOR_TYPES), never from text; a label
// of another type is removed, so a re-typed actor does not keep its old label.
// $rows: [{id: STRING, type: STRING, props: MAP}]  (built by kg.loaders.rows.extraction_rows)
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a = row.props, a.id = row.id
FOREACH (_ IN CASE WHEN row.type = 'Country' THEN [1] ELSE [] END | SET a:Country)
FOREACH (_ IN CASE WHEN row.type = 'Government' THEN [1] ELSE [] END | SET a:Government)
FOREACH (_ IN CASE WHEN row.type = 'ArmedGroup' THEN [1] ELSE [] END | SET a:ArmedGroup)
FOREACH (_ IN CASE WHEN row.type = 'Person' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN row.type = 'Organization' THEN [1] ELSE [] END | SET a:Organization)
FOREACH (_ IN CASE WHEN row.type = 'Media' THEN [1] ELSE [] END | SET a:Media)
FOREACH (_ IN CASE WHEN row.type <> 'Country' THEN [1] ELSE [] END | REMOVE a:Country)
FOREACH (_ IN CASE WHEN row.type <> 'Government' THEN [1] ELSE [] END | REMOVE a:Government)
FOREACH (_ IN CASE WHEN row.type <> 'ArmedGroup' THEN [1] ELSE [] END | REMOVE a:ArmedGroup)
FOREACH (_ IN CASE WHEN row.type <> 'Person' THEN [1] ELSE [] END | REMOVE a:Person)
FOREACH (_ IN CASE WHEN row.type <> 'Organization' THEN [1] ELSE [] END | REMOVE a:Organization)
FOREACH (_ IN CASE WHEN row.type <> 'Media' THEN [1] ELSE [] END | REMOVE a:Media)
