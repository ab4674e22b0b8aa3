// name: adversaries_of
// description: An actor's adversaries (OPPOSES, THREATENS, ATTACKS, FIGHTS, either direction) in a date range, with statement and document counts, first and last dates, predicates and example evidence. Negated, hedged, future and conditional statements are left out.
// param: actor STRING  the actor: an id (turkey), or an Arabic or English name or alias (تركيا, Turkey)
// param: from DATE?  first day included (ISO date); null for no lower bound
// param: to DATE?  last day included (ISO date); null for no upper bound
// :params {actor: 'turkey', from: null, to: null}
MATCH (a:Actor)
WHERE a.id = $actor OR toLower($actor) IN a.keys
MATCH (a)-[r:OPPOSES|THREATENS|ATTACKS|FIGHTS]-(b:Actor)
WHERE r.asserted AND b <> a
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
WITH a, b, r
ORDER BY r.date_iso, r.doc, r.sentence
WITH a, b, count(r) AS statements, count(DISTINCT r.doc) AS documents,
     collect(DISTINCT type(r)) AS predicates, min(r.date_iso) AS first, max(r.date_iso) AS last,
     collect(r.evidence)[0..3] AS evidence
RETURN a.id AS actor, b.id AS adversary, b.name_ar AS adversary_ar, b.name_en AS adversary_en,
       statements, documents, predicates, first, last, evidence
ORDER BY statements DESC, adversary
