// Every actor node with its properties (kg.loaders.rows.extraction_from_rows).
MATCH (a:Actor)
RETURN properties(a) AS props
ORDER BY a.id
