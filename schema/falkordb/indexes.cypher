// FalkorDB 4.16 indexes of the embedded store. FalkorDB has no IF NOT EXISTS and no index
// names, and a repeated CREATE INDEX errors: the store runs these once, on a new graph.
// Uniqueness is kept by MERGE on the id (the store has a single writer).
CREATE INDEX FOR (a:Actor) ON (a.id);
CREATE INDEX FOR (p:Place) ON (p.id);
CREATE INDEX FOR (d:Document) ON (d.id);
CREATE INDEX FOR ()-[r:ALLY_OF]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:SUPPORTS]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:SUPPLIES]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:COOPERATES_WITH]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:NEGOTIATES_WITH]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:OPPOSES]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:THREATENS]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:ATTACKS]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:FIGHTS]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:CONTROLS]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:MEMBER_OF]-() ON (r.id, r.date, r.doc);
CREATE INDEX FOR ()-[r:PART_OF]-() ON (r.id, r.date, r.doc);
