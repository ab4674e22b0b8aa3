"""Pure parts of the loaders, no database: row builders, write plan, Cypher files, CSV."""
import csv
import json
import re
from dataclasses import replace

import pytest

from kg.loaders.cypher_files import load_cypher, schema_statements, split_statements
from kg.loaders.neo4j import Neo4jLoadError, connect, neo4j_import_tables, write_neo4j_import
from kg.loaders.rows import (
    WRITE_PLAN,
    extraction_from_rows,
    extraction_rows,
    period_start,
    predicate_weights,
    write_plan,
)
from kg.model import ACTOR_TYPES, Extraction
from store_fixture import STATEMENTS, extraction


def test_statement_rows_carry_sign_weight_and_dates():
    rows = extraction_rows(extraction())
    by_id = {r["id"]: r for r in rows["statements"]}
    coop = by_id[STATEMENTS[2].id]
    assert (coop["s"], coop["p"], coop["o"]) == ("russia", "COOPERATES_WITH", "turkey")
    assert (coop["props"]["sign"], coop["props"]["weight"]) == (1, 0.6)
    month = by_id[STATEMENTS[1].id]
    assert (month["date_start"], month["props"]["date_iso"], month["props"]["date_precision"]) == (
        "2019-03-01", "2019-03", "month")
    assert by_id[STATEMENTS[5].id]["props"]["negated"] is True
    assert all(None not in r["props"].values() for r in rows["statements"])  # Neo4j refuses null in maps


def test_places_stubs_hierarchy_and_document_bookkeeping():
    rows = extraction_rows(extraction())
    assert rows["places"] == [{"id": "place:إدلب", "name_ar": "إدلب"}]
    assert rows["actor_stubs"] == []  # every referenced actor is described
    assert sorted((h["s"], h["p"], h["o"]) for h in rows["hierarchy"]) == [
        ("putin", "MEMBER_OF", "russia"), ("russia.mod", "PART_OF", "russia")]
    d3 = next(d for d in rows["documents"] if d["id"] == "d3")
    assert d3["statement_ids"] == sorted(s.id for s in STATEMENTS if s.doc == "d3")
    subject_of = {s.id: s.subject for s in STATEMENTS}
    assert d3["statement_subjects"] == [subject_of[i] for i in d3["statement_ids"]]
    assert d3["actors"] == ["hts", "russia", "syria.gov", "turkey"]
    russia = next(a for a in rows["actors"] if a["id"] == "russia")
    assert {"russia", "روسيا", "موسكو"} <= set(russia["props"]["keys"])
    # each actor row names the gazetteer edges its record gives (delete_stale_hierarchy)
    assert {a["id"]: a["hierarchy"] for a in rows["actors"] if a["hierarchy"]} == {
        h["s"]: [h["id"]] for h in rows["hierarchy"]}
    assert russia["hierarchy"] == []


def test_unknown_predicate_is_skipped_and_missing_actor_becomes_a_stub():
    odd = replace(STATEMENTS[0], predicate="LIKES", id="")
    new = replace(STATEMENTS[0], object="jaysh_al_izza", o_name="جيش العزة", id="")
    rows = extraction_rows(Extraction(statements=[odd, new]))
    assert rows["skipped"] == [odd.id]
    assert [r["p"] for r in rows["statements"]] == ["SUPPORTS"]
    assert {"id": "jaysh_al_izza", "name_ar": "جيش العزة"} in rows["actor_stubs"]


def test_duplicate_statements_and_documents_are_written_once():
    ex = extraction()
    ex.statements += ex.statements[:3]
    ex.documents += ex.documents[:1]
    rows = extraction_rows(ex)
    assert len(rows["statements"]) == len(STATEMENTS) and len(rows["documents"]) == 4


def test_period_start_and_predicate_table():
    assert [period_start(d) for d in ("2019", "2019-07", "2019-07-04", None)] == [
        "2019-01-01", "2019-07-01", "2019-07-04", None]
    # what Neo4j's date() would refuse (and stop the load with) has no Cypher date
    assert [period_start(d) for d in ("2019-02-30", "2019-7", "2019-13", "c. 2019", "2019-07-04T10:00")] == [
        None] * 5
    bad = replace(STATEMENTS[0], date="2019-02-30", id="")
    (row,) = extraction_rows(Extraction(statements=[bad]))["statements"]
    assert (row["date_start"], row["props"]["date_iso"]) == (None, "2019-02-30")
    table = predicate_weights()
    assert len(table) == 12 and table["FIGHTS"] == (-1, -0.9) and table["PART_OF"] == (0, 0.0)


def test_write_plan_orders_nodes_then_stale_deletes_then_relationships():
    rows = extraction_rows(extraction())
    names = [name for _, name, _ in write_plan(rows, 5)]
    assert names.index("merge_actors") < names.index("delete_stale_hierarchy") < names.index("merge_statements")
    assert names.index("merge_actors") < names.index("delete_stale_statements") < names.index(
        "merge_documents") < names.index("merge_statements") < names.index("merge_mentions")
    sizes = [len(b) for kind, _, b in write_plan(rows, 5) if kind == "statements"]
    assert sizes == [5, 5, 4]
    with pytest.raises(ValueError, match="batch size"):
        list(write_plan(rows, 0))


def test_rows_round_trip_to_an_extraction():
    ex = extraction()
    rows = extraction_rows(ex)
    back = extraction_from_rows(
        [{"props": r["props"] | {"id": r["id"]}} for r in rows["documents"]],
        [{"props": r["props"] | {"id": r["id"]}} for r in rows["actors"]],
        [{"doc": r["doc"], "actor": r["actor"], "props": r["props"]} for r in rows["mentions"]],
        [{"s": r["s"], "p": r["p"], "o": r["o"], "props": r["props"] | {"id": r["id"]}}
         for r in rows["statements"]],
    )
    assert sorted(back.statements, key=lambda s: s.id) == sorted(ex.statements, key=lambda s: s.id)
    assert back.actors == ex.actors
    assert sorted(back.mentions, key=repr) == sorted(ex.mentions, key=repr)


def test_cypher_files_use_only_allow_listed_types_and_parameters():
    merge = load_cypher("merge_statements")
    assert set(re.findall(r"\[r:(\w+) ", merge)) == set(predicate_weights())
    assert set(re.findall(r"SET a:(\w+)", load_cypher("merge_actors"))) == set(ACTOR_TYPES)
    for _, name in WRITE_PLAN:
        text = load_cypher(name)
        assert "$rows" in text and not re.search(r"'\s*\+\s*row", text), name


def test_schema_files_split_into_statements():
    neo = schema_statements("neo4j")
    assert all("IF NOT EXISTS" in s for s in neo)
    assert sum("REQUIRE" in s for s in neo) == 3 and sum("FULLTEXT" in s for s in neo) == 1
    fk = schema_statements("falkordb")
    assert fk and not any("IF NOT EXISTS" in s for s in fk)
    assert split_statements("// c\nRETURN 1;\n\nRETURN 2;") == ["RETURN 1", "RETURN 2"]


def test_neo4j_import_tables():
    tables = neo4j_import_tables(extraction())
    header, actors = tables["actors.csv"]
    assert header[:2] == ["id:ID(Actor)", ":LABEL"] and "keys:string[]" in header
    russia = dict(zip(header, next(a for a in actors if a[0] == "russia")))
    assert russia[":LABEL"] == "Actor;Country" and "موسكو" in russia["keys:string[]"].split(";")
    header, to_place = tables["statements_place.csv"]
    assert header[:2] == [":START_ID(Actor)", ":END_ID(Place)"]
    assert sorted((r[0], r[2]) for r in to_place) == [("russia", "ATTACKS"), ("syria.gov", "ATTACKS")]
    header, to_actor = tables["statements_actor.csv"]
    assert len(to_actor) == len(STATEMENTS) - 2 + 2  # two place objects out, two gazetteer edges in
    row = dict(zip(header, next(r for r in to_actor if r[3] == STATEMENTS[1].id)))
    assert (row["date:date"], row["date_iso"], row["weight:double"], row["negated:boolean"]) == (
        "2019-03-01", "2019-03", "-1.0", "false")
    # the canned queries select on `asserted`: an imported graph must carry it
    assert row["asserted:boolean"] == "true"
    negated = dict(zip(header, next(r for r in to_actor if r[3] == STATEMENTS[5].id)))
    assert negated["asserted:boolean"] == "false"
    header, mentions = tables["mentions.csv"]
    assert len(mentions) == 18 and header[2] == ":TYPE"


def test_neo4j_import_columns_cover_every_property_the_online_load_writes():
    ex = extraction()
    ex.statements.append(replace(STATEMENTS[0], modality="future", reported_by="سانا", id=""))
    ex.documents[0] = replace(ex.documents[0], url="https://example.org/1", origin="rss",
                              date_source="metadata")
    rows = extraction_rows(ex)
    tables = neo4j_import_tables(ex)

    def names(table):
        return {h.split(":")[0] for h in tables[table][0] if not h.startswith(":")}

    written = {
        "actors.csv": {k for r in rows["actors"] for k in r["props"]} | {"id"},
        "documents.csv": {k for r in rows["documents"] for k in r["props"]}
        | {"id", "statement_ids", "statement_subjects", "actors"},
        "statements_actor.csv": {k for r in rows["statements"] + rows["hierarchy"] for k in r["props"]}
        | {"id", "date"},
        "mentions.csv": {k for r in rows["mentions"] for k in r["props"]},
    }
    for table, keys in written.items():
        assert keys <= names(table), (table, keys - names(table))
    assert names("statements_place.csv") == names("statements_actor.csv")
    # numbers are 64-bit, as the online load stores them
    types = {h.split(":", 1)[1] for t in tables.values() for h in t[0] if ":" in h and not h.startswith(":")}
    assert not types & {"int", "float", "int[]", "float[]"}, types


def test_neo4j_import_makes_the_document_of_a_mention_without_a_record():
    ex = extraction()
    ex.documents = [d for d in ex.documents if d.id != "d2"]
    tables = neo4j_import_tables(ex)
    documents = [r[0] for r in tables["documents.csv"][1]]
    assert sorted(documents) == ["d1", "d2", "d3", "d4"]
    assert {r[0] for r in tables["mentions.csv"][1]} <= set(documents)


def test_write_neo4j_import(tmp_path):
    command = write_neo4j_import(extraction(), tmp_path / "imp", database="syria")
    assert command.startswith("neo4j-admin database import full --nodes=")
    assert command.endswith(" syria") and "--relationships=" in command
    with open(tmp_path / "imp" / "statements_actor.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][2] == ":TYPE" and len(rows) == 1 + 14
    script = (tmp_path / "imp" / "import.sh").read_text(encoding="utf-8")
    assert command in script and "cypher-shell -d syria -f" in script
    assert "CREATE CONSTRAINT actor_id" in (tmp_path / "imp" / "schema.cypher").read_text()


def test_array_delimiter_inside_a_value_is_refused():
    ex = extraction()
    ex.actors[0] = replace(ex.actors[0], aliases_en=("Russia; Russian Federation",))
    with pytest.raises(ValueError, match="actor russia: .* array delimiter"):
        neo4j_import_tables(ex)
    json.dumps(extraction_rows(ex))  # the online rows are plain JSON-able data


@pytest.mark.parametrize("uri, message", [
    ("http://localhost:7474", "not a Neo4j Bolt URI"),
    ("localhost:7687", "not a Neo4j Bolt URI"),
    ("bolt://neo4j:secret@localhost:7687", "must not hold credentials"),
    ("neo4j://neo4j@localhost:7687", "must not hold credentials"),
    ("http://neo4j:secret@localhost:7474", "must not hold credentials"),
    ("bolt://127.0.0.1:1", "cannot reach Neo4j at bolt://127.0.0.1:1"),
])
def test_connect_refuses_with_one_line_and_no_server(uri, message):
    with pytest.raises(Neo4jLoadError, match=message) as caught:
        connect(uri, "neo4j", "secret")
    assert "\n" not in str(caught.value) and "secret" not in str(caught.value)
