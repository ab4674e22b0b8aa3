// Every document node with its properties (kg.loaders.rows.extraction_from_rows).
MATCH (d:Document)
RETURN properties(d) AS props
ORDER BY d.id
