// Every MENTIONS relationship with its spans (kg.loaders.rows.extraction_from_rows).
MATCH (d:Document)-[m:MENTIONS]->(a:Actor)
RETURN d.id AS doc, a.id AS actor, properties(m) AS props
ORDER BY doc, actor
