"""Load the graph into a Neo4j 5 server, or write the files of its offline bulk importer.

One driver per process, made by :func:`connect` and passed around. :func:`load` applies
the schema of ``schema/neo4j/*.cypher`` first (constraints, relationship property
indexes, the full-text index over actor names; all ``IF NOT EXISTS``), then sends the rows
of :func:`kg.loaders.rows.extraction_rows` in batches (``UNWIND $rows AS row MERGE ...``,
the same ``loaders/cypher/*.cypher`` statements the embedded store runs), each batch in a
managed write transaction (``session.execute_write``), which the driver retries on
transient errors. The transaction function only MERGEs on stable ids and deletes stale
edges, so a retry, a second load of the same input, or a re-run after a failure half-way
leaves the same graph; committed batches are consistent on their own (nodes are written
before the relationships that need them).

:func:`write_neo4j_import` writes CSV files and the ``neo4j-admin database import full``
command line for a large first load into an empty database.
"""
from __future__ import annotations

import csv
import shlex
import time
from pathlib import Path
from urllib.parse import urlsplit

from kg.loaders.cypher_files import load_cypher, schema_statements
from kg.loaders.rows import (
    PLACE_PREFIX,
    LoadReport,
    extraction_rows,
    load_report,
    write_plan,
)
from kg.model import ACTOR_TYPES, Extraction

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Neo4jLoadError",
    "connect",
    "apply_schema",
    "load",
    "run_read",
    "neo4j_import_tables",
    "write_neo4j_import",
]

DEFAULT_BATCH_SIZE = 10_000
_ARRAY_DELIMITER = ";"


class Neo4jLoadError(RuntimeError):
    """Not a Bolt URI, Neo4j cannot be reached, or it refused the credentials (one line,
    for the CLI)."""


_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _check_uri(uri: str) -> None:
    """Refuse what is not a Bolt URI, and credentials inside the URI (they belong in
    NEO4J_USER / NEO4J_PASSWORD, never on a command line)."""
    parts = urlsplit(uri)
    if parts.username is not None or parts.password is not None:
        raise Neo4jLoadError("the Neo4j URI must not hold credentials: set NEO4J_USER and "
                             "NEO4J_PASSWORD (or answer the prompt) instead")
    if parts.scheme not in _SCHEMES or not parts.hostname:
        raise Neo4jLoadError(f"not a Neo4j Bolt URI: {uri} (expected bolt://host:7687 or "
                             f"neo4j://host:7687; schemes: {', '.join(_SCHEMES)})")


def connect(uri: str, user: str, password: str):
    """A verified driver for ``uri``; close it when done (``with connect(...) as driver``).

    Raises
    ------
    Neo4jLoadError
        When ``uri`` is not a Bolt URI or holds credentials, or when the server is
        unreachable or refuses the credentials.
    """
    import neo4j

    _check_uri(uri)
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
    except (ValueError, neo4j.exceptions.ConfigurationError) as e:
        raise Neo4jLoadError(f"not a Neo4j URI: {uri} ({e})") from e
    try:
        driver.verify_connectivity()
    except neo4j.exceptions.AuthError as e:
        driver.close()
        raise Neo4jLoadError(f"Neo4j at {uri} refused the credentials of user {user!r}") from e
    except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError) as e:
        driver.close()
        reason = " ".join(str(e).split())  # the driver's messages span lines
        raise Neo4jLoadError(f"cannot reach Neo4j at {uri}: {reason}") from e
    return driver


def apply_schema(driver, database: str | None = None) -> int:
    """Run the constraint and index statements of ``schema/neo4j/``; returns how many.

    Every statement is ``IF NOT EXISTS``, so applying the schema again changes nothing.
    """
    statements = schema_statements("neo4j")
    for ddl in statements:
        driver.execute_query(ddl, database_=database)
    return len(statements)


def _write_batch(tx, cypher: str, rows: list[dict]) -> dict:
    """Transaction function: may run more than once, so it only MERGEs and deletes by id,
    and returns plain counts (never a Result)."""
    counters = tx.run(cypher, rows=rows).consume().counters
    return {"nodes": counters.nodes_created, "relationships": counters.relationships_created,
            "deleted": counters.relationships_deleted}


def load(driver, extraction: Extraction, *, database: str | None = None,
         batch_size: int = DEFAULT_BATCH_SIZE, progress=None) -> LoadReport:
    """Load ``extraction`` into Neo4j: schema first, then batched idempotent writes.

    Parameters
    ----------
    driver : neo4j.Driver
        From :func:`connect`.
    extraction : Extraction
        Documents already in the database have their statements and mentions replaced.
    database : str, optional
        Database name (default: the server's default database).
    batch_size : int
        Rows per transaction.
    progress : callable, optional
        Called with the number of statements written after each statement batch.

    Returns
    -------
    LoadReport
        Rows sent per kind, batches, seconds.
    """
    started = time.perf_counter()
    rows = extraction_rows(extraction)
    report = load_report(rows)
    apply_schema(driver, database)
    # The bookmarks execute_query keeps: the writes see the schema, and a query run
    # after the load (run_read) sees the writes, also on a cluster.
    with driver.session(database=database,
                        bookmark_manager=driver.execute_query_bookmark_manager) as session:
        for kind, name, batch in write_plan(rows, batch_size):
            session.execute_write(_write_batch, load_cypher(name), batch)
            report.batches += 1
            if progress is not None and kind == "statements":
                progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def _plain(value):
    """Driver values as plain Python: temporal values as ISO text, nodes as properties."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "element_id"):  # Node or Relationship
        return {k: _plain(v) for k, v in value.items()}
    return value


def run_read(driver, cypher: str, params: dict, database: str | None = None) -> list[dict]:
    """Run a read query (routed to a reader); rows as dicts of plain Python values."""
    import neo4j

    records, _, keys = driver.execute_query(cypher, params, database_=database,
                                            routing_=neo4j.RoutingControl.READ)
    return [{k: _plain(rec[k]) for k in keys} for rec in records]


# -- offline bulk import -------------------------------------------------------------------

# Column types: `long` and `double` (64-bit, as the online load stores Python ints and
# floats; `int` and `float` would be 32-bit, and arrays are never widened by the importer).
# Every property of the rows of kg.loaders.rows has its column (tests/test_rows.py).
_ACTOR_COLUMNS = [
    ("name_ar", ""), ("name_en", ""), ("aliases_ar", "string[]"), ("aliases_en", "string[]"),
    ("acronyms_ar", "string[]"), ("nisba_ar", "string[]"), ("metonyms_ar", "string[]"),
    ("keys", "string[]"), ("names_text", ""), ("type", ""), ("parent", ""), ("parent_rel", ""),
    ("wikidata", ""), ("discovered", "boolean"), ("roles_json", ""),
]
_DOCUMENT_COLUMNS = [
    ("date", ""), ("date_source", ""), ("source", ""), ("url", ""), ("title", ""), ("origin", ""),
    ("statement_ids", "string[]"), ("statement_subjects", "string[]"), ("actors", "string[]"),
]
_STATEMENT_COLUMNS = [
    ("doc", ""), ("sentence", "long"), ("start", "long"), ("end", "long"), ("s_name", ""),
    ("o_name", ""), ("evidence", ""), ("trigger", ""), ("date_iso", ""), ("date_precision", ""),
    ("date_source", ""), ("negated", "boolean"), ("hedged", "boolean"), ("asserted", "boolean"),
    ("reported_by", ""), ("confidence", "double"), ("extractor", ""), ("modality", ""),
    ("sign", "long"), ("weight", "double"), ("source", ""), ("title_en", ""), ("title_ar", ""),
    ("until", ""),
]
_MENTION_COLUMNS = [
    ("count", "long"), ("names", "string[]"), ("starts", "long[]"), ("ends", "long[]"),
    ("sentences", "long[]"), ("finders", "string[]"),
]


def _header(columns) -> list[str]:
    return [f"{name}:{kind}" if kind else name for name, kind in columns]


def _cell(value, where: str) -> str:
    if value is None:
        return ""  # an empty field: no property
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        for v in value:
            if _ARRAY_DELIMITER in str(v):
                raise ValueError(f"{where}: {v!r} contains the array delimiter {_ARRAY_DELIMITER!r}")
        return _ARRAY_DELIMITER.join(str(v) for v in value)
    return str(value)


def _cells(props: dict, columns, where: str) -> list[str]:
    return [_cell(props.get(name), where) for name, _ in columns]


def neo4j_import_tables(extraction: Extraction) -> dict[str, tuple[list[str], list[list[str]]]]:
    """CSV tables for ``neo4j-admin database import full``: ``{file name: (header, rows)}``.

    Pure: built from :func:`~kg.loaders.rows.extraction_rows`, the same rows the online
    loaders send. Id spaces Actor, Place and Document keep ids of different kinds apart;
    statements whose object is a place go to their own file (an ``:END_ID`` names one id
    space). Labels and relationship types come from the allow-lists, as online.
    """
    rows = extraction_rows(extraction)
    actor_header = ["id:ID(Actor)", ":LABEL", *_header(_ACTOR_COLUMNS)]
    actors = []
    for r in rows["actors"]:
        label = f"Actor;{r['type']}" if r["type"] in ACTOR_TYPES else "Actor"
        actors.append([r["id"], label, *_cells(r["props"], _ACTOR_COLUMNS, f"actor {r['id']}")])
    for r in rows["actor_stubs"]:
        props = {"name_ar": r["name_ar"], "names_text": r["name_ar"],
                 "keys": [r["id"].lower(), r["name_ar"].lower()]}
        actors.append([r["id"], "Actor", *_cells(props, _ACTOR_COLUMNS, f"actor {r['id']}")])
    places = [[r["id"], "Place", r["name_ar"]] for r in rows["places"]]
    documents = []
    for r in rows["documents"]:
        lists = {k: r[k] for k in ("statement_ids", "statement_subjects", "actors")}
        documents.append([r["id"], "Document",
                          *_cells(r["props"] | lists, _DOCUMENT_COLUMNS, f"document {r['id']}")])
    # A mention's document without a document record: a bare node, as merge_mentions makes
    # online (the importer aborts on a relationship whose end node is missing).
    described = {r["id"] for r in rows["documents"]}
    for doc in dict.fromkeys(r["doc"] for r in rows["mentions"] if r["doc"] not in described):
        documents.append([doc, "Document", *_cells({}, _DOCUMENT_COLUMNS, f"document {doc}")])
    to_actor, to_place = [], []
    for r in rows["statements"] + rows["hierarchy"]:
        line = [r["s"], r["o"], r["p"], r["id"], r["date_start"] or "",
                *_cells(r["props"], _STATEMENT_COLUMNS, f"statement {r['id']}")]
        (to_place if r["o"].startswith(PLACE_PREFIX) else to_actor).append(line)
    statement_header = [":TYPE", "id", "date:date", *_header(_STATEMENT_COLUMNS)]
    mentions = [[r["doc"], r["actor"], "MENTIONS",
                 *_cells(r["props"], _MENTION_COLUMNS, f"mention {r['doc']}/{r['actor']}")]
                for r in rows["mentions"]]
    return {
        "actors.csv": (actor_header, actors),
        "places.csv": (["id:ID(Place)", ":LABEL", "name_ar"], places),
        "documents.csv": (["id:ID(Document)", ":LABEL", *_header(_DOCUMENT_COLUMNS)], documents),
        "statements_actor.csv": ([":START_ID(Actor)", ":END_ID(Actor)", *statement_header], to_actor),
        "statements_place.csv": ([":START_ID(Actor)", ":END_ID(Place)", *statement_header], to_place),
        "mentions.csv": ([":START_ID(Document)", ":END_ID(Actor)", ":TYPE", *_header(_MENTION_COLUMNS)],
                         mentions),
    }


_IMPORT_SCRIPT = """#!/bin/sh
# Offline bulk import into a new or empty database, with the Neo4j server stopped; then
# start the server and create the constraints and indexes (cypher-shell reads
# NEO4J_USERNAME and NEO4J_PASSWORD).
# A database that already has store files (the default database `neo4j` once the server
# has run) needs --overwrite-destination=true, which deletes what it holds. Community
# Edition serves only its default database (initial.dbms.default_database); on Enterprise
# Edition a new database is then made with CREATE DATABASE.
set -e
"""


def write_neo4j_import(extraction: Extraction, directory: str | Path,
                       database: str = "neo4j") -> str:
    """Write the CSV files, ``schema.cypher`` and ``import.sh`` into ``directory``.

    Returns
    -------
    str
        The ``neo4j-admin database import full`` command line (also the first command of
        ``import.sh``; the second creates constraints and indexes with cypher-shell once
        the database is started).
    """
    directory = Path(directory).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    tables = neo4j_import_tables(extraction)
    for name, (header, rows) in tables.items():
        tmp = directory / (name + ".part")
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        tmp.replace(directory / name)
    (directory / "schema.cypher").write_text(
        "".join(s + ";\n" for s in schema_statements("neo4j")), encoding="utf-8")
    args = ["neo4j-admin", "database", "import", "full"]
    args += [f"--nodes={directory / n}" for n in ("actors.csv", "places.csv", "documents.csv")]
    args += [f"--relationships={directory / n}"
             for n in ("statements_actor.csv", "statements_place.csv", "mentions.csv")]
    args += [f"--array-delimiter={_ARRAY_DELIMITER}", "--multiline-fields=true", database]
    command = shlex.join(args)
    schema = shlex.join(["cypher-shell", "-d", database, "-f", str(directory / "schema.cypher")])
    (directory / "import.sh").write_text(_IMPORT_SCRIPT + command + "\n" + schema + "\n",
                                         encoding="utf-8")
    return command
