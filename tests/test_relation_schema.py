"""The relation and modality data files follow their JSON schemas and load cleanly."""
import json

import jsonschema
import pytest

from kg.modality import load_modality_cues
from kg.relations import RelationRuleError, load_relation_rules, parse_slot
from kg.resources import schema_file


def _lines(name):
    with open(schema_file(name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.mark.parametrize(
    "data, schema",
    [("relations.jsonl", "relations.schema.json"), ("modality.jsonl", "modality.schema.json")],
)
def test_lines_follow_schema(data, schema):
    lines = _lines(data)
    meta = lines[0]["_meta"]
    assert meta["source"] and meta["license"] and meta["changes"]
    validator = jsonschema.Draft202012Validator(
        json.loads(schema_file(schema).read_text(encoding="utf-8"))
    )
    errors = [
        f"line {n}: {e.message[:120]}"
        for n, entry in enumerate(lines[1:], 2)
        for e in validator.iter_errors(entry)
    ]
    assert errors == []


def test_rule_ids_unique_and_predicates_known():
    rules = [e for e in _lines("relations.jsonl") if "id" in e]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    predicates = {e["id"] for e in _lines("predicates.jsonl") if "id" in e}
    assert {r["predicate"] for r in rules} <= predicates
    # every predicate but MEMBER_OF (read from role phrases) has triggers
    assert predicates - {r["predicate"] for r in rules} == {"MEMBER_OF"}


def test_predicates_say_what_fills_arguments():
    for p in _lines("predicates.jsonl")[1:]:
        assert set(p["subject_kinds"]) <= {"actor", "person", "place"}
        assert set(p["object_kinds"]) <= {"actor", "person", "place"}
        assert isinstance(p["joint_action"], bool)


def test_a_trigger_is_not_listed_twice_for_one_predicate():
    seen = {}
    for r in (e for e in _lines("relations.jsonl") if "id" in e):
        for t in r["triggers"]:
            key = (r["predicate"], r["pos"], t, r["subject"], r["object"])
            assert key not in seen, f"{t} in {r['id']} and {seen[key]}"
            seen[key] = r["id"]


def test_rules_load_with_lexicons_and_cues():
    rules = load_relation_rules()
    assert len(rules.rules) == sum(1 for e in _lines("relations.jsonl") if "id" in e)
    assert rules.lexicons["toponym_head"] and rules.lexicons["role"]
    cues = load_modality_cues()
    assert {c.kind for c in cues.lists} == {
        "negation", "hedge", "future", "future_prefix", "conditional", "attribution"
    }


@pytest.mark.parametrize("text", ["left", "left near", "right", "right near", "around", "agent",
                                  "right after على|ضد", "right after من قبل|على يد"])
def test_slot_language(text):
    slot = parse_slot(text)
    assert slot.side in {"left", "left near", "right", "right near", "around", "agent", "after"}


@pytest.mark.parametrize("text", ["before", "right after", "left after على", "right after on"])
def test_bad_slots_are_refused(text):
    with pytest.raises(RelationRuleError):
        parse_slot(text)


def test_bad_rule_file_names_the_line(tmp_path):
    bad = tmp_path / "relations.jsonl"
    bad.write_text(
        '{"_meta": {"source": "test", "license": "none", "changes": []}}\n'
        '{"id": "X.y", "predicate": "LIKES", "pos": "verb", "triggers": ["أحب"],'
        ' "subject": "around", "object": "right"}\n',
        encoding="utf-8",
    )
    with pytest.raises(RelationRuleError, match=r"relations.jsonl:2: unknown predicate 'LIKES'"):
        load_relation_rules(bad)
