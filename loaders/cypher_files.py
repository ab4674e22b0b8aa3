"""Read the Cypher that the loaders run: write statements and engine-specific schema DDL.

Cypher lives in ``.cypher`` files, never in Python strings: ``loaders/cypher/NAME.cypher``
holds one parameterized write or read statement each (shared by Neo4j and the embedded
FalkorDB store), ``schema/neo4j/*.cypher`` and ``schema/falkordb/*.cypher`` hold the DDL
of each engine, several statements per file, each ending with ``;``.
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["load_cypher", "schema_statements", "split_statements"]


@cache
def load_cypher(name: str) -> str:
    """Text of ``loaders/cypher/<name>.cypher``.

    Parameters
    ----------
    name : str
        File name without the ``.cypher`` suffix, e.g. ``"merge_statements"``.

    Returns
    -------
    str
        The statement, comments included (both engines accept ``//`` comments).
    """
    return files("kg.loaders").joinpath("cypher", f"{name}.cypher").read_text(encoding="utf-8")


def split_statements(text: str) -> list[str]:
    """Statements of a multi-statement file: ``//`` comment lines dropped, split on ``;``.

    >>> split_statements("// two\\nRETURN 1;\\nRETURN 2;\\n")
    ['RETURN 1', 'RETURN 2']
    """
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def schema_statements(engine: str) -> list[str]:
    """DDL statements of ``schema/<engine>/*.cypher``, files in name order.

    Parameters
    ----------
    engine : str
        ``"neo4j"`` or ``"falkordb"``.
    """
    folder = files("kg.schema").joinpath(engine)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".cypher"))
    out: list[str] = []
    for n in names:
        out.extend(split_statements(folder.joinpath(n).read_text(encoding="utf-8")))
    return out
