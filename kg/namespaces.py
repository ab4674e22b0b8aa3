"""The RDF namespaces of kg, in one place.

:class:`KG` is our vocabulary (published as ``schema/kg.ttl``) declared as an rdflib
``DefinedNamespace`` with ``_fail = True``, so a misspelt term raises instead of minting a
new IRI (the pattern of ``rdflib/namespace/_TIME.py``).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD, DefinedNamespace

__all__ = ["KG", "WD", "DEFAULT_BASE_IRI", "predicate_term", "BINDINGS"]

#: Where our data lives unless ``--base-iri`` says otherwise.
DEFAULT_BASE_IRI = "https://example.org/kg/"

#: Wikidata entities, the target of ``owl:sameAs``.
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """The kg vocabulary: actor classes, relation properties, statement properties."""

    _NS = Namespace("https://example.org/kg/vocab#")
    _fail = True

    # Classes
    Actor: URIRef  # anything that acts: the superclass of the six actor types
    Country: URIRef
    Government: URIRef
    ArmedGroup: URIRef
    Person: URIRef
    Organization: URIRef
    Media: URIRef
    Place: URIRef
    Document: URIRef
    Statement: URIRef  # one relation mention, with its provenance
    Relation: URIRef  # class of the twelve relation properties

    # Relation properties (direct triples), one per schema/predicates.jsonl entry
    allyOf: URIRef
    supports: URIRef
    supplies: URIRef
    cooperatesWith: URIRef
    negotiatesWith: URIRef
    opposes: URIRef
    threatens: URIRef
    attacks: URIRef
    fights: URIRef
    controls: URIRef
    memberOf: URIRef
    partOf: URIRef

    # Describing relation properties
    predicateId: URIRef
    sign: URIRef
    weight: URIRef
    quad: URIRef

    # Statement properties
    statementId: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    date: URIRef
    datePrecision: URIRef
    negated: URIRef
    hedged: URIRef
    modality: URIRef
    confidence: URIRef
    evidence: URIRef
    trigger: URIRef
    reportedBy: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    extractor: URIRef

    # Actor and document properties
    actorId: URIRef
    parent: URIRef
    docId: URIRef
    source: URIRef
    url: URIRef
    mentions: URIRef


#: Prefixes bound on every graph kg writes.
BINDINGS = {
    "kg": KG._NS, "wd": WD, "prov": PROV, "owl": OWL, "rdfs": RDFS, "xsd": XSD,
    "dcterms": DCTERMS, "rdf": RDF,
}


def predicate_term(predicate: str) -> URIRef:
    """The relation property of a predicate id: ``ALLY_OF`` → ``kg:allyOf``.

    Raises
    ------
    AttributeError
        If the vocabulary has no such property (``_fail = True``).

    Examples
    --------
    >>> predicate_term("NEGOTIATES_WITH")
    rdflib.term.URIRef('https://example.org/kg/vocab#negotiatesWith')
    """
    first, *rest = predicate.lower().split("_")
    return getattr(KG, first + "".join(w.capitalize() for w in rest))
