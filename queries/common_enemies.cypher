// name: common_enemies
// description: Actors that attack, threaten or oppose (or fight) the same adversaries as a given actor, with the shared adversaries. Negated, hedged, future and conditional statements are left out.
// param: actor STRING  the actor: id or Arabic or English name or alias
// param: from DATE?  first day included (ISO date); null for no lower bound
// param: to DATE?  last day included (ISO date); null for no upper bound
// :params {actor: 'russia', from: null, to: null}
MATCH (a:Actor)
WHERE a.id = $actor OR toLower($actor) IN a.keys
MATCH (a)-[r1:OPPOSES|THREATENS|ATTACKS|FIGHTS]-(enemy:Actor)
WHERE r1.asserted AND enemy <> a
  AND (startNode(r1) = a OR type(r1) = 'FIGHTS')
  AND ($from IS NULL OR r1.date >= date($from))
  AND ($to IS NULL OR r1.date <= date($to))
WITH DISTINCT a, enemy
MATCH (enemy)-[r2:OPPOSES|THREATENS|ATTACKS|FIGHTS]-(other:Actor)
WHERE r2.asserted AND other <> a AND other <> enemy
  AND (startNode(r2) = other OR type(r2) = 'FIGHTS')
  AND ($from IS NULL OR r2.date >= date($from))
  AND ($to IS NULL OR r2.date <= date($to))
WITH a, other, enemy, r2
ORDER BY enemy.id
WITH a, other, collect(DISTINCT enemy.id) AS enemies, count(r2) AS statements
RETURN a.id AS actor, other.id AS other, other.name_ar AS other_ar, size(enemies) AS shared,
       enemies, statements
ORDER BY shared DESC, statements DESC, other
