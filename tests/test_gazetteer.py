"""The shipped actor and place gazetteers, their schemas, and the loader's checks."""
import csv
import json
from pathlib import Path

import jsonschema
import pytest

from kg.gazetteer import (
    GazetteerError,
    actor_record,
    load_gazetteer,
    load_places,
    name_key,
    write_gazetteer,
)
from kg.ner.gazetteer import nisba_forms
from kg.ner.roles import load_name_words, load_roles
from kg.resources import schema_file

REGISTRY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "actors.tsv"
META = {"_meta": {"source": "test", "license": "Apache-2.0", "changes": ["2026-11-22 GZ: test"]}}


def _lines(name):
    with open(schema_file(name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _schema(name):
    with open(schema_file(name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _write(path, entries, meta=META):
    path.write_text(
        "\n".join(json.dumps(e, ensure_ascii=False) for e in [meta, *entries]) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "data, schema",
    [
        ("actors.jsonl", "actors.schema.json"),
        ("places.jsonl", "places.schema.json"),
        ("roles.jsonl", "roles.schema.json"),
        ("name_words.jsonl", "name_words.schema.json"),
    ],
)
def test_shipped_files_follow_their_schemas(data, schema):
    lines = _lines(data)
    meta = lines[0]["_meta"]
    assert meta["source"] and meta["license"]
    assert all(change[:10].count("-") == 2 for change in meta["changes"])  # dated notes
    validator = _schema(schema)
    errors = [(n, e.message) for n, entry in enumerate(lines[1:], 2) for e in validator.iter_errors(entry)]
    assert errors == []


def test_actor_gazetteer_size_and_types():
    actors = load_gazetteer()
    assert len(actors) >= 300
    types = {a.type for a in actors.values()}
    assert types == {"Country", "Government", "ArmedGroup", "Person", "Organization", "Media"}
    people = [a for a in actors.values() if a.type == "Person"]
    assert all(a.parent_rel == "MEMBER_OF" for a in people if a.parent)
    assert sum(1 for a in people if a.roles) >= 100


@pytest.mark.skipif(not REGISTRY.exists(), reason="evaluation registry not checked out beside the repo")
def test_every_registry_id_is_kept_with_its_parent():
    actors = load_gazetteer()
    with open(REGISTRY, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert rows
    missing = [r["id"] for r in rows if r["id"] not in actors]
    assert missing == []
    moved = [(r["id"], actors[r["id"]].parent, r["parent"]) for r in rows
             if (actors[r["id"]].parent or "") != (r["parent"] or "")]
    assert moved == []
    renamed = [r["id"] for r in rows if name_key(actors[r["id"]].name_ar) != name_key(r["name_ar"])]
    assert renamed == []


def test_renamings_are_separate_actors_and_roll_ups_follow_guidelines():
    actors = load_gazetteer()
    assert {"nusra", "jfs", "hts"} <= actors.keys()
    for unit in ("russia.mod", "russia.wagner", "turkey.mit", "iran.quds_force", "syria.gov.fourth_division", "kataib_hezbollah"):
        chain, up = [], actors[unit].parent
        while up:
            chain.append(up)
            up = actors[up].parent
        assert chain[-1] in ("russia", "turkey", "iran", "syria.gov", "iraq"), unit
    # nisba adjectives sit on the state, not on its sub-units
    assert "روسي" in actors["russia"].nisba_ar
    assert not any(a.nisba_ar for i, a in actors.items() if i.startswith("russia."))
    assert "قسد" in actors["sdf"].acronyms_ar and "داعش" in actors["isis"].acronyms_ar


def test_actors_of_the_wider_conflict():
    actors = load_gazetteer()
    assert len(actors) >= 800
    expected = {
        "khorasan_group": ("ArmedGroup", "al_qaeda"), "unesco": ("Organization", "un"),
        "chp": ("Organization", None), "houthis": ("ArmedGroup", None),
        "syria.gov.local_defence_forces": ("ArmedGroup", "syria.gov"),
        "islamic_resistance_in_iraq": ("ArmedGroup", "iran.militias"),
        "krg.peshmerga": ("ArmedGroup", "krg"), "isis.amaq": ("Media", "isis"),
        "irina_bokova": ("Person", "unesco"), "ali_haidar": ("Person", "syria.gov"),
    }
    assert {i: (actors[i].type, actors[i].parent) for i in expected} == expected
    assert "ب ي د" in actors["pyd"].acronyms_ar and "أ ف ب" in actors["afp"].acronyms_ar
    assert "فاطميون" in actors["iran.fatemiyoun"].aliases_ar
    assert "الرياض" in actors["saudi_arabia"].metonyms_ar
    # newspaper names that are ordinary words need a newspaper word before them
    for media in ("an_nahar", "al_hayat", "tishreen", "al_thawra", "as_safir"):
        assert actors[media].requires_context_ar, media
    # a territory's state is the actor <territory>.gov
    assert actors["syria"].territory and "syria.gov" in actors


def test_people_in_role_have_dated_roles_in_known_organizations():
    actors = load_gazetteer()
    kirby = actors["john_kirby"]
    assert [r.org for r in kirby.roles] == ["usa"] * 3
    assert kirby.roles[0].start == "2013-12" and kirby.roles[0].end == "2015-05"
    assert actors["velayati"].parent == "iran" and actors["talal_silo"].parent == "sdf"


def test_no_inflected_nisba_is_another_actors_name():
    owner = {}
    for actor in load_gazetteer().values():
        keys = {name_key(n) for n in (actor.name_ar, *actor.aliases_ar, *actor.acronyms_ar, *actor.metonyms_ar)}
        keys |= {f for base in actor.nisba_ar for f in nisba_forms(base)}
        for key in keys:
            assert owner.setdefault(key, actor.id) == actor.id, (key, owner[key], actor.id)


def test_role_periods_are_ordered_and_dated():
    for actor in load_gazetteer().values():
        for role in actor.roles:
            assert role.title_en
            if role.start and role.end:
                assert role.start <= role.end, actor.id


def test_round_trip(tmp_path):
    actors = load_gazetteer()
    path = tmp_path / "actors.jsonl"
    assert write_gazetteer(actors, path, {"source": "round trip", "license": "Apache-2.0", "changes": []}) == len(actors)
    again = load_gazetteer(path)
    assert again == actors
    assert list(again) == list(actors)
    assert actor_record(again["putin"])["roles"][0]["org"] == "russia"


def test_places():
    places = load_places()
    assert len(places) >= 80
    by_id = {p.id: p for p in places}
    assert len(by_id) == len(places)
    for p in places:
        assert p.id == "place:" + p.name_ar
        assert p.parent is None or by_id[p.parent].kind == "governorate"
    assert by_id["place:عفرين"].parent == "place:حلب"
    assert {"crossing", "camp", "base", "region", "governorate"} <= {p.kind for p in places}
    assert len(places) >= 500
    assert by_id["place:مساكن هنانو"].parent == "place:حلب"


def test_place_names_carry_no_type_word_where_the_name_stands_alone():
    """The annotation names a place without مطار، قاعدة، مخيم; the typed form is an alias."""
    by_id = {p.id: p for p in load_places()}
    for name in ("التيفور", "الشعيرات", "كويرس", "الهول", "الركبان", "الزعتري", "إنجرليك"):
        typed = [a for a in by_id["place:" + name].aliases_ar if a.split()[0] in ("مطار", "قاعدة", "مخيم")]
        assert typed, name


def test_places_do_not_shadow_actor_names():
    """A place named like an actor's name or metonym would win over it in the matcher."""
    actor_keys = {
        name_key(n): a.id
        for a in load_gazetteer().values()
        for n in (a.name_ar, *a.aliases_ar, *a.acronyms_ar, *a.metonyms_ar)
    }
    clashes = [(n, actor_keys[name_key(n)]) for p in load_places() for n in (p.name_ar, *p.aliases_ar)
               if name_key(n) in actor_keys]
    assert clashes == []


def test_role_lexicon_refers_to_known_actors():
    actors = load_gazetteer()
    roles = load_roles()
    assert len(roles) >= 100
    assert all(r.org in actors for r in roles if r.org)
    assert all(r.takes or r.org or not r.needs_org for r in roles)
    assert load_name_words()["الدكتور"] == "honorific"
    by_words = {r.role_ar: r for r in roles}
    assert by_words["أمير"].in_names and not by_words["مستشار"].in_names
    assert by_words["مستشار المرشد الأعلى"].org == "iran"
    assert load_name_words()["توعد"] == "verb"


# -- the loader's checks, on tiny files ----------------------------------------------------

RUSSIA = {"id": "russia", "type": "Country", "name_ar": "روسيا", "nisba_ar": ["روسي"]}
MOD = {"id": "russia.mod", "type": "Government", "name_ar": "وزارة الدفاع الروسية",
       "parent": "russia", "parent_rel": "PART_OF"}


@pytest.mark.parametrize(
    "entries, message",
    [
        ([RUSSIA, RUSSIA], ":3: duplicate actor id 'russia'"),
        ([MOD], ":2: parent 'russia' of 'russia.mod' is not in the gazetteer"),
        ([RUSSIA, MOD | {"parent_rel": "MEMBER_OF"}], ":3: 'russia.mod' is a Government; its parent_rel must be PART_OF"),
        ([RUSSIA, {"id": "x", "type": "Country", "name_ar": "موسكو"}, RUSSIA | {"id": "y", "name_ar": "روسيا الاتحادية", "aliases_ar": ["موسكو"], "nisba_ar": []}],
         "Arabic name 'موسكو' of 'y' is also a name of 'x'"),
        ([RUSSIA | {"type": "State"}], ":2: type: 'State' is not one of"),
        ([RUSSIA | {"id": "Russia"}], ":2: id: 'Russia' does not match"),
        ([RUSSIA | {"parent": "un"}], ":2: entry: 'parent_rel' is a dependency of 'parent'"),
        ([RUSSIA | {"wikidata": "159"}], ":2: wikidata: '159' does not match"),
        ([RUSSIA, MOD | {"parent": "russia.mod"}], "loops back"),
    ],
)
def test_loader_reports_file_and_line(tmp_path, entries, message):
    path = _write(tmp_path / "a.jsonl", entries)
    with pytest.raises(GazetteerError) as e:
        load_gazetteer(path)
    assert str(path) in str(e.value)
    assert message in str(e.value)


def test_shared_names_are_allowed_when_listed(tmp_path):
    entries = [RUSSIA, {"id": "x", "type": "Country", "name_ar": "موسكو"},
               {"id": "y", "type": "Country", "name_ar": "روسيا الاتحادية", "metonyms_ar": ["موسكو"]}]
    meta = {"_meta": META["_meta"] | {"shared_names_ar": ["موسكو"]}}
    actors = load_gazetteer(_write(tmp_path / "a.jsonl", entries, meta))
    assert actors["y"].metonyms_ar == ("موسكو",)


def test_header_and_json_errors(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(RUSSIA, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r":1: the first line must be"):
        load_gazetteer(path)
    path.write_text(json.dumps(META) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r":2: not JSON"):
        load_gazetteer(path)


def test_place_checks(tmp_path):
    good = {"id": "place:حلب", "name_ar": "حلب", "kind": "governorate"}
    with pytest.raises(GazetteerError, match=r":2: place id must be 'place:' \+ name_ar"):
        load_places(_write(tmp_path / "p.jsonl", [good | {"id": "place:ادلب"}]))
    with pytest.raises(GazetteerError, match=r":2: parent 'place:إدلب' is not a place"):
        load_places(_write(tmp_path / "p.jsonl", [good | {"parent": "place:إدلب"}]))
    with pytest.raises(GazetteerError, match=r":2: kind: 'county' is not one of"):
        load_places(_write(tmp_path / "p.jsonl", [good | {"kind": "county"}]))
    assert load_places(_write(tmp_path / "p.jsonl", [good]))[0].kind == "governorate"
