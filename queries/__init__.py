"""Canned Cypher queries, one per .cypher file; no code."""
