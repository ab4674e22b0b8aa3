"""Statement records (JSON Lines): what ``kg extract`` writes and eval/score.py reads.

Pure conversions between the dataclasses of :mod:`kg.model` and plain dicts, wrapped by
thin ``write_records`` / ``read_records`` functions (the networkx edgelist pattern).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Actor, Document, Extraction, LinkedMention, Statement

__all__ = [
    "actor_record",
    "statement_record",
    "mention_record",
    "document_record",
    "generate_records",
    "parse_records",
    "write_records",
    "read_records",
]


def actor_record(a: Actor) -> dict:
    """An actor found in the text, not in the gazetteer (which readers load by id)."""
    return {
        "type": "actor",
        "actor": a.id,
        "actor_type": a.type,
        "name": a.name_ar,
        "parent": a.parent,
        "parent_rel": a.parent_rel,
    }


def statement_record(st: Statement) -> dict:
    return {
        "type": "relation",
        "id": st.id,
        "doc": st.doc,
        "s": st.subject,
        "p": st.predicate,
        "o": st.object,
        "s_name": st.s_name,
        "o_name": st.o_name,
        "date": st.date,
        "date_precision": st.date_precision,
        "date_source": st.date_source,
        "neg": st.negated,
        "hedged": st.hedged,
        "modality": st.modality,
        "reported_by": st.reported_by,
        "sentence": st.sentence,
        "start": st.start,
        "end": st.end,
        "evidence": st.evidence,
        "trigger": st.trigger,
        "confidence": st.confidence,
        "extractor": st.extractor,
    }


def mention_record(m: LinkedMention) -> dict:
    return {
        "type": "mention",
        "doc": m.doc,
        "actor": m.actor,
        "name": m.name,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "finder": m.finder,
    }


def document_record(d: Document) -> dict:
    return {
        "type": "document",
        "doc": d.id,
        "date": d.date,
        "date_source": d.date_source,
        "source": d.source,
        "url": d.url,
        "title": d.title,
        "origin": d.origin,
    }


def generate_records(extraction: Extraction) -> Iterator[dict]:
    """Records of an extraction: the actors found in the text first, then document by
    document: document, mentions, relations."""
    yield from (actor_record(a) for a in extraction.actors if a.discovered)
    mentions: dict[str, list[LinkedMention]] = {}
    for m in extraction.mentions:
        mentions.setdefault(m.doc, []).append(m)
    statements: dict[str, list[Statement]] = {}
    for st in extraction.statements:
        statements.setdefault(st.doc, []).append(st)
    for d in extraction.documents:
        yield document_record(d)
        yield from (mention_record(m) for m in mentions.get(d.id, ()))
        yield from (statement_record(s) for s in statements.get(d.id, ()))


def parse_records(records: Iterable[dict]) -> Extraction:
    """The inverse of :func:`generate_records` (document texts are not kept in records)."""
    ex = Extraction()
    for r in records:
        kind = r.get("type", "relation")
        if kind == "actor":
            ex.actors.append(
                Actor(
                    id=r["actor"], type=r["actor_type"], name_ar=r.get("name", ""),
                    parent=r.get("parent"), parent_rel=r.get("parent_rel"), discovered=True,
                )
            )
        elif kind == "document":
            ex.documents.append(
                Document(
                    id=r["doc"], text="", date=r.get("date"), source=r.get("source"),
                    url=r.get("url"), title=r.get("title"), origin=r.get("origin"),
                    date_source=r.get("date_source"),
                )
            )
        elif kind == "mention":
            ex.mentions.append(
                LinkedMention(
                    doc=r["doc"], actor=r["actor"], name=r.get("name", ""),
                    start=r.get("start", 0), end=r.get("end", 0),
                    sentence=r.get("sentence", 0), finder=r.get("finder", ""),
                )
            )
        elif kind == "relation":
            ex.statements.append(
                Statement(
                    doc=r["doc"], subject=r["s"], predicate=r["p"], object=r["o"],
                    s_name=r.get("s_name", ""), o_name=r.get("o_name", ""),
                    sentence=r.get("sentence", 0), start=r.get("start", 0),
                    end=r.get("end", 0), evidence=r.get("evidence", ""),
                    trigger=r.get("trigger", ""), date=r.get("date"),
                    date_precision=r.get("date_precision"), date_source=r.get("date_source"),
                    negated=bool(r.get("neg")), hedged=bool(r.get("hedged")),
                    reported_by=r.get("reported_by"), confidence=r.get("confidence", 0.5),
                    extractor=r.get("extractor", "patterns"), modality=r.get("modality"),
                    id=r.get("id", ""),
                )
            )
    return ex


def write_records(extraction: Extraction, path: str | Path) -> int:
    """Write the records of ``extraction`` to ``path`` atomically; returns the count."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in generate_records(extraction):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def read_records(path: str | Path) -> Extraction:
    """Read a statements file written by :func:`write_records` (or by hand)."""
    def lines():
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as e:
                        raise ValueError(f"{path}:{n}: not JSON: {e.msg}") from e

    return parse_records(lines())
