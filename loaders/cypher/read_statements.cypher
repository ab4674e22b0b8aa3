// Every statement read from text (not the gazetteer's PART_OF / MEMBER_OF), with its
// properties (kg.loaders.rows.extraction_from_rows).
MATCH (s:Actor)-[r]->(o)
WHERE r.source = 'text'
RETURN s.id AS s, type(r) AS p, o.id AS o, properties(r) AS props
ORDER BY r.id
