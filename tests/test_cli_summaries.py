"""`kg summary`, `kg timeline`, `kg graph-image` and `kg export rdf` on a statements file."""
from __future__ import annotations

import doctest
import json

import pytest
from click.testing import CliRunner
from pyshacl import validate
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

import kg.summary
from kg.cli import main
from kg.loaders.falkordb import EmbeddedStore
from kg.loaders.rdf import extraction_to_dataset, union_graph
from kg.namespaces import KG
from kg.records import write_records
from kg.resources import schema_file
from syria_fixture import tiny_extraction


@pytest.fixture(scope="module")
def statements(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "statements.jsonl"
    write_records(tiny_extraction(), path)
    return str(path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    with EmbeddedStore.open(path) as s:
        s.load(tiny_extraction())
    return path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


def test_summary_doctests():
    result = doctest.testmod(kg.summary)
    assert result.attempted > 0 and result.failed == 0


def test_summary_json(statements):
    result = run("summary", "--statements", statements, "--format", "json", "--top", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["documents"], data["statements"], data["unasserted"]) == (3, 13, 2)
    assert data["cooperative_pairs"][0] == {"a": "russia", "b": "turkey", "score": 0.9}
    assert data["hostile_pairs"] == [
        {"a": "opposition", "b": "russia", "score": -1.0},
        {"a": "opposition", "b": "syria.gov", "score": -1.0},
    ]
    assert data["blocs"][:2] == [["iran", "russia", "syria.gov"], ["opposition", "turkey"]]


def test_summary_table_of_a_period(statements):
    result = run("summary", "--statements", statements, "--period", "2020-02")
    assert result.exit_code == 0, result.output
    assert "5 statements" in result.stdout
    assert "NEGOTIATES_WITH" in result.stdout and "Blocs" in result.stdout


def test_summary_bad_period_and_missing_store(statements, tmp_path):
    result = run("summary", "--statements", statements, "--period", "last year")
    assert result.exit_code == 2 and "bad period 'last year'" in result.output
    result = run("summary", "--store", tmp_path / "nothing-here")
    assert result.exit_code == 1 and "no store at" in result.output
    assert not (tmp_path / "nothing-here").exists()


def test_timeline_by_arabic_and_english_names(statements, tmp_path):
    png = tmp_path / "timeline.png"
    result = run("timeline", "روسيا", "Turkey", "--statements", statements, "--format", "json",
                 "--plot", png)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["period"], r["score"]) for r in rows] == [("2019-07", 0.6), ("2020-02", 0.3)]
    assert png.stat().st_size > 10_000


def test_timeline_table_by_year(statements):
    result = run("timeline", "russia", "usa", "--statements", statements, "--granularity", "year")
    assert result.exit_code == 0, result.output
    assert "2020" in result.stdout and "OPPOSES×1" in result.stdout


def test_timeline_unknown_actor(statements):
    result = run("timeline", "russia", "Narnia", "--statements", statements)
    assert result.exit_code == 2 and "unknown actor 'Narnia'" in result.output


def test_graph_image(statements, tmp_path):
    png = tmp_path / "graph.png"
    result = run("graph-image", "--period", "2019", "--out", png, "--statements", statements)
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    result = run("graph-image", "--period", "2015", "--out", tmp_path / "none.png",
                 "--statements", statements)
    assert result.exit_code == 1 and "no scored actor pairs" in result.output


@pytest.mark.parametrize("fmt", ["turtle", "trig", "json-ld", "nt"])
def test_export_rdf(statements, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "rdf", "--format", fmt, "--statements", statements,
                 "--base-iri", "https://kg.example.net/", out)
    assert result.exit_code == 0, result.output
    if fmt in ("trig", "json-ld"):
        g = Dataset(default_union=True)
        g.parse(out, format=fmt)
        assert len(list(g.graphs())) == 4  # three documents and the default graph
    else:
        g = Graph().parse(out, format=fmt)
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 13
    assert any(str(s).startswith("https://kg.example.net/statement/") for s in g.subjects(RDF.type, KG.Statement))
    assert "exporting RDF" in result.stderr


def test_export_rdf_quiet(statements, tmp_path):
    result = run("export", "rdf", "-q", "--statements", statements, tmp_path / "graph.ttl")
    assert result.exit_code == 0 and result.output == ""


def _without_place_mentions(g: Graph) -> Graph:
    # The store links documents to the actors they mention (DESIGN.md), not to places.
    out = Graph()
    for t in g:
        if not (t[1] == KG.mentions and "/place/" in str(t[2])):
            out.add(t)
    return out


def test_export_rdf_of_the_store_validates_and_matches_the_extraction(store, tmp_path):
    out = tmp_path / "store.ttl"
    result = run("export", "rdf", "-q", "--store", store, out)
    assert result.exit_code == 0, result.output
    g = Graph().parse(out)
    conforms, _, report = validate(g, shacl_graph=Graph().parse(schema_file("shapes.ttl")))
    assert conforms, report
    expected = union_graph(extraction_to_dataset(tiny_extraction()))
    assert isomorphic(_without_place_mentions(g), _without_place_mentions(expected))


def test_export_rdf_of_a_statements_file_validates(statements, tmp_path):
    out = tmp_path / "file.trig"
    result = run("export", "rdf", "-q", "--format", "trig", "--statements", statements, out)
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out, format="trig")
    g = Graph()
    for s_, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s_, p, o))
    conforms, _, report = validate(g, shacl_graph=Graph().parse(schema_file("shapes.ttl")))
    assert conforms, report
    assert len(set(g.subjects(RDF.type, KG.Statement))) == 13


def test_summary_timeline_and_picture_from_the_store(store, statements, tmp_path):
    from_store = json.loads(run("summary", "--store", store, "--format", "json").stdout)
    from_file = json.loads(run("summary", "--statements", statements, "--format", "json").stdout)
    from_store.pop("names"), from_file.pop("names")  # display names: store actors vs gazetteer
    assert from_store == from_file
    result = run("timeline", "russia", "turkey", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["period"], r["score"]) for r in json.loads(result.stdout)] == [("2019-07", 0.6), ("2020-02", 0.3)]
    png = tmp_path / "graph.png"
    result = run("graph-image", "--period", "2019", "--out", png, "--store", store)
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
