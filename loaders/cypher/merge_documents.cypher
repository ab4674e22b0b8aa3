// Documents with their metadata, the sorted ids of their statements with the subjects of
// those statements (parallel lists), and the actors they mention: what the delete_stale_*
// statements compare with when the document is loaded again.
// $rows: [{id: STRING, props: MAP, statement_ids: LIST<STRING>,
//          statement_subjects: LIST<STRING>, actors: LIST<STRING>}]
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.props, d.id = row.id, d.statement_ids = row.statement_ids,
    d.statement_subjects = row.statement_subjects, d.actors = row.actors
