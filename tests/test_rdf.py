"""RDF export: vocabulary, SHACL shapes, round trips through every format, SPARQL."""
from __future__ import annotations

import dataclasses
import doctest
import json

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

import kg.namespaces
import kg.loaders.rdf as rdf_module
from kg.predicates import load_predicates
from kg.loaders.rdf import RDF_FORMATS, Minter, extraction_to_dataset, union_graph, write_rdf
from kg.model import Statement
from kg.namespaces import KG, WD, predicate_term
from kg.resources import schema_file
from syria_fixture import tiny_extraction

# Cooperative partners of an actor within a period, read from the statement nodes and the
# published vocabulary (the sign of each relation property). Values come in as bindings.
ALLIES_QUERY = """
PREFIX kg: <https://example.org/kg/vocab#>
SELECT DISTINCT ?ally WHERE {
  ?st a kg:Statement ; kg:predicate ?p ; kg:negated false ; kg:hedged false ; kg:date ?date .
  FILTER NOT EXISTS { ?st kg:modality ?modality }
  ?p kg:sign 1 .
  { ?st kg:subject ?actor ; kg:object ?ally } UNION { ?st kg:object ?actor ; kg:subject ?ally }
  FILTER(STRSTARTS(STR(?date), ?period))
}
"""


@pytest.fixture(scope="module")
def ds():
    return extraction_to_dataset(tiny_extraction())


@pytest.fixture(scope="module")
def vocab():
    return Graph().parse(schema_file("kg.ttl"))


def test_doctests():
    for module in (rdf_module, kg.namespaces):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_vocabulary_agrees_with_predicate_table(vocab):
    predicates = load_predicates()
    relations = set(vocab.subjects(RDF.type, KG.Relation))
    assert relations == {predicate_term(p) for p in predicates}
    for p in predicates.values():
        term = predicate_term(p.id)
        assert vocab.value(term, KG.predicateId) == Literal(p.id)
        assert vocab.value(term, KG.sign).toPython() == p.sign
        assert float(vocab.value(term, KG.weight).toPython()) == p.weight
        labels = set(vocab.objects(term, RDFS.label))
        assert {Literal(p.label_en, lang="en"), Literal(p.label_ar, lang="ar")} <= labels
        assert vocab.value(term, RDFS.comment) is not None
        assert ((term, RDF.type, OWL.SymmetricProperty) in vocab) == p.symmetric


def test_every_term_of_the_namespace_is_defined_and_documented(vocab):
    terms = {KG[name] for name in KG.__annotations__}
    defined = {s for s in vocab.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    assert defined - {URIRef(str(KG._NS))} == terms
    for t in terms:
        assert vocab.value(t, RDFS.comment) is not None, t
        assert {lit.language for lit in vocab.objects(t, RDFS.label)} == {"en", "ar"}, t
    with pytest.raises(AttributeError):
        KG.suports  # the typo raises instead of minting a new IRI


def test_export_conforms_to_shapes(ds):
    shapes = Graph().parse(schema_file("shapes.ttl"))
    conforms, _, report = validate(union_graph(ds), shacl_graph=shapes, ont_graph=None)
    assert conforms, report


@pytest.mark.parametrize("fmt", ["turtle", "trig", "json-ld"])
def test_exported_file_conforms_to_shapes(ds, fmt, tmp_path):
    out = tmp_path / f"export.{fmt}"
    write_rdf(ds, out, fmt)
    back = Dataset()
    back.parse(out, format=fmt)
    g = Graph()
    for s, p, o, _ in back.quads((None, None, None, None)):
        g.add((s, p, o))
    assert len(g) == len(union_graph(ds))
    shapes = Graph().parse(schema_file("shapes.ttl"))
    conforms, _, report = validate(g, shacl_graph=shapes)
    assert conforms, report


def test_shapes_catch_a_broken_statement(ds):
    g = union_graph(ds)
    st = Minter().statement(tiny_extraction().statements[0].id)
    g.remove((st, KG.evidence, None))
    g.add((st, KG.date, Literal("March 2019")))
    g.add((Minter().node("russia"), OWL.sameAs, URIRef("https://en.wikipedia.org/wiki/Russia")))
    shapes = Graph().parse(schema_file("shapes.ttl"))
    conforms, results, _ = validate(g, shacl_graph=shapes)
    assert not conforms
    paths = {str(o) for o in results.objects(None, URIRef("http://www.w3.org/ns/shacl#resultPath"))}
    assert {str(KG.evidence), str(KG.date), str(OWL.sameAs)} <= paths


def test_direct_triples_only_for_asserted_statements(ds):
    g, m = union_graph(ds), Minter()
    assert (m.node("russia"), KG.supports, m.node("syria.gov")) in g
    assert (m.node("russia"), KG.attacks, m.node("place:إدلب")) in g
    assert (m.node("iran"), KG.allyOf, m.node("turkey")) not in g  # negated
    assert (m.node("usa"), KG.supplies, m.node("opposition")) not in g  # hedged
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 13
    direct = [t for t in g if t[1] in {predicate_term(p) for p in load_predicates()}]
    assert len(direct) == 11


def test_statement_node(ds):
    g, m = union_graph(ds), Minter()
    st = tiny_extraction().statements[1]  # iran SUPPLIES syria.gov, 2019-03
    node = m.statement(st.id)
    assert g.value(node, KG.date) == Literal("2019-03", datatype=XSD.gYearMonth)
    assert g.value(node, KG.evidence) == Literal(st.evidence, lang="ar")
    assert g.value(node, KG.negated) == Literal(False)
    assert g.value(node, PROV.wasDerivedFrom) == m.document("d1")
    assert g.value(m.document("d1"), KG.date) == Literal("2019-03-10", datatype=XSD.date)
    assert g.value(m.document("d1"), KG.url) == URIRef("https://news.example.org/d1")
    year_only = m.statement(tiny_extraction().statements[9].id)
    assert g.value(year_only, KG.date) == Literal("2020", datatype=XSD.gYear)
    reported = m.statement(tiny_extraction().statements[3].id)
    assert g.value(reported, KG.reportedBy) == m.node("anadolu")


def test_actors_labels_and_wikidata(ds):
    g, m = union_graph(ds), Minter()
    russia = m.node("russia")
    assert set(g.objects(russia, RDFS.label)) == {Literal("روسيا", lang="ar"), Literal("Russia", lang="en")}
    assert g.value(russia, OWL.sameAs) == WD.Q159
    assert (russia, RDF.type, KG.Country) in g
    assert g.value(m.node("syria.gov"), OWL.sameAs) is None
    assert str(m.node("place:إدلب")).endswith("/place/%D8%A5%D8%AF%D9%84%D8%A8")


def test_one_named_graph_per_document(ds):
    m = Minter()
    names = {g.identifier for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    assert names == {m.graph("d1"), m.graph("d2"), m.graph("d3")}
    d1 = ds.graph(m.graph("d1"))
    assert len(set(d1.subjects(RDF.type, KG.Statement))) == 2


def test_base_iri_is_configurable():
    ds = extraction_to_dataset(tiny_extraction(), base_iri="https://kg.example.net/data")
    g = union_graph(ds)
    assert (URIRef("https://kg.example.net/data/actor/russia"), RDF.type, KG.Actor) in g
    with pytest.raises(ValueError, match="bad base IRI"):
        Minter("example.org")


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_round_trip(ds, fmt, tmp_path):
    out = tmp_path / f"export.{fmt}"
    n = write_rdf(ds, out, fmt)
    if fmt in ("trig", "json-ld"):
        back = Dataset()
        back.parse(out, format=fmt)
        assert sum(1 for _ in back.quads((None, None, None, None))) == n
        for g in ds.graphs():
            assert isomorphic(back.graph(g.identifier), g), g.identifier
    else:
        back = Graph().parse(out, format=fmt)
        assert len(back) == n == len(union_graph(ds))
        assert isomorphic(back, union_graph(ds))


def test_sparql_allies_of_russia_in_2019(ds, vocab, tmp_path):
    out = tmp_path / "export.ttl"
    write_rdf(ds, out, "turtle")
    g = Graph().parse(out) + vocab
    russia = Minter().node("russia")

    def allies(period):
        rows = g.query(ALLIES_QUERY, initBindings={"actor": russia, "period": Literal(period)})
        return {str(r.ally).rsplit("/", 1)[1] for r in rows}

    assert allies("2019") == {"syria.gov", "turkey"}
    assert allies("2020") == {"turkey"}


def _future_alliance() -> Statement:
    return Statement(doc="d3", subject="russia", predicate="ALLY_OF", object="iran", s_name="روسيا",
                     o_name="إيران", sentence=6, start=60, end=95,
                     evidence="ستعلن روسيا وإيران تحالفاً جديداً الشهر المقبل.", trigger="تحالفاً",
                     date="2020-03", date_precision="month", modality="future")


def test_future_statement_has_a_node_but_no_direct_triple(tmp_path):
    ex = tiny_extraction()
    ex.statements.append(_future_alliance())
    g, m = union_graph(extraction_to_dataset(ex)), Minter()
    node = m.statement(_future_alliance().id)
    assert g.value(node, KG.modality) == Literal("future")
    assert g.value(node, KG.negated) == Literal(False) and g.value(node, KG.hedged) == Literal(False)
    assert (m.node("russia"), KG.allyOf, m.node("iran")) not in g
    vocab = Graph().parse(schema_file("kg.ttl"))
    rows = (g + vocab).query(ALLIES_QUERY, initBindings={"actor": m.node("russia"),
                                                         "period": Literal("2020")})
    assert {str(r.ally).rsplit("/", 1)[1] for r in rows} == {"turkey"}  # not iran


def test_parents_of_actors_are_described():
    # The Quds Force rolls up to the IRGC, the IRGC to Iran; neither parent is in a statement.
    st = Statement(doc="d9", subject="iran.quds_force", predicate="SUPPLIES", object="syria.gov",
                   s_name="فيلق القدس", o_name="النظام السوري", sentence=0, start=0, end=40,
                   evidence="زود فيلق القدس النظام السوري بطائرات مسيرة.", trigger="زود",
                   date="2019-05", date_precision="month")
    from kg.model import Extraction

    g, m = union_graph(extraction_to_dataset(Extraction(statements=[st]))), Minter()
    assert g.value(m.node("iran.quds_force"), KG.parent) == m.node("iran.irgc")
    assert g.value(m.node("iran.irgc"), KG.parent) == m.node("iran")
    for actor in ("iran.irgc", "iran"):
        assert (m.node(actor), RDF.type, KG.Actor) in g
        assert g.value(m.node(actor), KG.actorId) == Literal(actor)
    shapes = Graph().parse(schema_file("shapes.ttl"))
    conforms, _, report = validate(g, shacl_graph=shapes)
    assert conforms, report


def test_json_ld_keeps_actors_in_the_default_graph(ds, tmp_path):
    # A graph object without @id is a blank-node *named* graph to JSON-LD processors, so
    # the default graph's nodes must sit at the top of @graph.
    out = tmp_path / "export.jsonld"
    write_rdf(ds, out, "json-ld")
    doc = json.loads(out.read_text(encoding="utf-8"))
    named = [item for item in doc["@graph"] if "@graph" in item]
    assert all("@id" in item for item in named)
    assert {item["@id"] for item in named} == {str(Minter().graph(d)) for d in ("d1", "d2", "d3")}
    top_ids = {item["@id"] for item in doc["@graph"] if "@graph" not in item}
    assert str(Minter().node("russia")) in top_ids
    back = Dataset()
    back.parse(out, format="json-ld")
    russia = Minter().node("russia")
    assert (russia, RDF.type, KG.Actor) in back.default_graph


def test_bad_date_names_the_statement():
    ex = tiny_extraction()
    ex.statements[0] = dataclasses.replace(ex.statements[0], date="2019-13")
    with pytest.raises(ValueError, match=rf"statement {ex.statements[0].id} \(doc d1\): bad date '2019-13'"):
        extraction_to_dataset(ex)


def test_document_url_with_spaces_is_encoded():
    ex = tiny_extraction()
    ex.documents[0] = dataclasses.replace(ex.documents[0], url="https://news.example.org/a b/خبر")
    g = union_graph(extraction_to_dataset(ex))
    url = g.value(Minter().document("d1"), KG.url)
    assert str(url) == "https://news.example.org/a%20b/%D8%AE%D8%A8%D8%B1"
