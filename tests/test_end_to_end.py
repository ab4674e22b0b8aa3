"""`kg build` on the bundled examples into a real embedded store, then canned queries."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "store"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--store", str(path), "--no-stanza", "-q"])
    assert result.exit_code == 0, result.output
    return path


def _allies(store, *params):
    args = ["query", "allies_of", "--store", str(store), "--format", "json"]
    for p in params:
        args += ["--param", p]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_allies_of_russia_change_over_time(store):
    # ex01/ex03 (2015-2016): Russian air support for the Syrian army.
    early = _allies(store, "actor=russia", "to=2016-12-31")
    assert [r["partner"] for r in early] == ["syria.gov"]
    assert "SUPPORTS" in early[0]["predicates"]
    assert early[0]["first"] >= "2015-09-30" and early[0]["last"] <= "2016-12-31"
    # ex10 (Ankara summit, September 2019): Turkey and Iran as partners of Russia.
    late = {r["partner"]: r for r in _allies(store, "actor=روسيا", "from=2018-01-01")}
    assert {"turkey", "iran"} <= set(late)
    assert late["turkey"]["first"] >= "2018-01-01"
    assert any("تركيا وروسيا وإيران" in e for e in late["turkey"]["evidence"])


def test_actor_given_by_english_name_is_the_same(store):
    by_id = _allies(store, "actor=russia")
    by_name = _allies(store, "actor=Russia")
    assert by_id == by_name and len(by_id) >= 3


def test_rebuild_changes_nothing(store):
    before = _allies(store, "actor=russia")
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--store", str(store), "--no-stanza", "-q"])
    assert result.exit_code == 0
    assert _allies(store, "actor=russia") == before


def test_summary_of_the_store(store):
    result = CliRunner().invoke(main, ["summary", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 16
