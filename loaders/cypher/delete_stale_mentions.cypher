// A document loaded again replaces its mentions: drop MENTIONS of actors it no longer
// names (only for documents whose list of mentioned actors changed).
// $rows: [{id: STRING, actors: LIST<STRING>}]
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
WHERE d.actors <> row.actors
MATCH (d)-[m:MENTIONS]->(a:Actor)
WHERE NOT a.id IN row.actors
DELETE m
