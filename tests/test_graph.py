"""kg.graph on a tiny hand-made extraction whose answers are worked out by hand."""
from __future__ import annotations

import doctest
import itertools
import random

import networkx as nx
import pytest

import kg.graph
from kg.graph import (
    UnknownActorError,
    alliance_scores,
    build_graph,
    frustration,
    period_of,
    period_subgraph,
    resolve_actor,
    signed_blocs,
    summarize,
    timeline,
)
from kg.model import Actor, Extraction, Statement
from kg.predicates import load_predicates
from syria_fixture import tiny_extraction


@pytest.fixture(scope="module")
def G():
    return build_graph(tiny_extraction())


def test_doctests():
    result = doctest.testmod(kg.graph)
    assert result.attempted > 5 and result.failed == 0


def test_graph_keeps_every_statement_keyed_by_id(G):
    ex = tiny_extraction()
    assert G.number_of_edges() == len(ex.statements) == 13
    st = ex.statements[0]
    edge = G.edges[st.subject, st.object, st.id]
    assert (edge["predicate"], edge["sign"], edge["weight"]) == ("SUPPORTS", 1, 0.8)
    assert (edge["doc"], edge["date"], edge["precision"]) == ("d1", "2019-03-10", "day")
    assert edge["evidence"] == st.evidence
    assert G.nodes["place:إدلب"] == {"type": "Place", "name_ar": "إدلب", "name_en": None}
    assert G.nodes["putin"]["type"] == "Person"
    negated = [d for _, _, d in G.edges(data=True) if d["negated"]]
    assert len(negated) == 1 and negated[0]["asserted"] is False


def test_building_twice_changes_nothing():
    ex = tiny_extraction()
    ex.statements = ex.statements + ex.statements
    assert build_graph(ex).number_of_edges() == 13


def test_unknown_predicate_is_a_clear_error():
    st = Statement(doc="x", subject="russia", predicate="LIKES", object="iran", s_name="",
                   o_name="", sentence=0, start=0, end=1, evidence="", trigger="")
    with pytest.raises(ValueError, match="unknown predicate 'LIKES'"):
        build_graph(Extraction(statements=[st]))


def test_predicate_table_signs_agree_with_weights():
    for p in load_predicates().values():
        assert p.sign == (p.weight > 0) - (p.weight < 0)


def test_period_of():
    assert period_of("2019-07-02", "day") == "2019-07-02"
    assert period_of("2019-07", "day") is None
    assert period_of(None, "year") is None
    with pytest.raises(ValueError, match="bad granularity"):
        period_of("2019", "week")


def test_alliance_scores_all_time(G):
    assert alliance_scores(G) == {
        ("russia", "syria.gov"): 0.8,
        ("iran", "syria.gov"): 0.8,
        ("russia", "turkey"): 0.9,
        ("opposition", "turkey"): 0.8,
        ("opposition", "russia"): -1.0,
        ("opposition", "syria.gov"): -1.0,
        ("syria.gov", "turkey"): -0.9,
        ("russia", "usa"): -0.4,
    }


def test_alliance_scores_by_period(G):
    assert alliance_scores(G, "2020") == {
        ("syria.gov", "turkey"): -0.9, ("russia", "turkey"): 0.3, ("russia", "usa"): -0.4,
    }
    # The year-only OPPOSES statement is not placed inside February 2020.
    assert alliance_scores(G, "2020-02") == {("syria.gov", "turkey"): -0.9, ("russia", "turkey"): 0.3}
    with pytest.raises(ValueError, match="bad period"):
        alliance_scores(G, "summer")


def test_timeline(G):
    rows = timeline(G, "turkey", "russia")
    assert [(r.period, r.score, r.predicates) for r in rows] == [
        ("2019-07", 0.6, {"COOPERATES_WITH": 1}),
        ("2020-02", 0.3, {"NEGOTIATES_WITH": 1}),
    ]
    assert rows[0].counts == {"cooperative": 1, "hostile": 0, "structural": 0, "unasserted": 0}
    # Negated statements are counted but not scored.
    (row,) = timeline(G, "iran", "turkey")
    assert (row.score, row.counts["unasserted"], row.predicates) == (0.0, 1, {})
    # A year-only date shows up by year, not by month.
    assert timeline(G, "russia", "usa") == []
    assert [(r.period, r.score) for r in timeline(G, "russia", "usa", "year")] == [("2020", -0.4)]
    with pytest.raises(nx.NodeNotFound):
        timeline(G, "russia", "atlantis")


def _min_frustration(G, period=None):
    """Brute force over every partition: the exact optimum the greedy method should reach."""
    nodes = sorted({x for pair in alliance_scores(G, period) for x in pair})

    def partitions(items):
        if not items:
            yield []
            return
        first, rest = items[0], items[1:]
        for p in partitions(rest):
            for i in range(len(p)):
                yield p[:i] + [p[i] | {first}] + p[i + 1:]
            yield p + [{first}]

    return min(frustration(G, p, period) for p in partitions(nodes))


def test_signed_blocs_2019(G):
    blocs = signed_blocs(G, "2019")
    assert blocs == [{"iran", "russia", "syria.gov"}, {"opposition", "turkey"}]
    assert frustration(G, blocs, "2019") == 0.6 == _min_frustration(G, "2019")


def test_signed_blocs_all_time_reach_the_optimum(G):
    blocs = signed_blocs(G)
    assert blocs[:2] == [{"iran", "russia", "syria.gov"}, {"opposition", "turkey"}]
    assert {"usa"} in blocs
    assert frustration(G, blocs) == 0.9 == _min_frustration(G)


def test_signed_blocs_split_a_balanced_random_graph():
    # Two hidden camps, friendly inside and hostile across: the partition recovers them.
    camps = [{f"a{i}" for i in range(5)}, {f"b{i}" for i in range(4)}]
    H = nx.MultiDiGraph()
    for k, (u, v) in enumerate(itertools.combinations(sorted(camps[0] | camps[1]), 2)):
        if k % 4 == 3:  # leave some pairs unrelated
            continue
        same = (u in camps[0]) == (v in camps[0])
        H.add_edge(u, v, key=k, weight=0.5 if same else -0.7, date="2019", asserted=True)
    blocs = signed_blocs(H)
    assert sorted(blocs, key=min) == camps
    assert frustration(H, blocs) == 0.0


def test_signed_blocs_near_optimal_on_random_signed_graphs():
    weights = [-1.0, -0.9, -0.6, -0.4, 0.3, 0.6, 0.8, 1.0]
    optimal = 0
    for seed in range(40):
        rng = random.Random(seed)
        H = nx.MultiDiGraph()
        for k, (u, v) in enumerate(itertools.combinations([f"n{i}" for i in range(6)], 2)):
            if rng.random() < 0.5:
                H.add_edge(u, v, key=k, weight=rng.choice(weights), date="2019", asserted=True)
        got = frustration(H, signed_blocs(H))
        best = _min_frustration(H)
        assert got >= best
        optimal += got == best
    assert optimal >= 36


def test_summary(G):
    s = summarize(G, top=3)
    assert s.documents == 3 and s.statements == 13 and s.unasserted == 2
    assert s.date_span == ("2019-03", "2020-02-15")
    assert s.actors_by_type == {"ArmedGroup": 1, "Country": 4, "Government": 1, "Media": 1, "Person": 1}
    assert s.statements_by_predicate["ATTACKS"] == 3
    assert s.top_degree[0] == ("russia", 7.0)
    assert s.top_pagerank[0][0] in {"russia", "syria.gov", "turkey"}
    assert s.cooperative_pairs[0] == ("russia", "turkey", 0.9)
    assert s.hostile_pairs[:2] == [("opposition", "russia", -1.0), ("opposition", "syria.gov", -1.0)]
    assert s.blocs[0] == ["iran", "russia", "syria.gov"] and s.frustration == 0.9
    assert s.names["russia"] == "Russia / روسيا"


def test_summary_of_a_period_from_an_extraction():
    s = summarize(tiny_extraction(), period="2020-02")
    assert s.documents == 1 and s.statements == 5
    assert s.cooperative_pairs == [("russia", "turkey", 0.3)]
    assert s.hostile_pairs == [("syria.gov", "turkey", -0.9)]


def test_period_subgraph_keeps_only_the_period(G):
    H = period_subgraph(G, "2019-03")
    assert H.number_of_edges() == 2 and set(H.graph["documents"]) == {"d1"}
    assert G.number_of_edges() == 13


def test_resolve_actor():
    actors = {a.id: a for a in tiny_extraction().actors}
    actors["russia"] = Actor("russia", "Country", "روسيا", "Russia", metonyms_ar=("موسكو",))
    assert resolve_actor("Russia", actors) == "russia"
    assert resolve_actor("ايران", actors) == "iran"  # hamza-less spelling
    assert resolve_actor("موسكو", actors) == "russia"
    actors["syria.gov"] = Actor("syria.gov", "Government", "النظام السوري", "Syrian government (Assad government)")
    assert resolve_actor("syrian government", actors) == "syria.gov"
    with pytest.raises(UnknownActorError, match="unknown actor 'Narnia'"):
        resolve_actor("Narnia", actors)
    actors["turkey2"] = Actor("turkey2", "Country", "تركيا", "Türkiye")
    with pytest.raises(UnknownActorError, match="ambiguous"):
        resolve_actor("تركيا", actors)
