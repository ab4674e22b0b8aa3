"""Statements → a networkx graph; signed alliance scores, timelines, blocs, summaries.

The graph is a :class:`networkx.MultiDiGraph` with one edge per statement, keyed by the
statement id (so loading a statement twice changes nothing). Nodes are actor ids and place
ids (``place:<name>``) with the attributes ``type``, ``name_ar`` and ``name_en``.

Every edge carries its predicate, the predicate's ``sign`` and ``weight`` (from
``schema/predicates.jsonl``), the date and its precision, the document, sentence,
evidence and trigger, and the ``negated``/``hedged`` flags. Negated, hedged and
non-factual (future, conditional) statements stay on the graph, for provenance, but are
left out of every score: their edges have ``asserted=False``.

Algorithms are plain functions ``f(G, ..., weight="weight")`` in the networkx style.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx

from kg.gazetteer import load_gazetteer
from kg.model import Actor, Extraction, Statement
from kg.predicates import Predicate, load_predicates
from kg.text import match_form, normalize

__all__ = [
    "asserted",
    "node_attributes",
    "build_graph",
    "check_period",
    "period_of",
    "period_subgraph",
    "alliance_scores",
    "TimelineRow",
    "timeline",
    "signed_blocs",
    "frustration",
    "Summary",
    "summarize",
    "short_english",
    "UnknownActorError",
    "resolve_actor",
    "GRANULARITIES",
]

#: Granularities of :func:`period_of`, and how many characters of an ISO date each keeps.
GRANULARITIES = {"year": 4, "month": 7, "day": 10}
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PLACE_PREFIX = "place:"


def asserted(statement: Statement) -> bool:
    """True when the text asserts ``statement`` as a fact: not negated, hedged or modal."""
    return not statement.negated and not statement.hedged and statement.modality is None


def node_attributes(node: str, actors: Mapping[str, Actor], fallback_name: str = "") -> dict:
    """Node attributes of an actor or place id: ``type``, ``name_ar``, ``name_en`` ...

    An actor missing from ``actors`` gets type ``"Actor"`` and ``fallback_name``.
    """
    if node.startswith(_PLACE_PREFIX):
        return {"type": "Place", "name_ar": node[len(_PLACE_PREFIX):], "name_en": None}
    actor = actors.get(node)
    if actor is None:
        return {"type": "Actor", "name_ar": fallback_name or node, "name_en": None}
    return {"type": actor.type, "name_ar": actor.name_ar, "name_en": actor.name_en,
            "wikidata": actor.wikidata, "parent": actor.parent}


def build_graph(
    extraction: Extraction,
    actors: Mapping[str, Actor] | None = None,
    predicates: Mapping[str, Predicate] | None = None,
) -> nx.MultiDiGraph:
    """The statement graph of an extraction: one edge per statement, keyed by its id.

    Parameters
    ----------
    extraction : Extraction
        Documents, actors, mentions and statements.
    actors : mapping of actor id to Actor, optional
        Names and types of nodes. Default: the gazetteer, overridden by the
        extraction's own actors.
    predicates : mapping of predicate id to Predicate, optional
        Signs and weights. Default: :func:`load_predicates`.

    Returns
    -------
    G : networkx.MultiDiGraph
        ``G.graph["documents"]`` maps document ids to their dates. Nodes: the
        extraction's actors, the actors mentioned, and every subject, object and source
        (``reported_by``) of a statement.

    Raises
    ------
    ValueError
        If a statement uses a predicate the table does not define.

    Examples
    --------
    >>> from kg.model import Extraction, Statement
    >>> st = Statement(doc="d1", subject="russia", predicate="SUPPORTS",
    ...                object="syria.gov", s_name="روسيا", o_name="النظام السوري",
    ...                sentence=0, start=0, end=20, evidence="روسيا تدعم النظام السوري",
    ...                trigger="تدعم", date="2019-03-02", date_precision="day")
    >>> G = build_graph(Extraction(statements=[st]))
    >>> G.edges["russia", "syria.gov", st.id]["weight"]
    0.8
    >>> G.nodes["russia"]["name_en"]
    'Russia'
    """
    predicates = load_predicates() if predicates is None else predicates
    if actors is None:
        actors = load_gazetteer() | {a.id: a for a in extraction.actors}
    G = nx.MultiDiGraph(documents={d.id: d.date for d in extraction.documents})
    for a in extraction.actors:
        G.add_node(a.id, **node_attributes(a.id, actors, a.name_ar))
    for m in extraction.mentions:
        if m.actor not in G:
            G.add_node(m.actor, **node_attributes(m.actor, actors, m.name))
    for st in extraction.statements:
        pred = predicates.get(st.predicate)
        if pred is None:
            raise ValueError(
                f"statement {st.id} (doc {st.doc}): unknown predicate {st.predicate!r}; "
                "known predicates are in schema/predicates.jsonl"
            )
        for node, name in ((st.subject, st.s_name), (st.object, st.o_name), (st.reported_by, "")):
            if node and node not in G:
                G.add_node(node, **node_attributes(node, actors, name))
        G.graph["documents"].setdefault(st.doc, None)
        G.add_edge(
            st.subject, st.object, key=st.id,
            predicate=st.predicate, sign=pred.sign, weight=pred.weight,
            symmetric=pred.symmetric, date=st.date,
            precision=st.date_precision or _precision(st.date), doc=st.doc,
            sentence=st.sentence, evidence=st.evidence, trigger=st.trigger,
            negated=st.negated, hedged=st.hedged, modality=st.modality,
            reported_by=st.reported_by, confidence=st.confidence, asserted=asserted(st),
        )
    return G


def _precision(date: str | None) -> str | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


def check_period(period: str | None) -> None:
    """Raise ValueError unless ``period`` is None or ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``."""
    if period is not None and not _PERIOD.match(period):
        raise ValueError(f"bad period {period!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def period_of(date: str | None, granularity: str = "month") -> str | None:
    """The period (``"2019"``, ``"2019-07"`` or ``"2019-07-02"``) an ISO date falls in.

    Parameters
    ----------
    date : str or None
        ISO date as precise as known: ``"2019-07-02"``, ``"2019-07"`` or ``"2019"``.
    granularity : {"year", "month", "day"}

    Returns
    -------
    period : str or None
        None when the date is unknown or less precise than ``granularity``.

    Examples
    --------
    >>> period_of("2019-07-02", "month"), period_of("2019-07-02", "year")
    ('2019-07', '2019')
    >>> period_of("2019", "month") is None
    True
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"bad granularity {granularity!r}: expected one of {', '.join(GRANULARITIES)}")
    n = GRANULARITIES[granularity]
    if not date or len(date) < n:
        return None
    return date[:n]


def _in_period(date: str | None, period: str | None) -> bool:
    return period is None or bool(date) and date.startswith(period)


def period_subgraph(G: nx.MultiDiGraph, period: str | None) -> nx.MultiDiGraph:
    """The statements of ``G`` dated within ``period`` and the nodes they touch.

    Statements less precise than the period (dated ``"2019"`` for ``period="2019-07"``)
    or undated are left out. ``period=None`` returns a copy of ``G``.
    """
    check_period(period)
    if period is None:
        return G.copy()
    edges = [(u, v, k) for u, v, k, d in G.edges(keys=True, data="date") if _in_period(d, period)]
    H = G.edge_subgraph(edges).copy()
    docs = {H.edges[e].get("doc") for e in edges} - {None}
    H.graph["documents"] = {doc: G.graph.get("documents", {}).get(doc) for doc in sorted(docs)}
    return H


def _is_actor(G: nx.MultiDiGraph, node: str) -> bool:
    return G.nodes[node].get("type") != "Place"


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def alliance_scores(
    G: nx.MultiDiGraph, period: str | None = None, weight: str = "weight"
) -> dict[tuple[str, str], float]:
    """Signed sum of asserted statement weights per unordered actor pair.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph from :func:`build_graph`.
    period : str, optional
        ``"2019"``, ``"2019-07"`` ...; only statements dated within it count.
    weight : str
        Edge attribute holding the signed weight.

    Returns
    -------
    scores : dict
        ``{(a, b): score}`` with ``a < b``; pairs whose statements all have weight 0
        (structural predicates), places, and unasserted statements are left out.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("russia", "turkey", key="s1", weight=0.6, date="2019-03", asserted=True)
    's1'
    >>> G.add_edge("turkey", "russia", key="s2", weight=-0.4, date="2019-05", asserted=True)
    's2'
    >>> G.add_edge("russia", "turkey", key="s3", weight=1.0, date="2019-05", asserted=False)
    's3'
    >>> alliance_scores(G)
    {('russia', 'turkey'): 0.2}
    >>> alliance_scores(G, period="2019-05")
    {('russia', 'turkey'): -0.4}
    """
    check_period(period)
    scores: dict[tuple[str, str], float] = {}
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 0.0)
        if u == v or not w or not d.get("asserted", True) or not _in_period(d.get("date"), period):
            continue
        if not (_is_actor(G, u) and _is_actor(G, v)):
            continue
        key = _pair(u, v)
        scores[key] = round(scores.get(key, 0.0) + w, 6)
    return scores


class TimelineRow(NamedTuple):
    """One period of :func:`timeline`."""

    period: str
    score: float  # signed sum of asserted statements' weights
    counts: dict[str, int]  # cooperative, hostile, structural, unasserted
    predicates: dict[str, int]  # asserted statements per predicate


def timeline(
    G: nx.MultiDiGraph, a: str, b: str, granularity: str = "month", weight: str = "weight"
) -> list[TimelineRow]:
    """Signed score, counts and predicates of the pair ``{a, b}``, period by period.

    Statements in both directions count. Statements dated less precisely than
    ``granularity`` (a year-only date in a monthly timeline) are left out.

    Returns
    -------
    rows : list of TimelineRow
        ``(period, score, counts, predicates)``, in time order, only periods with
        statements.

    Raises
    ------
    networkx.NodeNotFound
        If ``a`` or ``b`` is not in ``G``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("iran", "syria.gov", key="s1", predicate="SUPPLIES", weight=0.8,
    ...            date="2019-03-01", asserted=True)
    's1'
    >>> G.add_edge("syria.gov", "iran", key="s2", predicate="NEGOTIATES_WITH", weight=0.3,
    ...            date="2019-03", asserted=True)
    's2'
    >>> rows = timeline(G, "iran", "syria.gov")
    >>> rows[0].period, rows[0].score, rows[0].predicates
    ('2019-03', 1.1, {'NEGOTIATES_WITH': 1, 'SUPPLIES': 1})
    """
    for node in (a, b):
        if node not in G:
            raise nx.NodeNotFound(f"actor {node!r} is not in the graph")
    by_period: dict[str, list[dict]] = {}
    edges = list(G.get_edge_data(a, b, default={}).values())
    if a != b:
        edges += list(G.get_edge_data(b, a, default={}).values())
    for d in edges:
        period = period_of(d.get("date"), granularity)
        if period is not None:
            by_period.setdefault(period, []).append(d)
    rows = []
    for period in sorted(by_period):
        score = 0.0
        counts = Counter({"cooperative": 0, "hostile": 0, "structural": 0, "unasserted": 0})
        preds: Counter[str] = Counter()
        for d in by_period[period]:
            if not d.get("asserted", True):
                counts["unasserted"] += 1
                continue
            w = d.get(weight, 0.0)
            score += w
            counts["cooperative" if w > 0 else "hostile" if w < 0 else "structural"] += 1
            preds[d.get("predicate", "?")] += 1
        rows.append(TimelineRow(period, round(score, 6), dict(counts), dict(sorted(preds.items()))))
    return rows


def _signed_adjacency(scores: Mapping[tuple[str, str], float]) -> dict[str, dict[str, float]]:
    adj: dict[str, dict[str, float]] = {}
    for (a, b), w in scores.items():
        if w:
            adj.setdefault(a, {})[b] = w
            adj.setdefault(b, {})[a] = w
    return adj


def _frustration(adj: Mapping[str, Mapping[str, float]], bloc_of: Mapping[str, int]) -> float:
    total = 0.0
    for a, nbrs in adj.items():
        for b, w in nbrs.items():
            if a < b and ((w > 0) != (bloc_of[a] == bloc_of[b])):
                total += abs(w)
    return round(total, 6)


def _cost(adj: Mapping[str, Mapping[str, float]], bloc_of: Mapping[str, int], node: str, c: int) -> float:
    """Frustration ``node`` adds in bloc ``c``: negative ties inside it, positive ones outside."""
    return sum(abs(w) for nbr, w in adj[node].items() if (w > 0) != (bloc_of[nbr] == c))


def signed_blocs(G: nx.MultiDiGraph, period: str | None = None, weight: str = "weight") -> list[set[str]]:
    """A structural-balance partition of the signed actor graph into blocs.

    The signed graph joins two actors by their :func:`alliance_scores` (positive:
    cooperation, negative: conflict). The partition minimizes *frustration*: the summed
    ``|score|`` of positive pairs split between blocs and of negative pairs inside a bloc
    (weak structural balance, Davis 1967; any number of blocs).

    Notes
    -----
    Method: greedy local moves (as in correlation clustering) from three starts, keeping
    the least frustrated result. The starts are the connected components of the positive
    pairs, every actor alone, and the two-way split by the signs of the leading
    eigenvector of the signed adjacency matrix (spectral). A sweep visits actors in sorted
    order and moves each to the neighbouring bloc, or a new bloc of its own, that lowers
    the frustration most; sweeps repeat until no move helps (each move lowers the
    frustration, so they end). Deterministic; a local optimum: on 150 random signed graphs
    of 7 actors it reached the brute-force optimum in 146, with a mean excess of 0.007.
    :func:`frustration` reports what is left.

    Returns
    -------
    blocs : list of sets of actor ids
        Largest first (ties: by smallest member); only actors with a non-zero score.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> for k, (u, v, w) in enumerate([("russia", "syria.gov", 0.8), ("iran", "syria.gov", 0.8),
    ...                                ("turkey", "opposition", 0.8),
    ...                                ("russia", "opposition", -1.0), ("syria.gov", "opposition", -1.0)]):
    ...     _ = G.add_edge(u, v, key=k, weight=w, date="2019", asserted=True)
    >>> [sorted(b) for b in signed_blocs(G)]
    [['iran', 'russia', 'syria.gov'], ['opposition', 'turkey']]
    >>> frustration(G, signed_blocs(G))
    0.0
    """
    adj = _signed_adjacency(alliance_scores(G, period, weight))
    nodes = sorted(adj)
    best: dict[str, int] = {}
    for start in (_positive_components(adj), {n: i for i, n in enumerate(nodes)}, _spectral_split(adj)):
        bloc_of = _local_moves(adj, start)
        if not best or _frustration(adj, bloc_of) < _frustration(adj, best) - 1e-12:
            best = bloc_of
    blocs: dict[int, set[str]] = {}
    for node, c in best.items():
        blocs.setdefault(c, set()).add(node)
    return sorted(blocs.values(), key=lambda s: (-len(s), min(s)))


def _positive_components(adj: Mapping[str, Mapping[str, float]]) -> dict[str, int]:
    positive = nx.Graph((a, b) for a, nbrs in adj.items() for b, w in nbrs.items() if w > 0)
    positive.add_nodes_from(adj)
    comps = sorted(nx.connected_components(positive), key=min)
    return {node: i for i, comp in enumerate(comps) for node in comp}


def _spectral_split(adj: Mapping[str, Mapping[str, float]]) -> dict[str, int]:
    """Two blocs by the signs of the leading eigenvector of the signed adjacency matrix."""
    from scipy.linalg import eigh

    nodes = sorted(adj)
    if not nodes:
        return {}
    signed = nx.Graph()
    signed.add_nodes_from(nodes)
    signed.add_weighted_edges_from((a, b, w) for a, nbrs in adj.items() for b, w in nbrs.items())
    vector = eigh(nx.to_numpy_array(signed, nodelist=nodes))[1][:, -1]
    return {n: int(vector[i] < 0) for i, n in enumerate(nodes)}


def _local_moves(adj: Mapping[str, Mapping[str, float]], start: Mapping[str, int]) -> dict[str, int]:
    """Greedy moves from ``start`` until no single actor's move lowers the frustration."""
    bloc_of = dict(start)
    next_bloc = max(bloc_of.values(), default=-1) + 1
    moved = True
    while moved:  # every move lowers the frustration, so this ends
        moved = False
        for node in sorted(adj):
            current = bloc_of[node]
            candidates = sorted({bloc_of[nbr] for nbr in adj[node]} - {current}) + [next_bloc]
            best = min(candidates, key=lambda c: (_cost(adj, bloc_of, node, c), c))
            if _cost(adj, bloc_of, node, best) < _cost(adj, bloc_of, node, current) - 1e-12:
                bloc_of[node] = best
                next_bloc = max(next_bloc, best + 1)
                moved = True
    return bloc_of


def frustration(
    G: nx.MultiDiGraph, blocs: Iterable[set[str]], period: str | None = None, weight: str = "weight"
) -> float:
    """Summed ``|score|`` of the pairs a partition leaves unbalanced.

    A positive pair split between two blocs, or a negative pair inside one bloc, adds its
    ``|score|``; 0 means the partition is perfectly balanced. Actors missing from
    ``blocs`` count as blocs of their own.
    """
    adj = _signed_adjacency(alliance_scores(G, period, weight))
    bloc_of = {node: i for i, bloc in enumerate(blocs) for node in bloc}
    n = len(bloc_of)
    for node in sorted(adj):
        if node not in bloc_of:
            bloc_of[node] = n
            n += 1
    return _frustration(adj, bloc_of)


@dataclass
class Summary:
    """What ``kg summary`` shows; names holds a display name for every id listed."""

    documents: int
    period: str | None
    date_span: tuple[str | None, str | None]
    actors_by_type: dict[str, int]
    statements: int
    unasserted: int
    statements_by_predicate: dict[str, int]
    top_degree: list[tuple[str, float]]
    top_pagerank: list[tuple[str, float]]
    cooperative_pairs: list[tuple[str, str, float]]
    hostile_pairs: list[tuple[str, str, float]]
    blocs: list[list[str]]
    frustration: float
    names: dict[str, str] = field(default_factory=dict)


def short_english(name_en: str | None) -> str:
    """An English name without the explanation in brackets the gazetteer may add.

    Examples
    --------
    >>> short_english('Syrian government (Assad government, "the regime")')
    'Syrian government'
    """
    return (name_en or "").split(" (")[0]


def _display_name(G: nx.MultiDiGraph, node: str) -> str:
    attrs = G.nodes[node]
    en, ar = short_english(attrs.get("name_en")), attrs.get("name_ar")
    if en and ar:
        return f"{en} / {ar}"
    return en or ar or node


def summarize(data: Extraction | nx.MultiDiGraph, period: str | None = None, top: int = 10) -> Summary:
    """Documents, date span, actors, statements, central actors, strongest pairs, blocs.

    Parameters
    ----------
    data : Extraction or networkx.MultiDiGraph
        An extraction (its graph is built with :func:`build_graph`) or such a graph.
    period : str, optional
        Restrict everything to statements dated within it (:func:`period_subgraph`).
    top : int
        How many actors and pairs to list.

    Notes
    -----
    Degree counts statements touching an actor (all statements, as evidence of
    attention). PageRank runs on the actor digraph weighted by statement counts,
    symmetric predicates in both directions. Pairs and blocs use asserted statements
    only (:func:`alliance_scores`, :func:`signed_blocs`).

    Examples
    --------
    >>> from kg.model import Extraction, Statement
    >>> st = Statement(doc="d1", subject="russia", predicate="ATTACKS", object="opposition",
    ...                s_name="روسيا", o_name="المعارضة", sentence=0, start=0, end=10,
    ...                evidence="قصفت روسيا مواقع المعارضة", trigger="قصفت", date="2019-05")
    >>> s = summarize(Extraction(statements=[st]))
    >>> s.statements, s.hostile_pairs
    (1, [('opposition', 'russia', -1.0)])
    """
    G = data if isinstance(data, nx.MultiDiGraph) else build_graph(data)
    H = period_subgraph(G, period)
    actor_nodes = [n for n in H if _is_actor(H, n)]
    dates = [d for _, _, d in H.edges(data="date") if d]
    if period is None:
        dates += [d for d in H.graph.get("documents", {}).values() if d]
    by_pred = Counter(p for _, _, p in H.edges(data="predicate"))
    A = H.subgraph(actor_nodes)
    degree = sorted(((n, float(H.degree(n))) for n in actor_nodes if H.degree(n)), key=lambda x: (-x[1], x[0]))
    D = nx.DiGraph()
    D.add_nodes_from(actor_nodes)
    for u, v, d in A.edges(data=True):
        if u == v:
            continue
        for s, t in ((u, v), (v, u)) if d.get("symmetric") else ((u, v),):
            w = D.get_edge_data(s, t, {"count": 0})["count"] + 1
            D.add_edge(s, t, count=w)
    pagerank = nx.pagerank(D, weight="count") if len(D) else {}
    ranked = sorted(pagerank.items(), key=lambda x: (-x[1], x[0]))
    scores = alliance_scores(H)
    coop = sorted(((a, b, s) for (a, b), s in scores.items() if s > 0), key=lambda x: (-x[2], x[0], x[1]))
    hostile = sorted(((a, b, s) for (a, b), s in scores.items() if s < 0), key=lambda x: (x[2], x[0], x[1]))
    blocs = signed_blocs(H)
    listed = {n for n, _ in degree[:top]} | {n for n, _ in ranked[:top]}
    listed |= {x for a, b, _ in coop[:top] + hostile[:top] for x in (a, b)}
    listed |= {n for bloc in blocs for n in bloc}
    return Summary(
        documents=len(H.graph.get("documents", {})),
        period=period,
        date_span=(min(dates), max(dates)) if dates else (None, None),
        actors_by_type=dict(sorted(Counter(H.nodes[n].get("type", "Actor") for n in actor_nodes).items())),
        statements=H.number_of_edges(),
        unasserted=sum(1 for _, _, a in H.edges(data="asserted") if a is False),
        statements_by_predicate=dict(sorted(by_pred.items(), key=lambda x: (-x[1], x[0]))),
        top_degree=degree[:top],
        top_pagerank=[(n, round(p, 4)) for n, p in ranked[:top]],
        cooperative_pairs=coop[:top],
        hostile_pairs=hostile[:top],
        blocs=[sorted(b) for b in blocs],
        frustration=frustration(H, blocs),
        names={n: _display_name(H, n) for n in sorted(listed)},
    )


class UnknownActorError(ValueError):
    """A name that no actor id, Arabic or English name or alias matches."""


def _arabic_key(name: str) -> str:
    return " ".join(match_form(normalize(name).text).split())


def resolve_actor(name: str, actors: Mapping[str, Actor]) -> str:
    """The actor id that ``name`` denotes: an id, or an Arabic or English name or alias.

    Arabic names are compared after normalization (hamza forms, taa marbuta, diacritics),
    English names case-insensitively; Arabic aliases, acronyms and metonyms count too.

    Raises
    ------
    UnknownActorError
        If nothing matches, or several actors do (the message lists them).

    Examples
    --------
    >>> from kg.model import Actor
    >>> actors = {"russia": Actor("russia", "Country", "روسيا", "Russia", metonyms_ar=("موسكو",))}
    >>> resolve_actor("موسكو", actors), resolve_actor("RUSSIA", actors), resolve_actor("russia", actors)
    ('russia', 'russia', 'russia')
    """
    if name in actors:
        return name
    en, ar = name.strip().casefold(), _arabic_key(name)
    found = set()
    for a in actors.values():
        english = [a.name_en or "", short_english(a.name_en), *a.aliases_en]
        arabic = [a.name_ar, *a.aliases_ar, *a.acronyms_ar, *a.metonyms_ar]
        if en in (e.casefold() for e in english if e) or (ar and ar in (_arabic_key(x) for x in arabic)):
            found.add(a.id)
    if len(found) == 1:
        return found.pop()
    if found:
        raise UnknownActorError(f"{name!r} is ambiguous: it names {', '.join(sorted(found))}; use an id")
    raise UnknownActorError(f"unknown actor {name!r}: give an actor id or a name from the gazetteer")
