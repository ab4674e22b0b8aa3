"""`kg queries`, `kg query`, `kg load`, `kg export neo4j-import` through click's CliRunner."""
import csv
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.loaders.falkordb import EmbeddedStore
from kg.records import write_records
from store_fixture import extraction


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    with EmbeddedStore.open(path) as s:
        s.load(extraction())
    return path


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_queries_lists_names_descriptions_and_params():
    result = kg("queries")
    assert result.exit_code == 0
    assert "allies_of\n" in result.output and "--param actor=<STRING>" in result.output
    assert "--param from=<DATE, optional>" in result.output


def test_query_table_json_and_csv(store):
    table = kg("query", "allies_of", "--store", store, "--param", "actor=روسيا")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split()[:3] == ["actor", "partner", "partner_ar"]
    rows = json.loads(kg("query", "allies_of", "--store", store, "-p", "actor=russia",
                         "--format", "json").stdout)
    assert [r["partner"] for r in rows] == ["turkey", "syria.gov"]
    lines = list(csv.reader(kg("query", "relation_timeline", "--store", store, "-p", "a=russia",
                               "-p", "b=turkey", "-p", "granularity=year", "--format", "csv").stdout.splitlines()))
    assert lines[0][:4] == ["a", "b", "period", "score"] and [r[2] for r in lines[1:]] == ["2019", "2020"]


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "no canned query 'nope'"),
    (["query", "allies_of"], "allies_of needs --param actor="),
    (["query", "allies_of", "-p", "actor=russia", "-p", "from=2019"], "from must be DATE"),
    (["query", "allies_of", "-p", "actor"], "--param takes K=V"),
    (["query", "allies_of", "-p", "actor=x", "--store", "/nonexistent/kg"], "no store at /nonexistent/kg"),
    (["load", "--neo4j", "bolt://localhost:1"], "give INPUTS or --store PATH"),
])
def test_user_errors_are_one_clear_line(args, message):
    result = kg(*args)
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output


def test_load_reports_an_unreachable_neo4j_in_one_line(tmp_path, monkeypatch):
    statements = tmp_path / "st.jsonl"
    write_records(extraction(), statements)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    result = kg("load", "--neo4j", "bolt://127.0.0.1:1", statements, "-q")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1")
    assert len(result.output.strip().splitlines()) == 1 and "secret" not in result.output


def test_export_neo4j_import_from_a_statements_file_and_from_the_store(tmp_path, store):
    statements = tmp_path / "st.jsonl"
    write_records(extraction(), statements)
    result = kg("export", "neo4j-import", tmp_path / "a", statements, "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("neo4j-admin database import full")
    with open(tmp_path / "a" / "actors.csv", encoding="utf-8", newline="") as f:
        labels = {r["id:ID(Actor)"]: r[":LABEL"] for r in csv.DictReader(f)}
    assert labels["russia"] == "Actor;Country"  # typed from the gazetteer, not a bare stub
    result = kg("export", "neo4j-import", tmp_path / "b", "--store", store, "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b" / "import.sh").exists()
