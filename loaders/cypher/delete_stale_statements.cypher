// A document loaded again replaces its statements: remove the relationships the previous
// load of each document wrote that the new load does not have. The document node keeps
// the sorted ids of its statements and their subjects (parallel lists), so documents whose
// statements did not change cost one comparison, and a stale one is found from its subject.
// Runs before merge_documents, which records the new lists.
// $rows: [{id: STRING, statement_ids: LIST<STRING>}]
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
WHERE d.statement_ids <> row.statement_ids
UNWIND range(0, size(d.statement_ids) - 1) AS i
WITH row, d.statement_ids[i] AS stale, d.statement_subjects[i] AS subject
WHERE NOT stale IN row.statement_ids
MATCH (:Actor {id: subject})-[r]->()
WHERE r.id = stale
DELETE r
