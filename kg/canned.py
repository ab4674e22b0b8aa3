"""Canned Cypher queries (``queries/*.cypher``; the module is not ``kg.queries``, which is that
folder installed as package data): list them, type their parameters, run them on a store or Neo4j.

Each ``queries/NAME.cypher`` opens with a header of ``//`` lines that this module reads::

    // name: allies_of
    // description: An actor's cooperative partners ...
    // param: actor STRING  the actor: an id, or an Arabic or English name
    // param: from DATE?  first day included; null for no lower bound
    // :params {actor: 'russia', from: null, to: null}

A ``?`` after the type marks an optional parameter (sent as null when not given). Types:
STRING, DATE (an ISO ``YYYY-MM-DD`` string, which the query turns into a Cypher date),
INTEGER, FLOAT, BOOLEAN. The ``:params`` line pastes into Neo4j Browser as it is.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kg.resources import queries_dir

__all__ = ["Param", "CannedQuery", "QueryError", "parse_query", "list_queries", "get_query",
           "coerce_params", "run_query"]

_PARAM = re.compile(r"^(\w+)\s+(STRING|DATE|INTEGER|FLOAT|BOOLEAN)(\?)?\s*(.*)$")


class QueryError(ValueError):
    """An unknown query, a malformed header or a parameter value of the wrong type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    description: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    example: str  # the ``:params {...}`` line
    cypher: str  # the whole file, header included (comments run on both engines)


def parse_query(text: str, where: str = "<query>") -> CannedQuery:
    """Read the header of a canned query file.

    Raises
    ------
    QueryError
        When the name or description is missing or a ``param:`` line is malformed.

    Examples
    --------
    >>> q = parse_query("// name: n\\n// description: d\\n// param: x INTEGER?  a number\\nRETURN $x AS x")
    >>> q.name, q.params[0].type, q.params[0].optional
    ('n', 'INTEGER', True)
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    example = ""
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith(":param"):
            example = body
            continue
        key, _, value = body.partition(":")
        if key == "param":
            m = _PARAM.match(value.strip())
            if not m:
                raise QueryError(f"{where}: malformed parameter line: {body}")
            params.append(Param(m[1], m[2], bool(m[3]), m[4].strip()))
        elif key in ("name", "description"):
            fields[key] = value.strip()
    for key in ("name", "description"):
        if key not in fields:
            raise QueryError(f"{where}: the header has no '// {key}:' line")
    return CannedQuery(fields["name"], fields["description"], tuple(params), example, text)


def list_queries(folder: str | Path | None = None) -> list[CannedQuery]:
    """Every canned query of ``folder`` (default: the ``queries/`` that ships with kg), by name."""
    folder = Path(folder) if folder else queries_dir()
    return [parse_query(p.read_text(encoding="utf-8"), str(p))
            for p in sorted(folder.glob("*.cypher"))]


def get_query(name: str, folder: str | Path | None = None) -> CannedQuery:
    """The canned query called ``name``; :class:`QueryError` names the known ones if absent."""
    queries = {q.name: q for q in list_queries(folder)}
    if name not in queries:
        raise QueryError(f"no canned query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]


def _coerce(param: Param, value: str):
    try:
        if param.type == "INTEGER":
            return int(value)
        if param.type == "FLOAT":
            return float(value)
        if param.type == "BOOLEAN":
            if value.lower() not in ("true", "false"):
                raise ValueError
            return value.lower() == "true"
        if param.type == "DATE":
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"parameter {param.name} must be {param.type}"
                         f"{' (YYYY-MM-DD)' if param.type == 'DATE' else ''}, got {value!r}") from None
    return value


def coerce_params(query: CannedQuery, given: dict[str, str]) -> dict:
    """Typed parameters of ``query`` from text values (``--param k=v``).

    Every declared parameter is present in the result: optional ones not given are None.

    Raises
    ------
    QueryError
        For an unknown parameter, a missing required one, or a value of the wrong type.

    Examples
    --------
    >>> q = parse_query("// name: n\\n// description: d\\n// param: day DATE?  a day\\nRETURN 1")
    >>> coerce_params(q, {"day": "2020-07-01"}), coerce_params(q, {})
    ({'day': '2020-07-01'}, {'day': None})
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise QueryError(f"{query.name} has no parameter {', '.join(unknown)}; "
                         f"it takes: {', '.join(declared) or 'none'}")
    missing = [p.name for p in query.params if not p.optional and p.name not in given]
    if missing:
        raise QueryError(f"{query.name} needs --param {missing[0]}=... ({declared[missing[0]].description})")
    return {name: (_coerce(p, given[name]) if name in given and given[name] != "" else None)
            for name, p in declared.items()}


def run_query(query: CannedQuery, params: dict, *, store=None, driver=None,
              database: str | None = None) -> list[dict]:
    """Run ``query`` on an :class:`~kg.loaders.falkordb.EmbeddedStore` or a Neo4j driver.

    Parameters
    ----------
    query : CannedQuery
    params : dict
        Typed parameters, as :func:`coerce_params` returns them.
    store : EmbeddedStore, optional
    driver : neo4j.Driver, optional
        Exactly one of ``store`` and ``driver``.
    database : str, optional
        Neo4j database name (default: the server's default database).

    Returns
    -------
    list[dict]
        One dict per row, columns in the query's RETURN order, plain Python values
        (dates as ISO text).
    """
    if (store is None) == (driver is None):
        raise ValueError("run_query needs exactly one of store and driver")
    if store is not None:
        return store.query(query.cypher, params)
    from kg.loaders.neo4j import run_read

    return run_read(driver, query.cypher, params, database)
