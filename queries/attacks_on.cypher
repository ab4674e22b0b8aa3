// name: attacks_on
// description: Who attacked an actor or a place, and when: one row per ATTACKS statement, with its document and evidence; hedged (alleged) attacks are listed with hedged = true. Negated, future and conditional statements are left out.
// param: target STRING  the attacked actor (id or Arabic or English name or alias) or place (its id place:إدلب, or its Arabic name إدلب)
// param: from DATE?  first day included (ISO date); null for no lower bound
// param: to DATE?  last day included (ISO date); null for no upper bound
// :params {target: 'إدلب', from: null, to: null}
MATCH (s:Actor)-[r:ATTACKS]->(t)
WHERE (t.id = $target OR t.id = 'place:' + $target OR toLower($target) IN t.keys)
  AND NOT r.negated AND r.modality IS NULL
  AND ($from IS NULL OR r.date >= date($from))
  AND ($to IS NULL OR r.date <= date($to))
RETURN s.id AS attacker, s.name_ar AS attacker_ar, t.id AS target, r.date_iso AS date,
       r.doc AS doc, r.sentence AS sentence, r.hedged AS hedged, r.evidence AS evidence
ORDER BY date, doc, sentence, attacker
