"""Data that defines the graph (actors, relation types, vocabularies); no code."""
