// name: supporters_and_suppliers
// description: Who supports (SUPPORTS) or supplies (SUPPLIES) whom, optionally for one target, with counts, first and last dates and example evidence. Negated, hedged, future and conditional statements are left out.
// param: target STRING?  the supported actor (id or Arabic or English name or alias); null for every pair
// param: from DATE?  first day included (ISO date); null for no lower bound
// param: to DATE?  last day included (ISO date); null for no upper bound
// :params {target: 'syria.gov', from: null, to: null}
MATCH (s:Actor)-[r:SUPPORTS|SUPPLIES]->(t:Actor)
WHERE ($target IS NULL OR t.id = $target OR toLower($target) IN t.keys)
  AND r.asserted
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
WITH s, t, r
ORDER BY r.date_iso, r.doc, r.sentence
WITH s, t, type(r) AS predicate, count(r) AS statements, min(r.date_iso) AS first,
     max(r.date_iso) AS last, collect(r.evidence)[0..3] AS evidence
RETURN s.id AS supporter, s.name_ar AS supporter_ar, t.id AS target, t.name_ar AS target_ar,
       predicate, statements, first, last, evidence
ORDER BY statements DESC, supporter, target, predicate
