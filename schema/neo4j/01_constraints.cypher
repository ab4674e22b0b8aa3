// Neo4j 5 uniqueness constraints (each also creates the range index MERGE uses).
// Idempotent: IF NOT EXISTS. Applied by kg.loaders.neo4j.apply_schema before any write.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (p:Place) REQUIRE p.id IS UNIQUE;
