"""Read documents: a folder of .txt files (+ optional metadata.jsonl), JSON Lines, CSV.

Bad input never stops a batch: each unreadable file or record is reported as a
:class:`Skipped` item (origin and a one-line reason) and the rest is still read.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Document

__all__ = ["Skipped", "read_corpus", "read_text_file", "METADATA_FILE"]

METADATA_FILE = "metadata.jsonl"
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FIELDS = ("id", "date", "source", "url", "title")


@dataclass(frozen=True)
class Skipped:
    origin: str
    reason: str


def read_text_file(path: Path) -> str:
    """Text of a UTF-8 file; ``ValueError`` with a short reason when it is not usable."""
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})") from e
    if not text.strip():
        raise ValueError("empty file")
    return text


def _date(value, origin: str) -> str | None:
    """ISO date from metadata (a timestamp is cut to its day)."""
    if value in (None, ""):
        return None
    value = str(value).strip()
    if "T" in value or " " in value:
        value = re.split(r"[T ]", value, maxsplit=1)[0]
    if not _ISO_DATE.match(value):
        raise ValueError(f"date {value!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _document(record: dict, text: str, origin: str) -> Document:
    return Document(
        id=str(record["id"]),
        text=text,
        date=_date(record.get("date"), origin),
        source=record.get("source") or None,
        url=record.get("url") or None,
        title=record.get("title") or None,
        origin=origin,
        date_source="metadata" if record.get("date") else None,
    )


def _read_metadata(path: Path) -> tuple[dict[str, dict], list[Skipped]]:
    meta, skipped = {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                meta[str(rec["id"])] = rec
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                skipped.append(Skipped(f"{path}:{n}", f"bad metadata line: {e}"))
    return meta, skipped


def _read_folder(folder: Path) -> Iterator[Document | Skipped]:
    meta: dict[str, dict] = {}
    if (folder / METADATA_FILE).exists():
        try:
            meta, bad = _read_metadata(folder / METADATA_FILE)
        except (OSError, UnicodeDecodeError) as e:
            bad = [Skipped(str(folder / METADATA_FILE), f"unreadable metadata: {e}")]
        yield from bad
    files = sorted(folder.glob("*.txt"))
    if not files:
        yield Skipped(str(folder), "no .txt files in folder")
    for path in files:
        try:
            text = read_text_file(path)
            yield _document(meta.get(path.stem, {}) | {"id": path.stem}, text, str(path))
        except (OSError, ValueError) as e:
            yield Skipped(str(path), str(e))


def _read_records(rows: Iterable[tuple[str, dict]]) -> Iterator[Document | Skipped]:
    for origin, rec in rows:
        text = rec.get("text")
        if not rec.get("id"):
            yield Skipped(origin, "record has no id")
        elif not isinstance(text, str) or not text.strip():
            yield Skipped(origin, "record has no text")
        else:
            try:
                yield _document(rec, text, origin)
            except ValueError as e:
                yield Skipped(origin, str(e))


def _jsonl_rows(path: Path) -> Iterator[tuple[str, dict] | Skipped]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Skipped(f"{path}:{n}", f"not JSON: {e.msg}")
                    continue
                if isinstance(rec, dict):
                    yield f"{path}:{n}", rec
                else:
                    yield Skipped(f"{path}:{n}", "not a JSON object")


def _csv_rows(path: Path) -> Iterator[tuple[str, dict]]:
    with open(path, encoding="utf-8", newline="") as f:
        for n, rec in enumerate(csv.DictReader(f), 2):
            yield f"{path}:{n}", rec


def _read_file(path: Path) -> Iterator[Document | Skipped]:
    try:
        read_text_file(path)  # empty, binary and non-UTF-8 files are rejected up front
    except (OSError, ValueError) as e:
        yield Skipped(str(path), str(e))
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        rows = list(_jsonl_rows(path))
        yield from (r for r in rows if isinstance(r, Skipped))
        yield from _read_records(r for r in rows if not isinstance(r, Skipped))
    elif suffix == ".csv":
        yield from _read_records(_csv_rows(path))
    elif suffix == ".txt":
        yield _document({"id": path.stem}, read_text_file(path), str(path))
    else:
        yield Skipped(str(path), f"unknown input type {suffix or '(no suffix)'}: "
                                 "expected a folder, .txt, .jsonl or .csv")


def read_corpus(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Documents from each path, in order, with a :class:`Skipped` for each bad one.

    A path is a folder of ``.txt`` files (document id = file stem; metadata from
    ``metadata.jsonl`` beside them, keyed by id), a ``.jsonl`` file (one object per line with
    ``id`` and ``text``, optional ``date``, ``source``, ``url``, ``title``), a ``.csv`` file
    with the same columns, or a single ``.txt`` file. A document id seen twice is skipped
    the second time, so nothing is duplicated.
    """
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Skipped(str(path), "no such file or folder")
            continue
        items = _read_folder(path) if path.is_dir() else _read_file(path)
        for item in items:
            if isinstance(item, Document):
                if item.id in seen:
                    item = Skipped(item.origin or str(path), f"duplicate document id {item.id!r}")
                else:
                    seen.add(item.id)
            yield item
