"""Sinks: the embedded store, Neo4j, RDF, JSON Lines."""
