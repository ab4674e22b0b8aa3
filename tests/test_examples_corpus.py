"""The bundled example corpus (examples/) is well-formed and covers what it promises.

The corpus is the project's own small gold: the end-to-end tests and the canned-query
tests rely on these texts, their metadata and the hand annotation in expected.jsonl.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kg.corpus import METADATA_FILE, Skipped, read_corpus
from kg.gazetteer import load_gazetteer
from kg.resources import schema_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RECORD_KEYS = {"doc", "s", "p", "o", "s_name", "o_name", "neg", "hedged", "reported_by",
               "date", "evidence", "line"}
ISO_PRECISIONS = ("%Y", "%Y-%m", "%Y-%m-%d")
NEW_ID = re.compile(r"^[a-z][a-z0-9_.]*$")
# a dot (or tatweel + dot) inside an Arabic word, as in قصـ.ف or اشـ.تباكات
OBFUSCATED_WORD = re.compile(r"[\u0621-\u064a]\u0640*\.[\u0621-\u064a]")
DATELINE = re.compile(r"^\S+ - \d{1,2} \S+ \d{4} \(")


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _is_iso(value: str) -> bool:
    """True when ``value`` is an ISO date of year, month or day precision."""
    parts = value.split("-")
    if len(parts) > 3 or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
             int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="module")
def metadata() -> list[dict]:
    return _jsonl(EXAMPLES / METADATA_FILE)


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return _jsonl(EXAMPLES / "expected.jsonl")


@pytest.fixture(scope="module")
def predicates() -> set[str]:
    return {r["id"] for r in _jsonl(schema_file("predicates.jsonl")) if "_meta" not in r}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_at_least_fourteen_short_documents(texts):
    assert len(texts) >= 14
    for doc, text in texts.items():
        sentences = [line for line in text.splitlines() if line.strip()]
        assert 3 <= len(sentences) <= 7, doc


def test_every_text_has_one_metadata_line_and_back(texts, metadata):
    ids = [m["id"] for m in metadata]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(texts)
    for m in metadata:
        assert set(m) == {"id", "date", "source", "title", "url"}, m["id"]
        assert m["title"] and m["source"], m["id"]
        assert m["url"] is None or m["url"].startswith("https://example.org/"), m["id"]


def test_metadata_sources_are_media_outlets_of_the_gazetteer(metadata, gazetteer):
    for m in metadata:
        assert gazetteer[m["source"]].type == "Media", m["id"]


def test_metadata_dates_are_iso_days_except_one_dateline_document(texts, metadata):
    undated = [m["id"] for m in metadata if m["date"] is None]
    assert len(undated) == 1
    assert DATELINE.match(texts[undated[0]]), "the undated document needs a dateline"
    for m in metadata:
        if m["date"] is not None:
            assert _is_iso(m["date"]) and len(m["date"]) == 10, m["id"]
    years = {m["date"][:4] for m in metadata if m["date"]}
    months = {m["date"][:7] for m in metadata if m["date"]}
    assert len(years) >= 5 and len(months) >= 10


def test_the_corpus_reader_accepts_every_document(texts):
    read = list(read_corpus([EXAMPLES]))
    skipped = [r for r in read if isinstance(r, Skipped)]
    assert skipped == []
    assert sorted(d.id for d in read) == sorted(texts)


def test_expected_records_are_well_formed(expected, texts, predicates, gazetteer):
    assert expected
    for r in expected:
        where = f"{r['doc']} {r['s']} {r['p']} {r['o']}"
        assert set(r) == RECORD_KEYS, where
        assert r["doc"] in texts, where
        assert r["p"] in predicates, where
        assert isinstance(r["neg"], bool) and isinstance(r["hedged"], bool), where
        assert r["date"] is None or _is_iso(r["date"]), where
        for key, name in (("s", "s_name"), ("o", "o_name")):
            actor = r[key]
            if actor.startswith("place:"):
                assert r["p"] in {"ATTACKS", "CONTROLS"} and key == "o", where
                assert actor[len("place:"):] == r[name], where
            elif actor not in gazetteer:
                assert NEW_ID.match(actor) and r[name], where
        assert r["reported_by"] is None or r["reported_by"] in gazetteer \
            or NEW_ID.match(r["reported_by"]), where


def test_one_record_per_document_subject_predicate_object(expected):
    keys = Counter((r["doc"], r["s"], r["p"], r["o"]) for r in expected)
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_evidence_quote_is_verbatim_on_its_line(expected, texts):
    for r in expected:
        lines = texts[r["doc"]].splitlines()
        assert r["evidence"] in lines[r["line"] - 1], f"{r['doc']}:{r['line']} {r['evidence']}"


def test_every_predicate_is_annotated_at_least_twice(expected, predicates):
    counts = Counter(r["p"] for r in expected if not r["neg"])
    assert {p: counts[p] for p in predicates if counts[p] < 2} == {}


def test_actor_lists_cover_every_annotated_actor(expected, texts, gazetteer):
    with (EXAMPLES / "actors.json").open(encoding="utf-8") as f:
        actors = json.load(f)
    assert set(actors) == set(texts)
    for r in expected:
        for actor in (r["s"], r["o"], r["reported_by"]):
            if actor and not actor.startswith("place:"):
                assert actor in actors[r["doc"]], f"{r['doc']}: {actor}"
    for doc, ids in actors.items():
        assert [a for a in ids if a not in gazetteer and not NEW_ID.match(a)] == [], doc


@pytest.mark.parametrize("phenomenon, pattern", [
    ("Persian letter inside a word", r"\w[یک]|[یک]\w"),
    ("tatweel", "\u0640"),
    ("obfuscation dot inside a word", OBFUSCATED_WORD.pattern),
    ("أمس", r"\bأمس\b"),
    ("weekday after أمس", r"أمس (الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)"),
    ("الجمعة الماضي", r"الجمعة الماضي"),
    ("الشهر الماضي", r"الشهر الماضي"),
    ("explicit day, month names and year", r"\d{1,2} آذار/مارس \d{4}"),
    ("metonym موسكو", r"موسكو"),
    ("metonym أنقرة", r"أنقرة"),
    ("metonym طهران", r"طهران"),
    ("metonym الكرملين", r"الكرملين"),
    ("metonym واشنطن", r"واشنطن"),
    ("nisba الطائرات الروسية", r"الطائرات الروسية"),
    ("nisba الجيش التركي", r"الجيش التركي"),
    ("nisba الدعم الإيراني", r"الدعم الإيراني"),
    ("coordination of three states", r"تركيا وروسيا وإيران|روسيا وتركيا وإيران"),
    ("attribution وفق المرصد", r"وفق المرصد السوري"),
    ("attribution نقلت وكالة الأناضول", r"نقلت وكالة الأناضول عن"),
    ("role + name", r"وزير الخارجية الروسي سيرغي لافروف"),
    ("place nouns", r"(مدينة|بلدة|قرية) \w+"),
])
def test_the_texts_show_each_phenomenon(texts, phenomenon, pattern):
    assert any(re.search(pattern, t) for t in texts.values()), phenomenon


def test_negated_and_hedged_records_quote_their_cue(expected):
    negated = [r for r in expected if r["neg"]]
    hedged = [r for r in expected if r["hedged"]]
    assert any("نفت" in r["evidence"] for r in negated)
    assert any(re.search(r"رجحت|يُعتقد|يعتقد", r["evidence"]) for r in hedged)
    assert any(r["reported_by"] for r in expected)


def test_places_are_objects_of_attacks_and_controls(expected):
    place_predicates = {r["p"] for r in expected if r["o"].startswith("place:")}
    assert place_predicates == {"ATTACKS", "CONTROLS"}


def test_russia_turkey_relation_changes_sign_over_time(expected):
    sign = {r["id"]: r["sign"] for r in _jsonl(schema_file("predicates.jsonl")) if "id" in r}
    by_year: dict[str, int] = Counter()
    for r in expected:
        pair = {r["s"], r["o"]}
        if pair == {"russia", "turkey"} and not r["neg"]:
            by_year[r["date"][:4]] += sign[r["p"]]
    assert by_year["2015"] < 0 and by_year["2016"] < 0
    assert all(by_year[y] > 0 for y in ("2018", "2019", "2020"))


def test_russia_has_several_cooperative_partners_over_time(expected):
    partners = {}
    for r in expected:
        if r["p"] in {"ALLY_OF", "SUPPORTS", "SUPPLIES", "COOPERATES_WITH"} and not r["neg"] \
                and "russia" in (r["s"], r["o"]):
            other = r["o"] if r["s"] == "russia" else r["s"]
            partners.setdefault(other, set()).add(r["date"][:4])
    assert {"syria.gov", "iran", "turkey"} <= set(partners)
    assert min(partners["syria.gov"]) < min(partners["turkey"])
