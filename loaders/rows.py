"""Pure builders of the parameter rows every graph loader sends, and their inverse.

An :class:`~kg.model.Extraction` becomes plain dicts (one list per write statement of
``loaders/cypher/``); the Neo4j loader and the embedded store send the same rows with the
same ``.cypher`` files. :func:`extraction_from_rows` turns what the read statements return
back into an ``Extraction``. Nothing here touches a database.

The graph (DESIGN.md): ``(:Actor:<Type>)``, ``(:Place)``, ``(:Document)``; one relationship
per statement, typed by its predicate, holding every statement property plus the sign and
weight of its predicate (from ``schema/predicates.jsonl``, so queries need no lookup) and the
date twice: ``date`` (a Cypher ``date``, the first day of the period) and ``date_iso`` (the
ISO text as precise as known) with ``date_precision``. Gazetteer parents and roles become
``PART_OF`` / ``MEMBER_OF`` relationships with ``source = "gazetteer"`` and no ``doc``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.model import Actor, Document, Extraction, LinkedMention, Role, Statement
from kg.graph import asserted
from kg.predicates import load_predicates

__all__ = [
    "LoadReport",
    "PLACE_PREFIX",
    "STRUCTURAL",
    "extraction_rows",
    "extraction_from_rows",
    "period_start",
    "predicate_weights",
    "batches",
    "WRITE_PLAN",
    "write_plan",
    "load_report",
    "complete_actors",
]

PLACE_PREFIX = "place:"
#: Relationship types that gazetteer parents and roles produce.
STRUCTURAL = ("PART_OF", "MEMBER_OF")


@dataclass
class LoadReport:
    """What one load wrote: counts of rows sent per kind, and stale items removed."""

    documents: int = 0
    actors: int = 0
    places: int = 0
    statements: int = 0
    mentions: int = 0
    hierarchy: int = 0
    seconds: float = 0.0
    batches: int = 0
    skipped: list[str] = field(default_factory=list)  # statements with an unknown predicate

    @property
    def statements_per_second(self) -> float:
        return self.statements / self.seconds if self.seconds else 0.0


def predicate_weights(path: str | Path | None = None) -> dict[str, tuple[int, float]]:
    """``{predicate: (sign, weight)}`` of ``schema/predicates.jsonl`` (or ``path``).

    The allow-list of relationship types: a statement whose predicate is not here is
    not written. Only ``id``, ``sign`` and ``weight`` are read, so the table may grow.

    >>> predicate_weights()["ATTACKS"]
    (-1, -1.0)
    """
    return {p.id: (p.sign, p.weight) for p in load_predicates(path).values()}


def period_start(iso: str | None) -> str | None:
    """First day of an ISO date of any precision, as ``YYYY-MM-DD`` (or None).

    Text that is not a valid ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date gives None
    (the statement keeps it in ``date_iso``): Neo4j's ``date()`` and its bulk importer
    reject it, which would stop a whole load, and FalkorDB would roll it over silently.

    >>> period_start("2020-07"), period_start("2019"), period_start("2021-03-05")
    ('2020-07-01', '2019-01-01', '2021-03-05')
    >>> period_start("2019-02-30"), period_start("2020-7"), period_start("spring 2020")
    (None, None, None)
    """
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) > 3 or [len(p) for p in parts] != [4, 2, 2][:len(parts)]:
        return None
    start = "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])
    try:
        date.fromisoformat(start)
    except ValueError:
        return None
    return start


def _precision(iso: str | None) -> str | None:
    if not iso:
        return None
    return {1: "year", 2: "month"}.get(len(iso.split("-")), "day")


def _drop_none(d: dict) -> dict:
    """Neo4j refuses null inside maps it stores; an absent property reads back as null."""
    return {k: v for k, v in d.items() if v is not None}


def _actor_props(a: Actor) -> dict:
    english = [a.name_en, *a.aliases_en] if a.name_en else list(a.aliases_en)
    arabic = [a.name_ar, *a.aliases_ar, *a.acronyms_ar, *a.metonyms_ar]
    return _drop_none({
        "type": a.type,
        "name_ar": a.name_ar,
        "name_en": a.name_en,
        "aliases_ar": list(a.aliases_ar),
        "aliases_en": list(a.aliases_en),
        "acronyms_ar": list(a.acronyms_ar),
        "nisba_ar": list(a.nisba_ar),
        "metonyms_ar": list(a.metonyms_ar),
        # What the canned queries' `actor` parameter is compared with (lower-cased), and
        # one text the Neo4j full-text index covers.
        "keys": sorted({k.lower() for k in (a.id, *arabic, *english) if k}),
        "names_text": " | ".join(dict.fromkeys(k for k in (*arabic, *english) if k)),
        "parent": a.parent,
        "parent_rel": a.parent_rel,
        "wikidata": a.wikidata,
        "discovered": a.discovered,
        "roles_json": json.dumps([r.__dict__ for r in a.roles], ensure_ascii=False) if a.roles else None,
    })


def _statement_props(st: Statement, sign: int, weight: float) -> dict:
    return _drop_none({
        "doc": st.doc,
        "sentence": st.sentence,
        "start": st.start,
        "end": st.end,
        "s_name": st.s_name,
        "o_name": st.o_name,
        "evidence": st.evidence,
        "trigger": st.trigger,
        "date_iso": st.date,
        "date_precision": st.date_precision or _precision(st.date),
        "date_source": st.date_source,
        "negated": st.negated,
        "hedged": st.hedged,
        "asserted": asserted(st),
        "reported_by": st.reported_by,
        "confidence": float(st.confidence),
        "extractor": st.extractor,
        "modality": st.modality,
        "sign": sign,
        "weight": float(weight),
        "source": "text",
    })


def _structural_rows(actors: list[Actor]) -> list[dict]:
    """``PART_OF``/``MEMBER_OF`` from gazetteer parents and date-bounded roles."""
    rows = []
    for a in actors:
        if a.parent and a.parent_rel in STRUCTURAL:
            rows.append({
                "id": f"gazetteer:{a.id}:{a.parent_rel}:{a.parent}", "s": a.id, "p": a.parent_rel,
                "o": a.parent, "date_start": None,
                "props": {"source": "gazetteer", "sign": 0, "weight": 0.0, "asserted": True},
            })
        for r in a.roles:
            rows.append({
                "id": f"role:{a.id}:{r.org}:{r.start or ''}", "s": a.id, "p": "MEMBER_OF",
                "o": r.org, "date_start": period_start(r.start),
                "props": _drop_none({
                    "source": "gazetteer", "sign": 0, "weight": 0.0, "asserted": True,
                    "title_en": r.title_en,
                    "title_ar": r.title_ar, "date_iso": r.start, "until": r.end,
                    "date_precision": _precision(r.start),
                }),
            })
    return rows


def extraction_rows(extraction: Extraction) -> dict[str, list[dict]]:
    """Parameter rows of every write statement, built from ``extraction`` alone.

    Parameters
    ----------
    extraction : Extraction
        Documents, actors, linked mentions and statements, as the pipeline returns them
        or :func:`kg.records.read_records` reads them.

    Returns
    -------
    dict[str, list[dict]]
        ``actors`` (full gazetteer or discovered actors, each with the ids of the
        gazetteer ``PART_OF`` / ``MEMBER_OF`` edges its record gives: what removes those
        it no longer gives), ``actor_stubs`` (ids referenced
        by a statement or a parent but absent from ``extraction.actors``: created with a
        name only, never overwriting a fuller node), ``places``, ``documents`` (with the
        ids of their statements, sorted, their subjects in the same order, and the ids
        of the actors they mention: what removes stale edges when a document is loaded
        again), ``statements``, ``mentions`` (one row per document and
        actor, spans as parallel lists), ``hierarchy`` (gazetteer ``PART_OF`` /
        ``MEMBER_OF``) and ``skipped`` (ids of statements whose predicate is not one of
        ``schema/predicates.jsonl``: their type would not be on the allow-list).

    Examples
    --------
    >>> from kg.model import Statement
    >>> st = Statement(doc="d1", subject="russia", predicate="ATTACKS", object="place:إدلب",
    ...                s_name="روسيا", o_name="إدلب", sentence=0, start=0, end=9,
    ...                evidence="قصفت روسيا إدلب", trigger="قصف", date="2020-02")
    >>> rows = extraction_rows(Extraction(statements=[st]))
    >>> rows["statements"][0]["props"]["weight"], rows["statements"][0]["date_start"]
    (-1.0, '2020-02-01')
    >>> [r["id"] for r in rows["places"]], [r["id"] for r in rows["actor_stubs"]]
    (['place:إدلب'], ['russia'])
    """
    predicates = predicate_weights()
    actors = {a.id: a for a in extraction.actors}
    rows: dict[str, list[dict]] = {k: [] for k in (
        "actors", "actor_stubs", "places", "documents", "statements", "mentions",
        "hierarchy", "skipped")}
    stubs: dict[str, str] = {}
    places: dict[str, str] = {}

    def node(node_id: str, name: str) -> None:
        if node_id.startswith(PLACE_PREFIX):
            places.setdefault(node_id, name or node_id[len(PLACE_PREFIX):])
        elif node_id not in actors:
            stubs.setdefault(node_id, name or node_id)

    for a in actors.values():
        rows["actors"].append({"id": a.id, "type": a.type, "props": _actor_props(a)})
    by_doc: dict[str, list[Statement]] = {}
    seen: set[str] = set()
    for st in extraction.statements:
        if st.id in seen:  # the same statement twice in one batch is one relationship
            continue
        seen.add(st.id)
        pred = predicates.get(st.predicate)
        if pred is None:
            rows["skipped"].append(st.id)
            continue
        node(st.subject, st.s_name)
        node(st.object, st.o_name)
        by_doc.setdefault(st.doc, []).append(st)
        rows["statements"].append({
            "id": st.id, "s": st.subject, "p": st.predicate, "o": st.object,
            "date_start": period_start(st.date),
            "props": _statement_props(st, *pred),
        })
    rows["hierarchy"] = _structural_rows(list(actors.values()))
    own: dict[str, list[str]] = {}
    for h in rows["hierarchy"]:
        node(h["o"], "")
        own.setdefault(h["s"], []).append(h["id"])
    for r in rows["actors"]:
        r["hierarchy"] = sorted(own.get(r["id"], ()))
    mentions: dict[tuple[str, str], list[LinkedMention]] = {}
    for m in extraction.mentions:
        mentions.setdefault((m.doc, m.actor), []).append(m)
        node(m.actor, m.name)
    mentioned: dict[str, set[str]] = {}
    for (doc, actor), ms in mentions.items():
        mentioned.setdefault(doc, set()).add(actor)
        rows["mentions"].append({"doc": doc, "actor": actor, "props": {
            "count": len(ms), "names": [m.name for m in ms], "starts": [m.start for m in ms],
            "ends": [m.end for m in ms], "sentences": [m.sentence for m in ms],
            "finders": [m.finder for m in ms],
        }})
    for d in {d.id: d for d in extraction.documents}.values():
        sts = sorted(by_doc.get(d.id, []), key=lambda s: s.id)
        rows["documents"].append({
            "id": d.id,
            "props": _drop_none({
                "date": d.date, "date_source": d.date_source, "source": d.source,
                "url": d.url, "title": d.title, "origin": d.origin,
            }),
            "statement_ids": [s.id for s in sts],
            "statement_subjects": [s.subject for s in sts],
            "actors": sorted(mentioned.get(d.id, ())),
        })
    rows["actor_stubs"] = [{"id": k, "name_ar": v} for k, v in stubs.items()]
    rows["places"] = [{"id": k, "name_ar": v} for k, v in places.items()]
    return rows


def batches(rows: list[dict], size: int):
    """Consecutive slices of ``rows`` of at most ``size`` items."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _actor_from(p: dict) -> Actor:
    roles = tuple(Role(**r) for r in json.loads(p["roles_json"])) if p.get("roles_json") else ()
    return Actor(
        id=p["id"], type=p.get("type") or "", name_ar=p.get("name_ar") or p["id"],
        name_en=p.get("name_en"), aliases_ar=tuple(p.get("aliases_ar") or ()),
        aliases_en=tuple(p.get("aliases_en") or ()), nisba_ar=tuple(p.get("nisba_ar") or ()),
        metonyms_ar=tuple(p.get("metonyms_ar") or ()),
        acronyms_ar=tuple(p.get("acronyms_ar") or ()), parent=p.get("parent"),
        parent_rel=p.get("parent_rel"), wikidata=p.get("wikidata"),
        roles=roles, discovered=bool(p.get("discovered")),
    )


def extraction_from_rows(documents: list[dict], actors: list[dict], mentions: list[dict],
                         statements: list[dict]) -> Extraction:
    """The inverse of :func:`extraction_rows`, from the rows the ``read_*`` statements return.

    Each row is ``{"props": <properties map>, ...}`` with ``id`` inside ``props`` for nodes,
    ``doc``/``actor`` beside it for mentions and ``s``/``p``/``o`` for statements. Document
    texts are not stored in the graph, so documents come back with ``text=""``.
    """
    ex = Extraction()
    for r in documents:
        p = r["props"]
        ex.documents.append(Document(
            id=p["id"], text="", date=p.get("date"), source=p.get("source"), url=p.get("url"),
            title=p.get("title"), origin=p.get("origin"), date_source=p.get("date_source"),
        ))
    ex.actors = [_actor_from(r["props"]) for r in actors]
    for r in mentions:
        p = r["props"]
        for name, start, end, sent, finder in zip(p["names"], p["starts"], p["ends"],
                                                  p["sentences"], p["finders"]):
            ex.mentions.append(LinkedMention(doc=r["doc"], actor=r["actor"], name=name,
                                             start=start, end=end, sentence=sent, finder=finder))
    for r in statements:
        p = r["props"]
        ex.statements.append(Statement(
            doc=p["doc"], subject=r["s"], predicate=r["p"], object=r["o"],
            s_name=p.get("s_name", ""), o_name=p.get("o_name", ""), sentence=p["sentence"],
            start=p["start"], end=p["end"], evidence=p.get("evidence", ""),
            trigger=p.get("trigger", ""), date=p.get("date_iso"),
            date_precision=p.get("date_precision"), date_source=p.get("date_source"),
            negated=bool(p.get("negated")), hedged=bool(p.get("hedged")),
            reported_by=p.get("reported_by"), confidence=p.get("confidence", 0.5),
            extractor=p.get("extractor", "patterns"), modality=p.get("modality"), id=p["id"],
        ))
    return ex


#: The write statements of ``loaders/cypher/`` in the order a load runs them, each with the
#: rows it takes. Nodes first, then stale edges of re-loaded actors and documents are
#: removed (before merge_documents records the new statement lists), then relationships.
WRITE_PLAN = (
    ("actors", "merge_actors"),
    ("actors", "delete_stale_hierarchy"),
    ("actor_stubs", "merge_actor_stubs"),
    ("places", "merge_places"),
    ("documents", "delete_stale_statements"),
    ("documents", "delete_stale_mentions"),
    ("documents", "merge_documents"),
    ("statements", "merge_statements"),
    ("hierarchy", "merge_statements"),
    ("mentions", "merge_mentions"),
)


def write_plan(rows: dict[str, list[dict]], batch_size: int):
    """``(kind, cypher file name, batch)`` for every batch of a load, in :data:`WRITE_PLAN` order.

    >>> rows = {k: [] for k, _ in WRITE_PLAN} | {"statements": [{"id": 1}, {"id": 2}, {"id": 3}]}
    >>> [(k, n, len(b)) for k, n, b in write_plan(rows, 2)]
    [('statements', 'merge_statements', 2), ('statements', 'merge_statements', 1)]
    """
    for kind, name in WRITE_PLAN:
        for batch in batches(rows[kind], batch_size):
            yield kind, name, batch


def load_report(rows: dict[str, list[dict]]) -> LoadReport:
    """Counts of what ``rows`` write (seconds and batches are filled in by the loader)."""
    return LoadReport(
        documents=len(rows["documents"]), actors=len(rows["actors"]) + len(rows["actor_stubs"]),
        places=len(rows["places"]), statements=len(rows["statements"]),
        mentions=len(rows["mentions"]), hierarchy=len(rows["hierarchy"]),
        skipped=list(rows["skipped"]),
    )


def complete_actors(extraction: Extraction, gazetteer: dict[str, Actor]) -> Extraction:
    """``extraction`` with gazetteer entries for every actor it references but lacks.

    A statements file (``kg extract``) names actors by id only; this adds their gazetteer
    records, and those of their parents and role organizations, so loaders write typed,
    named Actor nodes and the PART_OF / MEMBER_OF hierarchy. Ids the gazetteer does not
    know stay as they are (they become name-only actor nodes).

    >>> from kg.model import Statement
    >>> st = Statement(doc="d", subject="a.unit", predicate="ATTACKS", object="b",
    ...                s_name="", o_name="", sentence=0, start=0, end=0, evidence="", trigger="")
    >>> gz = {"a": Actor(id="a", type="Country", name_ar="أ"),
    ...       "a.unit": Actor(id="a.unit", type="ArmedGroup", name_ar="وحدة", parent="a", parent_rel="PART_OF")}
    >>> [a.id for a in complete_actors(Extraction(statements=[st]), gz).actors]
    ['a.unit', 'a']
    """
    have = {a.id for a in extraction.actors}
    wanted = [x for st in extraction.statements for x in (st.subject, st.object)]
    wanted += [m.actor for m in extraction.mentions]
    added: list[Actor] = []
    while wanted:
        actor_id = wanted.pop(0)
        if actor_id in have or actor_id not in gazetteer:
            continue
        have.add(actor_id)
        actor = gazetteer[actor_id]
        added.append(actor)
        wanted += [p for p in (actor.parent, *(r.org for r in actor.roles)) if p]
    return Extraction(documents=extraction.documents, actors=[*extraction.actors, *added],
                      mentions=extraction.mentions, statements=extraction.statements,
                      skipped=extraction.skipped)
