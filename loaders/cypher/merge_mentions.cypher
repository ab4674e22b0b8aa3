// (:Document)-[:MENTIONS]->(:Actor), one per document and actor; the spans are parallel
// lists (names, starts, ends, sentences, finders) and count is their length.
// $rows: [{doc: STRING, actor: STRING, props: MAP}]
UNWIND $rows AS row
MERGE (d:Document {id: row.doc})
WITH row, d
MATCH (a:Actor {id: row.actor})
MERGE (d)-[m:MENTIONS]->(a)
SET m = row.props
