"""Integration tests against a real Neo4j 5 server (never a mocked driver).

Set NEO4J_URI (e.g. bolt://localhost:7687), NEO4J_USER and NEO4J_PASSWORD to run them;
NEO4J_DATABASE names the database (default: the server's default). These tests DELETE
EVERYTHING in that database: point them at a scratch server.
"""
import os
from dataclasses import replace

import pytest

from kg.canned import coerce_params, get_query, run_query
from kg.loaders.cypher_files import load_cypher
from kg.loaders.neo4j import apply_schema, connect, load, run_read
from kg.loaders.rows import extraction_from_rows
from store_fixture import STATEMENTS, extraction
from test_queries import EXPECTED, pick

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                       reason="NEO4J_URI is not set: no Neo4j 5 server to test against"),
]
DATABASE = os.environ.get("NEO4J_DATABASE") or None


@pytest.fixture(scope="module")
def driver():
    d = connect(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                os.environ.get("NEO4J_PASSWORD", ""))
    yield d
    d.close()


@pytest.fixture
def empty(driver):
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=DATABASE)
    return driver


def counts(driver):
    (n,) = run_read(driver, "MATCH (n) RETURN count(n) AS n", {}, DATABASE)
    (r,) = run_read(driver, "MATCH ()-[r]->() RETURN count(r) AS n", {}, DATABASE)
    return n["n"], r["n"]


def read_back(driver):
    q = lambda name: run_read(driver, load_cypher(name), {}, DATABASE)  # noqa: E731
    ex = extraction_from_rows(q("read_documents"), q("read_actors"), q("read_mentions"),
                              q("read_statements"))
    return sorted(ex.statements, key=lambda s: s.id), sorted(ex.mentions, key=repr)


def test_schema_is_idempotent(empty):
    assert apply_schema(empty, DATABASE) == apply_schema(empty, DATABASE)
    names = {r["name"] for r in run_read(empty, "SHOW CONSTRAINTS YIELD name", {}, DATABASE)}
    assert {"actor_id", "document_id", "place_id"} <= names
    indexes = run_read(empty, "SHOW INDEXES YIELD name, type", {}, DATABASE)
    assert {"name": "actor_names", "type": "FULLTEXT"} in indexes
    assert {"attacks_id", "attacks_date"} <= {i["name"] for i in indexes}


def test_same_answers_as_the_embedded_store(empty):
    load(empty, extraction(), database=DATABASE, batch_size=4)
    for (name, given), (cols, want) in EXPECTED.items():
        q = get_query(name)
        rows = run_query(q, coerce_params(q, dict(given)), driver=empty, database=DATABASE)
        assert pick(rows, *cols) == want, (name, given)


def test_graph_shape_dates_and_labels(empty):
    load(empty, extraction(), database=DATABASE)
    (row,) = run_read(empty, "MATCH (:Actor {id: 'turkey'})-[r:ATTACKS]->(:Actor {id: 'sdf'}) "
                             "RETURN r.date AS date, r.date_precision AS p, r.weight AS w, "
                             "r.date = date('2019-03-01') AS is_date", {}, DATABASE)
    assert row == {"date": "2019-03-01", "p": "month", "w": -1.0, "is_date": True}
    (labels,) = run_read(empty, "MATCH (a:Actor {id: 'hts'}) RETURN labels(a) AS l", {}, DATABASE)
    assert sorted(labels["l"]) == ["Actor", "ArmedGroup"]
    assert counts(empty) == (13, 34)
    assert read_back(empty)[0] == sorted(STATEMENTS, key=lambda s: s.id)


def test_loading_twice_changes_nothing(empty):
    load(empty, extraction(), database=DATABASE)
    first = counts(empty), read_back(empty)
    load(empty, extraction(), database=DATABASE, batch_size=2)
    assert (counts(empty), read_back(empty)) == first


def test_reloading_a_document_replaces_its_statements(empty):
    load(empty, extraction(), database=DATABASE)
    d3 = [s for s in STATEMENTS if s.doc == "d3"]
    ex = extraction()
    ex.documents = [d for d in ex.documents if d.id == "d3"]
    ex.statements = [d3[0], replace(d3[2], predicate="THREATENS", id="")]
    ex.mentions = [m for m in ex.mentions if m.doc == "d3" and m.actor in ("russia", "hts")]
    load(empty, ex, database=DATABASE)
    statements, mentions = read_back(empty)
    assert sorted((s.subject, s.predicate, s.object) for s in statements if s.doc == "d3") == [
        ("russia", "ATTACKS", "hts"), ("russia", "THREATENS", "turkey")]
    assert sorted({m.actor for m in mentions if m.doc == "d3"}) == ["hts", "russia"]


def test_failure_half_way_then_rerun_completes(empty):
    def fail(n):
        raise RuntimeError("connection lost")

    with pytest.raises(RuntimeError):
        load(empty, extraction(), database=DATABASE, batch_size=3, progress=fail)
    # what was committed is consistent: every relationship has both ends and its id
    (bad,) = run_read(empty, "MATCH ()-[r]->() WHERE r.id IS NULL AND type(r) <> 'MENTIONS' "
                             "RETURN count(r) AS n", {}, DATABASE)
    assert bad["n"] == 0
    load(empty, extraction(), database=DATABASE, batch_size=3)
    clean = counts(empty), read_back(empty)
    empty.execute_query("MATCH (n) DETACH DELETE n", database_=DATABASE)
    load(empty, extraction(), database=DATABASE)
    assert (counts(empty), read_back(empty)) == clean


def run(driver, name, **given):
    q = get_query(name)
    return run_query(q, coerce_params(q, given), driver=driver, database=DATABASE)


def test_profile_scores_roles_and_evidence_as_on_the_embedded_store(empty):
    load(empty, extraction(), database=DATABASE)
    (russia,) = run(empty, "actor_profile", actor="russia")
    assert [(p["id"], p["score"], p["statements"]) for p in russia["partners"]] == [
        ("syria.gov", 0.8, 1), ("turkey", 0.5, 3)]
    assert [(p["id"], p["score"]) for p in russia["adversaries"]] == [("hts", -2.0)]
    (putin,) = run(empty, "actor_profile", actor="بوتين")
    assert putin["aliases"] == ["بوتين"]
    assert putin["belongs_to"] == [{"relation": "MEMBER_OF", "of": "russia", "title": "President",
                                    "since": "2012-05-07", "until": None, "source": "gazetteer"}]
    rows = run(empty, "allies_of", actor="russia")
    assert rows[0]["evidence"] == ["نسقت موسكو وأنقرة دورية مشتركة", "بحث بوتين مع أنقرة الوضع في الشمال"]
    assert run(empty, "allies_of", actor="nobody") == []


def test_full_text_index_finds_actors_by_arabic_and_english_names_and_aliases(empty):
    load(empty, extraction(), database=DATABASE)
    empty.execute_query("CALL db.awaitIndexes(120)", database_=DATABASE)

    def search(text):
        rows = run_read(empty, "CALL db.index.fulltext.queryNodes('actor_names', $q) YIELD node "
                               "RETURN node.id AS id", {"q": text}, DATABASE)
        return {r["id"] for r in rows}

    assert search("قسد") == {"sdf"}  # an Arabic acronym
    assert search("بوتين") == {"putin"}  # an Arabic alias
    assert search("موسكو") == {"russia"}  # a metonym
    assert search("HTS") == {"hts"}  # an English alias, any case
    assert search("Turkey") == {"turkey"}
    assert "iran" in search("ايران")  # إيران written without its hamza (the arabic analyzer)


def test_a_statement_with_an_impossible_date_loads_without_a_cypher_date(empty):
    bad = replace(STATEMENTS[0], sentence=9, date="2019-02-30", id="")
    ex = extraction()
    ex.statements.append(bad)
    load(empty, ex, database=DATABASE)
    (row,) = run_read(empty, "MATCH ()-[r:SUPPORTS {id: $id}]->() RETURN r.date AS date, "
                             "r.date_iso AS iso", {"id": bad.id}, DATABASE)
    assert row == {"date": None, "iso": "2019-02-30"}


def test_reloading_a_changed_gazetteer_record_replaces_its_hierarchy(empty):
    load(empty, extraction(), database=DATABASE)
    ex = extraction()
    ex.actors = [replace(a, parent="syria.gov") if a.id == "russia.mod"
                 else replace(a, roles=()) if a.id == "putin" else a for a in ex.actors]
    load(empty, ex, database=DATABASE)
    rows = run_read(empty, "MATCH (a:Actor)-[r:PART_OF|MEMBER_OF]->(b) "
                           "RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, b", {}, DATABASE)
    assert rows == [{"a": "russia.mod", "t": "PART_OF", "b": "syria.gov"}]
