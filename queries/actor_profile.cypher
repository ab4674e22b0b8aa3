// name: actor_profile
// description: One actor at a glance: type, names and aliases, what it is part or member of (roles with titles and dates), its members and units, and its top five partners and adversaries by signed score (sum of predicate weights, either direction, negated statements left out).
// param: actor STRING  the actor: id or Arabic or English name or alias
// :params {actor: 'russia'}
MATCH (a:Actor)
WHERE a.id = $actor OR toLower($actor) IN a.keys
OPTIONAL MATCH (a)-[r:ALLY_OF|SUPPORTS|SUPPLIES|COOPERATES_WITH|NEGOTIATES_WITH|OPPOSES|THREATENS|ATTACKS|FIGHTS]-(b:Actor)
WHERE r.asserted AND b <> a
WITH a, b, sum(r.weight) AS total, count(r) AS statements
ORDER BY total DESC, b.id
WITH a,
     collect(CASE WHEN total > 0 THEN {id: b.id, name_ar: b.name_ar, score: round(100 * total) / 100.0, statements: statements} END)[0..5] AS partners,
     collect(CASE WHEN total < 0 THEN {id: b.id, name_ar: b.name_ar, score: round(100 * total) / 100.0, statements: statements} END) AS negatives
OPTIONAL MATCH (a)-[m:MEMBER_OF|PART_OF]->(up:Actor)
WITH a, partners, negatives, up, m
ORDER BY up.id
WITH a, partners, negatives,
     collect(DISTINCT CASE WHEN up IS NULL THEN null ELSE {relation: type(m), of: up.id, title: m.title_en, since: m.date_iso, until: m.until, source: m.source} END) AS belongs_to
OPTIONAL MATCH (down:Actor)-[:MEMBER_OF|PART_OF]->(a)
WITH a, partners, negatives, belongs_to, down
ORDER BY down.id
WITH a, partners, negatives, belongs_to, collect(DISTINCT down.id) AS members
RETURN a.id AS id, a.type AS type, a.name_ar AS name_ar, a.name_en AS name_en,
       coalesce(a.aliases_ar, []) + coalesce(a.aliases_en, []) + coalesce(a.acronyms_ar, []) AS aliases,
       belongs_to, members, partners, reverse(negatives)[0..5] AS adversaries
