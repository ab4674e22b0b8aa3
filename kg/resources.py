"""Where the data files that ship with kg live, and how they are read.

Every file of ``schema/`` is JSON Lines whose first line is a ``{"_meta": ...}`` header
(source, licence, dated change notes); :func:`read_data_file` is the one reader of them.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

__all__ = ["schema_file", "queries_dir", "read_data_file", "data_file_meta", "DataFileError"]


class DataFileError(ValueError):
    """A data file that is not JSON Lines with its ``_meta`` header; says ``file:line``."""


def schema_file(name: str) -> Path:
    """Path of a file of ``schema/`` (installed as the ``kg.schema`` package data)."""
    return Path(str(files("kg.schema").joinpath(name)))


def queries_dir() -> Path:
    """Folder of the canned ``.cypher`` queries (``queries/``)."""
    return Path(str(files("kg.queries")))


def read_data_file(path: str | Path) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` of every entry of a data file, the ``_meta`` header skipped.

    Raises
    ------
    DataFileError
        for a line that is not a JSON object, or a first line that is not the header.
    """
    with open(path, encoding="utf-8") as f:
        first = True
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataFileError(f"{path}:{n}: not JSON: {e.msg}") from e
            if not isinstance(entry, dict):
                raise DataFileError(f"{path}:{n}: expected a JSON object")
            if first and "_meta" not in entry:
                raise DataFileError(f"{path}:{n}: the first line must be the {{\"_meta\": ...}} header")
            first = False
            if "_meta" not in entry:
                yield n, entry


def data_file_meta(path: str | Path) -> dict:
    """The ``_meta`` header of a data file."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    return json.loads(line)["_meta"]
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise DataFileError(f"{path}:{n}: the first line must be the {{\"_meta\": ...}} header") from e
    raise DataFileError(f"{path}: empty data file")
