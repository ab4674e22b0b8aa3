"""The relation types of the graph (schema/predicates.jsonl): direction, sign, weight, labels."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from kg.resources import DataFileError, read_data_file, schema_file

__all__ = ["Predicate", "load_predicates"]


@dataclass(frozen=True)
class Predicate:
    """One relation type of ``schema/predicates.jsonl``."""

    id: str
    symmetric: bool
    sign: int
    weight: float
    label_en: str
    label_ar: str
    comment_en: str = ""
    quad: str = ""


# Stages may read more of an entry (argument kinds ...); these are what every stage uses.
_PREDICATE_FIELDS = tuple(f.name for f in fields(Predicate))


def load_predicates(path: str | Path | None = None) -> dict[str, Predicate]:
    """Relation types by id, from ``path`` or the table that ships with kg.

    Keys of an entry that :class:`Predicate` does not have are ignored.

    Examples
    --------
    >>> preds = load_predicates()
    >>> preds["ATTACKS"].sign, preds["ATTACKS"].weight
    (-1, -1.0)
    """
    path = Path(path) if path else schema_file("predicates.jsonl")
    table: dict[str, Predicate] = {}
    for n, entry in read_data_file(path):
        try:
            table[entry["id"]] = Predicate(**{k: entry[k] for k in _PREDICATE_FIELDS if k in entry})
        except (KeyError, TypeError) as e:
            raise DataFileError(f"{path}:{n}: not a predicate entry: {e}") from e
    return table
