// name: evidence
// description: The sentences behind a pair of actors (or an actor and a place), optionally for one predicate: subject, predicate, object, document, date, source, title, sentence number, text and its negated/hedged flags, in date order.
// param: a STRING  one actor: id or Arabic or English name or alias
// param: b STRING  the other actor (id or name) or place (place:إدلب or إدلب)
// param: predicate STRING?  one of the twelve predicates (ATTACKS, SUPPORTS, ...); null for all
// :params {a: 'russia', b: 'turkey', predicate: null}
MATCH (x:Actor)
WHERE x.id = $a OR toLower($a) IN x.keys
OPTIONAL MATCH (ya:Actor)
WHERE ya.id = $b OR toLower($b) IN ya.keys
OPTIONAL MATCH (yp:Place)
WHERE yp.id = $b OR yp.id = 'place:' + $b
WITH x, coalesce(ya, yp) AS y
MATCH (x)-[r:ALLY_OF|SUPPORTS|SUPPLIES|COOPERATES_WITH|NEGOTIATES_WITH|OPPOSES|THREATENS|ATTACKS|FIGHTS|CONTROLS|MEMBER_OF|PART_OF]-(y)
WHERE r.source = 'text' AND ($predicate IS NULL OR type(r) = $predicate)
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       r.doc AS doc, coalesce(r.date_iso, d.date) AS date, d.source AS source, d.title AS title,
       r.sentence AS sentence, r.evidence AS text, r.negated AS negated, r.hedged AS hedged, r.modality AS modality
ORDER BY date, doc, sentence, predicate
