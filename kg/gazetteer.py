"""Load and validate the actor gazetteer (schema/actors.jsonl) and the places (schema/places.jsonl).

Both files are JSON Lines: a first ``{"_meta": ...}`` line (source, licence, change notes),
then one entry per line. Each entry is checked against its JSON Schema
(schema/actors.schema.json, schema/places.schema.json), and the file as a whole against
the rules a schema cannot express: unique ids, parents that exist and form no cycle,
``parent_rel`` matching the actor type, and no Arabic name shared by two entries unless
the ``_meta`` line lists it as deliberately shared.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from kg.model import Actor, Role
from kg.resources import DataFileError, data_file_meta, read_data_file, schema_file
from kg.text import match_form

__all__ = [
    "GazetteerError",
    "Place",
    "load_gazetteer",
    "load_places",
    "actor_record",
    "write_gazetteer",
    "name_key",
    "read_validated",
]


class GazetteerError(ValueError):
    """A gazetteer file that does not follow its schema."""


@dataclass(frozen=True)
class Place:
    """A place of the places gazetteer; ``id`` is ``"place:" + name_ar``."""

    id: str
    name_ar: str
    kind: str
    name_en: str | None = None
    aliases_ar: tuple[str, ...] = ()
    parent: str | None = None


def name_key(name: str) -> str:
    """The form under which two Arabic names count as the same name.

    Match form (hamza seats, alef maqsura, taa marbuta unified), diacritics removed and
    the article dropped from the first word, as the gazetteer matcher compares names.

    >>> name_key("الحرس الثوري") == name_key("حرس الثوري")
    True
    """
    words = match_form(unicodedata.normalize("NFKC", name)).split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """``(line number, entry)`` of a data file, its ``_meta`` header checked and skipped."""
    try:
        yield from read_data_file(path)
    except DataFileError as e:
        raise GazetteerError(str(e)) from e


def _inline_refs(node, defs: dict):
    """``node`` with its local references (``{"$ref": "#/$defs/x"}``) replaced by what they
    name: the same schema, checked without resolving a reference for every entry."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref[len("#/$defs/"):]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@lru_cache(maxsize=None)
def _validator(schema_name: str) -> jsonschema.protocols.Validator:
    with open(schema_file(schema_name), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    defs = schema.get("$defs", {})
    return cls(_inline_refs(schema, defs) if defs else schema)


def _check_schema(validator, entry: dict, where: str) -> None:
    error = jsonschema.exceptions.best_match(validator.iter_errors(entry))
    if error is not None:
        field = "/".join(str(p) for p in error.absolute_path) or "entry"
        raise GazetteerError(f"{where}: {field}: {error.message}")


def read_validated(path: str | Path, schema_name: str) -> Iterator[tuple[int, dict]]:
    """``(line number, entry)`` of a schema/ data file, each entry checked against its schema.

    The ``_meta`` header is checked to be there and skipped.

    Raises
    ------
    GazetteerError
        naming ``file:line`` and the field of the first entry that breaks the schema.
    """
    validator = _validator(schema_name)
    for n, entry in _read_jsonl(Path(path)):
        if not validator.is_valid(entry):
            _check_schema(validator, entry, f"{path}:{n}")
        yield n, entry


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
        requires_context_ar=tuple(entry.get("requires_context_ar", ())),
        territory=entry.get("territory", False),
        parent=entry.get("parent"),
        parent_rel=entry.get("parent_rel"),
        wikidata=entry.get("wikidata"),
        roles=tuple(Role(**r) for r in entry.get("roles", ())),
    )


def _arabic_names(actor: Actor) -> Iterator[str]:
    """Every Arabic surface the matcher indexes for ``actor`` (nisba bases included)."""
    yield actor.name_ar
    yield from actor.aliases_ar
    yield from actor.acronyms_ar
    yield from actor.metonyms_ar
    yield from actor.nisba_ar


def _check_actors(actors: dict[str, Actor], lines: dict[str, int], shared: set[str], path) -> None:
    for actor in actors.values():
        where = f"{path}:{lines[actor.id]}"
        if actor.parent is not None:
            if actor.parent not in actors:
                raise GazetteerError(f"{where}: parent {actor.parent!r} of {actor.id!r} is not in the gazetteer")
            wanted = "MEMBER_OF" if actor.type == "Person" else "PART_OF"
            if actor.parent_rel != wanted:
                raise GazetteerError(
                    f"{where}: {actor.id!r} is a {actor.type}; its parent_rel must be {wanted}, not {actor.parent_rel}"
                )
            seen = {actor.id}
            up = actor.parent
            while up is not None:
                if up in seen:
                    raise GazetteerError(f"{where}: the parent chain of {actor.id!r} loops back to {up!r}")
                seen.add(up)
                up = actors[up].parent if up in actors else None
        for role in actor.roles:
            if role.org not in actors:
                raise GazetteerError(f"{where}: role organization {role.org!r} of {actor.id!r} is not in the gazetteer")
            if role.start and role.end and role.end < role.start:
                raise GazetteerError(f"{where}: role {role.title_en!r} of {actor.id!r} ends before it starts")
    owner: dict[str, str] = {}
    for actor in actors.values():
        for name in set(map(name_key, _arabic_names(actor))):
            other = owner.setdefault(name, actor.id)
            if other != actor.id and name not in shared:
                raise GazetteerError(
                    f"{path}:{lines[actor.id]}: Arabic name {name!r} of {actor.id!r} is also a name of "
                    f"{other!r}; rename one or list it in _meta.shared_names_ar"
                )


def load_gazetteer(path: str | Path | None = None) -> dict[str, Actor]:
    """Actors by id, from ``path`` or the gazetteer that ships with kg, validated.

    Parameters
    ----------
    path : str or Path, optional
        A JSON Lines gazetteer; default: ``schema/actors.jsonl``.

    Returns
    -------
    dict
        :class:`~kg.model.Actor` by id, in file order.

    Raises
    ------
    GazetteerError
        naming ``file:line`` of the first entry that breaks the schema or the file rules.

    Examples
    --------
    >>> actors = load_gazetteer()
    >>> actors["russia.mod"].parent
    'russia'
    """
    path = Path(path) if path else schema_file("actors.jsonl")
    actors: dict[str, Actor] = {}
    lines: dict[str, int] = {}
    for n, entry in read_validated(path, "actors.schema.json"):
        if entry["id"] in actors:
            raise GazetteerError(f"{path}:{n}: duplicate actor id {entry['id']!r} (first on line {lines[entry['id']]})")
        actors[entry["id"]] = _actor(entry)
        lines[entry["id"]] = n
    shared = {name_key(s) for s in data_file_meta(path).get("shared_names_ar", ())}
    _check_actors(actors, lines, shared, path)
    return actors


def load_places(path: str | Path | None = None) -> list[Place]:
    """Places of ``path`` or of the places gazetteer that ships with kg, validated.

    Raises
    ------
    GazetteerError
        naming ``file:line`` of a malformed entry, a duplicate id, an id that is not
        ``"place:" + name_ar``, or a parent that is not a place of the file.

    Examples
    --------
    >>> places = {p.id: p for p in load_places()}
    >>> places["place:إدلب"].kind
    'governorate'
    """
    path = Path(path) if path else schema_file("places.jsonl")
    places: dict[str, Place] = {}
    lines: dict[str, int] = {}
    for n, entry in read_validated(path, "places.schema.json"):
        where = f"{path}:{n}"
        if entry["id"] != "place:" + entry["name_ar"]:
            raise GazetteerError(f"{where}: place id must be 'place:' + name_ar, got {entry['id']!r}")
        if entry["id"] in places:
            raise GazetteerError(f"{where}: duplicate place id {entry['id']!r}")
        places[entry["id"]] = Place(
            id=entry["id"], name_ar=entry["name_ar"], kind=entry["kind"],
            name_en=entry.get("name_en"), aliases_ar=tuple(entry.get("aliases_ar", ())),
            parent=entry.get("parent"),
        )
        lines[entry["id"]] = n
    for place in places.values():
        if place.parent and place.parent not in places:
            raise GazetteerError(f"{path}:{lines[place.id]}: parent {place.parent!r} is not a place of the file")
    return list(places.values())


def actor_record(actor: Actor) -> dict:
    """The gazetteer line of ``actor``: the inverse of loading it (empty fields left out)."""
    record = {
        "id": actor.id,
        "type": actor.type,
        "name_ar": actor.name_ar,
        "name_en": actor.name_en,
        "aliases_ar": list(actor.aliases_ar),
        "aliases_en": list(actor.aliases_en),
        "nisba_ar": list(actor.nisba_ar),
        "metonyms_ar": list(actor.metonyms_ar),
        "acronyms_ar": list(actor.acronyms_ar),
        "requires_context_ar": list(actor.requires_context_ar),
        "territory": actor.territory or None,
        "parent": actor.parent,
        "parent_rel": actor.parent_rel,
        "wikidata": actor.wikidata,
        "roles": [
            {k: v for k, v in vars(r).items() if v is not None} for r in actor.roles
        ],
    }
    return {k: v for k, v in record.items() if v not in (None, [])}


def write_gazetteer(actors: Iterable[Actor] | Mapping[str, Actor], path: str | Path, meta: dict) -> int:
    """Write actors as a gazetteer file (``_meta`` line first); returns the actor count."""
    if isinstance(actors, Mapping):
        actors = actors.values()
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"_meta": meta}, ensure_ascii=False) + "\n")
        for actor in actors:
            f.write(json.dumps(actor_record(actor), ensure_ascii=False) + "\n")
            n += 1
    return n
