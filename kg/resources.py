"""Where the data files that ship with kg live, installed or in a source checkout."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["schema_file", "queries_dir"]


def schema_file(name: str) -> Path:
    """Path of a file of ``schema/`` (installed as the ``kg.schema`` package data)."""
    return Path(str(files("kg.schema").joinpath(name)))


def queries_dir() -> Path:
    """Folder of the canned ``.cypher`` queries (``queries/``)."""
    return Path(str(files("kg.queries")))
