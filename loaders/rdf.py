"""RDF sink: an extraction as an rdflib Dataset (Turtle, TriG, JSON-LD, N-Triples).

Statements are modelled the way Wikidata models claims:

- a *direct triple* ``<actor> kg:supports <actor>`` for every relation the text asserts
  (not negated, not hedged, not future or conditional), for easy SPARQL;
- a ``kg:Statement`` node for every relation mention, with ``kg:subject``,
  ``kg:predicate``, ``kg:object``, ``kg:date`` typed by precision (``xsd:date``,
  ``xsd:gYearMonth``, ``xsd:gYear``), the ``kg:negated``/``kg:hedged`` flags,
  ``kg:confidence``, ``kg:evidence`` in Arabic, and ``prov:wasDerivedFrom`` its
  ``kg:Document`` (which carries source, URL and date).

Actors and places sit in the default graph; each document's node, statements, direct
triples and mentions sit in a named graph of their own. :func:`extraction_to_dataset` is
pure; :func:`write_rdf` only serializes. The vocabulary is ``schema/kg.ttl``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kg.gazetteer import load_gazetteer
from kg.graph import asserted, build_graph, node_attributes
from kg.predicates import Predicate
from kg.model import Actor, Extraction
from kg.namespaces import BINDINGS, DEFAULT_BASE_IRI, KG, WD, predicate_term

__all__ = ["RDF_FORMATS", "Minter", "extraction_to_dataset", "union_graph", "write_rdf"]

#: ``--format`` names and the rdflib serializer of each.
RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "json-ld": "json-ld", "nt": "nt"}
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Characters a URL may keep as they are; anything else (spaces, Arabic) is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_ACTOR_TYPES = {
    "Country": KG.Country, "Government": KG.Government, "ArmedGroup": KG.ArmedGroup,
    "Person": KG.Person, "Organization": KG.Organization, "Media": KG.Media,
}


class Minter:
    """IRIs minted from stable ids under one base IRI (Arabic names percent-encoded).

    Examples
    --------
    >>> m = Minter("https://example.org/kg/")
    >>> m.node("place:إدلب")
    rdflib.term.URIRef('https://example.org/kg/place/%D8%A5%D8%AF%D9%84%D8%A8')
    >>> m.node("syria.gov")
    rdflib.term.URIRef('https://example.org/kg/actor/syria.gov')
    """

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI):
        if not base_iri.startswith(("http://", "https://", "urn:")):
            raise ValueError(f"bad base IRI {base_iri!r}: expected an http(s): or urn: IRI")
        self.base = base_iri if base_iri.endswith(("/", "#", ":")) else base_iri + "/"

    def _iri(self, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{quote(key, safe='')}")

    def node(self, node_id: str) -> URIRef:
        """An actor id, or a place id ``place:<name>``."""
        if node_id.startswith("place:"):
            return self._iri("place", node_id[len("place:"):])
        return self._iri("actor", node_id)

    def document(self, doc: str) -> URIRef:
        """The ``kg:Document`` of a document id."""
        return self._iri("document", doc)

    def graph(self, doc: str) -> URIRef:
        """The named graph holding a document's statements."""
        return self._iri("graph", doc)

    def statement(self, statement_id: str) -> URIRef:
        """The ``kg:Statement`` node of a statement id."""
        return self._iri("statement", statement_id)


def _date(iso: str) -> Literal:
    """An ISO date typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if not _ISO_DATE.match(iso):
        raise ValueError(f"bad date {iso!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return Literal(iso, datatype=_DATE_TYPES[_PRECISION_BY_LENGTH[len(iso)]])


def _dated(iso: str, what: str) -> Literal:
    try:
        return _date(iso)
    except ValueError as e:
        raise ValueError(f"{what}: {e}") from e


def _describe_node(g: Graph, iri: URIRef, node_id: str, attrs: Mapping, minter: Minter) -> None:
    if attrs.get("type") == "Place":
        g.add((iri, RDF.type, KG.Place))
        g.add((iri, RDFS.label, Literal(attrs["name_ar"], lang="ar")))
        return
    g.add((iri, RDF.type, KG.Actor))
    if attrs.get("type") in _ACTOR_TYPES:
        g.add((iri, RDF.type, _ACTOR_TYPES[attrs["type"]]))
    g.add((iri, KG.actorId, Literal(node_id)))
    g.add((iri, RDFS.label, Literal(attrs.get("name_ar") or node_id, lang="ar")))
    if attrs.get("name_en"):
        g.add((iri, RDFS.label, Literal(attrs["name_en"], lang="en")))
    if attrs.get("wikidata"):
        g.add((iri, OWL.sameAs, WD[attrs["wikidata"]]))
    if attrs.get("parent"):
        g.add((iri, KG.parent, minter.node(attrs["parent"])))


def extraction_to_dataset(
    extraction: Extraction,
    base_iri: str = DEFAULT_BASE_IRI,
    actors: Mapping[str, Actor] | None = None,
    predicates: Mapping[str, Predicate] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Dataset:
    """The RDF of an extraction: actors and places, and one named graph per document.

    Parameters
    ----------
    extraction : Extraction
    base_iri : str
        Prefix of every minted IRI (``actor/``, ``place/``, ``document/``,
        ``statement/``, ``graph/`` follow it).
    actors, predicates : mappings, optional
        As for :func:`kg.graph.build_graph` (default: the gazetteer and the predicate
        table that ship with kg).
    progress : callable, optional
        Called with 1 after each statement.

    Returns
    -------
    ds : rdflib.Dataset

    Examples
    --------
    >>> from kg.model import Extraction, Statement
    >>> st = Statement(doc="d1", subject="iran", predicate="SUPPLIES", object="syria.gov",
    ...                s_name="إيران", o_name="النظام السوري", sentence=0, start=0, end=9,
    ...                evidence="زودت إيران النظام السوري بالصواريخ", trigger="زودت",
    ...                date="2019-04")
    >>> ds = extraction_to_dataset(Extraction(statements=[st]))
    >>> m = Minter()
    >>> (m.node("iran"), KG.supplies, m.node("syria.gov")) in union_graph(ds)
    True
    """
    minter = Minter(base_iri)
    if actors is None:
        actors = load_gazetteer() | {a.id: a for a in extraction.actors}
    G = build_graph(extraction, actors, predicates)
    ds = Dataset()
    for prefix, ns in BINDINGS.items():
        ds.bind(prefix, ns)
    default = ds.default_graph
    described = set(G)
    for node, attrs in G.nodes(data=True):
        _describe_node(default, minter.node(node), node, attrs, minter)
    # The parents actors roll up to are described too (the graph has the statements'
    # sources), so no kg:parent points at an IRI the export says nothing about.
    wanted = sorted({a["parent"] for _, a in G.nodes(data=True) if a.get("parent")})
    while wanted:
        node = wanted.pop(0)
        if node in described:
            continue
        described.add(node)
        attrs = node_attributes(node, actors)
        _describe_node(default, minter.node(node), node, attrs, minter)
        if attrs.get("parent"):
            wanted.append(attrs["parent"])

    documents = {d.id: d for d in extraction.documents}
    graphs: dict[str, Graph] = {}

    def doc_graph(doc_id: str) -> Graph:
        if doc_id not in graphs:
            g = graphs[doc_id] = ds.graph(minter.graph(doc_id))
            iri = minter.document(doc_id)
            g.add((iri, RDF.type, KG.Document))
            g.add((iri, KG.docId, Literal(doc_id)))
            d = documents.get(doc_id)
            if d is not None:
                if d.date:
                    g.add((iri, KG.date, _dated(d.date, f"document {doc_id}")))
                if d.source:
                    g.add((iri, KG.source, Literal(d.source)))
                if d.url:
                    g.add((iri, KG.url, URIRef(quote(d.url, safe=_URL_SAFE))))
                if d.title:
                    g.add((iri, DCTERMS.title, Literal(d.title, lang="ar")))
        return graphs[doc_id]

    for doc_id in documents:
        doc_graph(doc_id)
    for m in extraction.mentions:
        doc_graph(m.doc).add((minter.document(m.doc), KG.mentions, minter.node(m.actor)))
    for st in extraction.statements:
        g = doc_graph(st.doc)
        s, o, p = minter.node(st.subject), minter.node(st.object), predicate_term(st.predicate)
        if asserted(st):
            g.add((s, p, o))
        node = minter.statement(st.id)
        g.add((node, RDF.type, KG.Statement))
        g.add((node, KG.statementId, Literal(st.id)))
        g.add((node, KG.subject, s))
        g.add((node, KG.predicate, p))
        g.add((node, KG.object, o))
        if st.date:
            g.add((node, KG.date, _dated(st.date, f"statement {st.id} (doc {st.doc})")))
            g.add((node, KG.datePrecision, Literal(_PRECISION_BY_LENGTH[len(st.date)])))
        g.add((node, KG.negated, Literal(st.negated)))
        g.add((node, KG.hedged, Literal(st.hedged)))
        if st.modality:
            g.add((node, KG.modality, Literal(st.modality)))
        g.add((node, KG.confidence, Literal(Decimal(str(round(st.confidence, 4))))))
        g.add((node, KG.evidence, Literal(st.evidence, lang="ar")))
        if st.trigger:
            g.add((node, KG.trigger, Literal(st.trigger, lang="ar")))
        if st.reported_by:
            g.add((node, KG.reportedBy, minter.node(st.reported_by)))
        g.add((node, KG.sentence, Literal(st.sentence)))
        g.add((node, KG.start, Literal(st.start)))
        g.add((node, KG.end, Literal(st.end)))
        g.add((node, KG.extractor, Literal(st.extractor)))
        g.add((node, PROV.wasDerivedFrom, minter.document(st.doc)))
        if progress is not None:
            progress(1)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of every graph of ``ds`` in one graph (what Turtle and N-Triples hold)."""
    g = Graph()
    for prefix, ns in BINDINGS.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def write_rdf(ds: Dataset, path: str | Path, fmt: str = "turtle") -> int:
    """Serialize ``ds`` to ``path`` atomically; returns the number of triples written.

    TriG and JSON-LD keep the named graphs (in JSON-LD the default graph's nodes sit at
    the top of ``@graph``, where JSON-LD processors look for them); Turtle and N-Triples
    get the union of all graphs (:func:`union_graph`).
    """
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}: expected one of {', '.join(RDF_FORMATS)}")
    path = Path(path)
    data: Graph = ds if fmt in ("trig", "json-ld") else union_graph(ds)
    tmp = path.with_name(path.name + ".part")
    if fmt == "json-ld":
        text = data.serialize(format="json-ld", context={k: str(v) for k, v in BINDINGS.items()})
        doc = _default_graph_on_top(json.loads(text))
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        data.serialize(tmp, format=RDF_FORMATS[fmt], encoding="utf-8")
    tmp.replace(path)
    return len(data) if fmt not in ("trig", "json-ld") else sum(1 for _ in ds.quads((None, None, None, None)))


def _default_graph_on_top(doc: dict | list) -> dict | list:
    """A JSON-LD document whose default-graph nodes sit at the top of ``@graph``.

    rdflib writes a dataset's default graph as a graph object without ``@id``, which
    JSON-LD processors (JSON-LD 1.1, Deserialize JSON-LD to RDF) read as a *named* graph
    with a blank-node name; nodes at the top of ``@graph`` are in the default graph.

    Examples
    --------
    >>> _default_graph_on_top({"@graph": [{"@graph": [{"@id": "a"}, {"@id": "b"}]},
    ...                                   {"@id": "g1", "@graph": [{"@id": "c"}]}]})
    {'@graph': [{'@id': 'a'}, {'@id': 'b'}, {'@id': 'g1', '@graph': [{'@id': 'c'}]}]}
    """
    if not isinstance(doc, dict) or not isinstance(doc.get("@graph"), list):
        return doc
    top: list = []
    for item in doc["@graph"]:
        if isinstance(item, dict) and set(item) == {"@graph"}:
            top.extend(item["@graph"])
        else:
            top.append(item)
    return doc | {"@graph": top}
