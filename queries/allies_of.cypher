// name: allies_of
// description: An actor's cooperative partners (ALLY_OF, SUPPORTS, SUPPLIES, COOPERATES_WITH, NEGOTIATES_WITH, either direction) in a date range, with statement and document counts, first and last dates, predicates and example evidence. Negated, hedged, future and conditional statements are left out.
// param: actor STRING  the actor: an id (russia), or an Arabic or English name or alias (روسيا, Russia)
// param: from DATE?  first day included (ISO date); null for no lower bound
// param: to DATE?  last day included (ISO date); null for no upper bound
// :params {actor: 'russia', from: null, to: null}
MATCH (a:Actor)
WHERE a.id = $actor OR toLower($actor) IN a.keys
MATCH (a)-[r:ALLY_OF|SUPPORTS|SUPPLIES|COOPERATES_WITH|NEGOTIATES_WITH]-(b:Actor)
WHERE r.asserted AND b <> a
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
WITH a, b, r
ORDER BY r.date_iso, r.doc, r.sentence
WITH a, b, count(r) AS statements, count(DISTINCT r.doc) AS documents,
     collect(DISTINCT type(r)) AS predicates, min(r.date_iso) AS first, max(r.date_iso) AS last,
     collect(r.evidence)[0..3] AS evidence
RETURN a.id AS actor, b.id AS partner, b.name_ar AS partner_ar, b.name_en AS partner_en,
       statements, documents, predicates, first, last, evidence
ORDER BY statements DESC, partner
