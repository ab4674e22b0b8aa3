// Neo4j 5 indexes: statement id, date and document on every relationship type (relationship
// property indexes are per type), and a full-text index over actor names and aliases,
// Arabic and English (names_text joins them; name_ar and name_en are also indexed alone).
// Idempotent: IF NOT EXISTS. Applied by kg.loaders.neo4j.apply_schema after the constraints.
CREATE INDEX ally_of_id IF NOT EXISTS FOR ()-[r:ALLY_OF]-() ON (r.id);
CREATE INDEX ally_of_date IF NOT EXISTS FOR ()-[r:ALLY_OF]-() ON (r.date);
CREATE INDEX ally_of_doc IF NOT EXISTS FOR ()-[r:ALLY_OF]-() ON (r.doc);
CREATE INDEX supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX supports_date IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.date);
CREATE INDEX supports_doc IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.doc);
CREATE INDEX supplies_id IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.id);
CREATE INDEX supplies_date IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.date);
CREATE INDEX supplies_doc IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.doc);
CREATE INDEX cooperates_with_id IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.id);
CREATE INDEX cooperates_with_date IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.date);
CREATE INDEX cooperates_with_doc IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.doc);
CREATE INDEX negotiates_with_id IF NOT EXISTS FOR ()-[r:NEGOTIATES_WITH]-() ON (r.id);
CREATE INDEX negotiates_with_date IF NOT EXISTS FOR ()-[r:NEGOTIATES_WITH]-() ON (r.date);
CREATE INDEX negotiates_with_doc IF NOT EXISTS FOR ()-[r:NEGOTIATES_WITH]-() ON (r.doc);
CREATE INDEX opposes_id IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.id);
CREATE INDEX opposes_date IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.date);
CREATE INDEX opposes_doc IF NOT EXISTS FOR ()-[r:OPPOSES]-() ON (r.doc);
CREATE INDEX threatens_id IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.id);
CREATE INDEX threatens_date IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.date);
CREATE INDEX threatens_doc IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.doc);
CREATE INDEX attacks_id IF NOT EXISTS FOR ()-[r:ATTACKS]-() ON (r.id);
CREATE INDEX attacks_date IF NOT EXISTS FOR ()-[r:ATTACKS]-() ON (r.date);
CREATE INDEX attacks_doc IF NOT EXISTS FOR ()-[r:ATTACKS]-() ON (r.doc);
CREATE INDEX fights_id IF NOT EXISTS FOR ()-[r:FIGHTS]-() ON (r.id);
CREATE INDEX fights_date IF NOT EXISTS FOR ()-[r:FIGHTS]-() ON (r.date);
CREATE INDEX fights_doc IF NOT EXISTS FOR ()-[r:FIGHTS]-() ON (r.doc);
CREATE INDEX controls_id IF NOT EXISTS FOR ()-[r:CONTROLS]-() ON (r.id);
CREATE INDEX controls_date IF NOT EXISTS FOR ()-[r:CONTROLS]-() ON (r.date);
CREATE INDEX controls_doc IF NOT EXISTS FOR ()-[r:CONTROLS]-() ON (r.doc);
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX member_of_date IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.date);
CREATE INDEX member_of_doc IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.doc);
CREATE INDEX part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX part_of_date IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.date);
CREATE INDEX part_of_doc IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.doc);
// The 'arabic' analyzer (Lucene's) unifies hamza seats, alef maqsura and taa marbuta and
// strips the article, so ايران finds إيران and الأسد finds أسد; Latin names are only
// lower-cased by it, which is what the English names need.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name_ar, a.name_en, a.names_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}};
