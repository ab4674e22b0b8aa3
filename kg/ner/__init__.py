"""Mention finders: gazetteer, role+name patterns, Stanza NER, behind one interface."""
