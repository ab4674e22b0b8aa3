"""Load the actor gazetteer (schema/actors.jsonl) into ``Actor`` records.

The file is JSON Lines: a first ``{"_meta": ...}`` line (source, licence, change notes),
then one actor per line. Field meanings are documented in schema/actors.schema.json.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.model import Actor, Role
from kg.resources import schema_file

__all__ = ["load_gazetteer", "GazetteerError"]


class GazetteerError(ValueError):
    """A gazetteer file that does not follow its schema."""


def _actor(entry: dict) -> Actor:
    return Actor(
        id=entry["id"],
        type=entry["type"],
        name_ar=entry["name_ar"],
        name_en=entry.get("name_en"),
        aliases_ar=tuple(entry.get("aliases_ar", ())),
        aliases_en=tuple(entry.get("aliases_en", ())),
        nisba_ar=tuple(entry.get("nisba_ar", ())),
        metonyms_ar=tuple(entry.get("metonyms_ar", ())),
        acronyms_ar=tuple(entry.get("acronyms_ar", ())),
        parent=entry.get("parent"),
        parent_rel=entry.get("parent_rel"),
        wikidata=entry.get("wikidata"),
        roles=tuple(Role(**r) for r in entry.get("roles", ())),
    )


def load_gazetteer(path: str | Path | None = None) -> dict[str, Actor]:
    """Actors by id, from ``path`` or the gazetteer that ships with kg."""
    path = Path(path) if path else schema_file("actors.jsonl")
    actors: dict[str, Actor] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as e:
                raise GazetteerError(f"{path}:{n}: not JSON: {e}") from e
            if "_meta" in entry:
                continue
            if entry["id"] in actors:
                raise GazetteerError(f"{path}:{n}: duplicate actor id {entry['id']!r}")
            actors[entry["id"]] = _actor(entry)
    return actors
