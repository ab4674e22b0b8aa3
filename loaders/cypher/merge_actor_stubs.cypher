// Actors referenced by a statement, a mention or a parent but not described in this load:
// created with a name only, and never overwriting a node a fuller load wrote.
// $rows: [{id: STRING, name_ar: STRING}]
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name_ar = row.name_ar, a.names_text = row.name_ar,
              a.keys = [toLower(row.id), toLower(row.name_ar)]
