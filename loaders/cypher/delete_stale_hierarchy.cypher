// An actor loaded again loses the gazetteer PART_OF / MEMBER_OF edges its record no longer
// gives (a parent or a role changed in schema/actors.jsonl). Edges read from text
// (source = 'text') belong to their documents and are left to delete_stale_statements.
// $rows: [{id: STRING, hierarchy: LIST<STRING>, ...}]  (the actor rows)
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})-[r:PART_OF|MEMBER_OF]->()
WHERE r.source = 'gazetteer' AND NOT r.id IN row.hierarchy
DELETE r
