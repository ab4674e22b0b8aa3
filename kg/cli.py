"""The ``kg`` command line: a thin shell that parses options and calls the library."""
from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

DEFAULT_STORE = Path("kg-store")

store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    help="Directory of the embedded graph store.",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output.")


@contextmanager
def _progress(length: int, label: str, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, or nothing when quiet: yields its update function."""
    if quiet:
        yield None
        return
    with click.progressbar(length=length, label=label, show_pos=True, file=sys.stderr) as bar:
        yield bar.update


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main():
    """Turn Arabic news into a temporal knowledge graph of political and military actors."""
    # the library warns (no Stanza model, no official models in a folder); on the command
    # line a warning is one line for the user, not a source location
    warnings.formatwarning = lambda message, *_args, **_kwargs: f"kg: warning: {message}\n"


# --- extract / build (lead) -------------------------------------------------

inputs_argument = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
stanza_option = click.option(
    "--stanza-models",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of official Stanza Arabic models (default: the project-trained model).",
)
no_stanza_option = click.option("--no-stanza", is_flag=True, help="Gazetteer and patterns only.")


def _run_extraction(inputs, stanza_models, no_stanza, quiet):
    """Extract from the inputs with a progress bar; report skipped inputs on stderr."""
    from kg.corpus import read_corpus
    from kg.pipeline import PipelineConfig, build_pipeline

    finders = ("gazetteer", "role") if no_stanza else ("gazetteer", "role", "stanza")
    pipeline = build_pipeline(PipelineConfig(finders=finders, stanza_models=stanza_models))
    items = list(read_corpus(inputs))
    n_docs = sum(1 for i in items if not hasattr(i, "reason"))
    with _progress(n_docs, "extracting", quiet) as progress:
        extraction = pipeline.process(items, progress=progress)
    for origin, reason in extraction.skipped:
        click.echo(f"kg: skipped {origin}: {reason}", err=True)
    return extraction


def _finish(extraction, what: str, quiet: bool) -> None:
    n_skipped = len(extraction.skipped)
    if not quiet or n_skipped:
        click.echo(
            f"{what}: {len(extraction.documents)} documents, {len(extraction.statements)} "
            f"statements, {len(extraction.mentions)} mentions, {len(extraction.actors)} actors; "
            f"{n_skipped} skipped",
            err=True,
        )
    if n_skipped:
        raise SystemExit(1)


@main.command()
@inputs_argument
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Statements file to write (JSON Lines).")
@stanza_option
@no_stanza_option
@quiet_option
def extract(inputs, out, stanza_models, no_stanza, quiet):
    """Extract statement records from INPUTS (folders of .txt, .jsonl or .csv files).

    Writes one JSON object per line: documents, actor mentions and dated relations.
    Exits with status 1 when any input was skipped (each is named on stderr).
    """
    from kg.records import write_records

    extraction = _run_extraction(inputs, stanza_models, no_stanza, quiet)
    write_records(extraction, out)
    _finish(extraction, f"wrote {out}", quiet)


@main.command()
@inputs_argument
@store_option
@stanza_option
@no_stanza_option
@quiet_option
def build(inputs, store_path, stanza_models, no_stanza, quiet):
    """Extract from INPUTS and load the graph into the embedded store.

    Re-building with the same documents changes nothing; a document read again replaces
    its statements. A failed build leaves the previous store as it was.
    """
    from kg.loaders.falkordb import EmbeddedStore

    extraction = _run_extraction(inputs, stanza_models, no_stanza, quiet)
    with EmbeddedStore.open(store_path) as store, \
            _progress(len(extraction.statements), "loading", quiet) as progress:
        store.load(extraction, progress=progress)
    _finish(extraction, f"loaded into {store_path}", quiet)

# --- query / queries / load / export neo4j-import (stores) ------------------

neo4j_uri_option = click.option(
    "--neo4j", "neo4j_uri", metavar="URI",
    help="Neo4j 5 server (bolt://host:7687 or neo4j://...). Credentials come from "
         "NEO4J_USER / NEO4J_PASSWORD, else a prompt; never from the command line.",
)
database_option = click.option("--database", help="Neo4j database name (default: the server's).")


def _neo4j_driver(uri: str):
    """A verified driver; the password is read from the environment or a hidden prompt."""
    import os

    from kg.loaders.neo4j import Neo4jLoadError, connect

    user = os.environ.get("NEO4J_USER") or click.prompt("Neo4j user", default="neo4j", err=True)
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        password = click.prompt(f"Neo4j password for {user}", hide_input=True, err=True)
    try:
        return connect(uri, user, password)
    except Neo4jLoadError as e:
        raise click.ClickException(str(e)) from e


def _is_statements_file(path: Path) -> bool:
    """True for a JSON Lines file of statement records (what `kg extract` writes)."""
    import json

    if not path.is_file() or path.suffix != ".jsonl":
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        first = next((line for line in f if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and record.get("type") in ("document", "mention", "relation")


def _extraction_from_inputs(inputs, stanza_models, no_stanza, quiet):
    """Statements files are read as they are; other inputs go through the pipeline."""
    from kg.gazetteer import load_gazetteer
    from kg.loaders.rows import complete_actors
    from kg.model import Extraction
    from kg.records import read_records

    statement_files = [p for p in inputs if _is_statements_file(p)]
    raw = [p for p in inputs if p not in statement_files]
    parts = [_run_extraction(raw, stanza_models, no_stanza, quiet)] if raw else []
    for path in statement_files:
        try:
            parts.append(read_records(path))
        except (OSError, ValueError, KeyError) as e:
            raise click.ClickException(f"cannot read {path}: {e}") from e
    merged = Extraction()
    for part in parts:
        merged.documents += part.documents
        merged.actors += [a for a in part.actors if a.id not in {b.id for b in merged.actors}]
        merged.mentions += part.mentions
        merged.statements += part.statements
        merged.skipped += part.skipped
    return complete_actors(merged, load_gazetteer())


def _open_store(store_path: Path):
    from kg.loaders.falkordb import EmbeddedStore, StoreError

    if not store_path.is_dir():
        raise click.ClickException(f"no store at {store_path}: run `kg build INPUT --store {store_path}` first")
    try:
        return EmbeddedStore.open(store_path)
    except StoreError as e:
        raise click.ClickException(str(e)) from e


def _cell(value, width: int = 60) -> str:
    import json

    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        text = ", ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_rows(rows: list[dict], fmt: str) -> None:
    import csv
    import json
    import sys

    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        if rows:
            writer = csv.writer(sys.stdout)
            writer.writerow(rows[0])
            writer.writerows([[_cell(v, 10**9) for v in r.values()] for r in rows])
    elif not rows:
        click.echo("(no rows)", err=True)
    else:
        cols = list(rows[0])
        cells = [[_cell(r[c]) for c in cols] for r in rows]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
        click.echo("  ".join("-" * w for w in widths))
        for row in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


@main.command("queries")
def list_canned_queries():
    """List the canned queries with their descriptions and parameters."""
    from kg.canned import list_queries

    for q in list_queries():
        click.echo(f"{q.name}\n  {q.description}")
        for p in q.params:
            click.echo(f"  --param {p.name}=<{p.type}{'' if not p.optional else ', optional'}>  {p.description}")
        click.echo()


@main.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V",
              help="A query parameter (repeatable); `kg queries` lists them.")
@store_option
@neo4j_uri_option
@database_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def query_command(name, params, store_path, neo4j_uri, database, fmt):
    """Run the canned query NAME on the embedded store (default) or on Neo4j."""
    from kg.canned import QueryError, coerce_params, get_query, run_query

    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param takes K=V, got {item!r}")
        given[key.strip()] = value
    try:
        canned = get_query(name)
        typed = coerce_params(canned, given)
    except QueryError as e:
        raise click.ClickException(str(e)) from e
    if neo4j_uri:
        import neo4j

        with _neo4j_driver(neo4j_uri) as driver:
            try:
                rows = run_query(canned, typed, driver=driver, database=database)
            except neo4j.exceptions.Neo4jError as e:
                raise click.ClickException(f"Neo4j rejected {name}: {e.message}") from e
    else:
        from kg.loaders.falkordb import StoreError

        with _open_store(store_path) as store:
            try:
                rows = run_query(canned, typed, store=store)
            except StoreError as e:
                raise click.ClickException(str(e)) from e
    _print_rows(rows, fmt)


@main.command("load")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--neo4j", "neo4j_uri", required=True, metavar="URI",
              help="Neo4j 5 server (bolt://host:7687). Credentials come from NEO4J_USER / "
                   "NEO4J_PASSWORD, else a prompt; never from the command line.")
@database_option
@click.option("--batch-size", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows per write transaction.")
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Copy this embedded store instead of reading INPUTS.")
@stanza_option
@no_stanza_option
@quiet_option
def load_command(inputs, neo4j_uri, database, batch_size, store_path, stanza_models, no_stanza, quiet):
    """Load INPUTS into Neo4j: statements files from `kg extract`, or document folders.

    Schema first (constraints and indexes, IF NOT EXISTS), then batched MERGE on stable
    ids: loading twice changes nothing, a document loaded again replaces its statements,
    and re-running after a failure completes the load.
    """
    from kg.loaders.neo4j import load as load_neo4j

    if bool(inputs) == bool(store_path):
        raise click.UsageError("give INPUTS or --store PATH (one of them)")
    import neo4j

    # connect first: an unreachable server or a wrong password is known before a long
    # extraction, not after it
    with _neo4j_driver(neo4j_uri) as driver:
        if store_path:
            with _open_store(store_path) as store:
                extraction = store.read_extraction()
        else:
            extraction = _extraction_from_inputs(inputs, stanza_models, no_stanza, quiet)
        try:
            with _progress(len(extraction.statements), "loading", quiet) as progress:
                report = load_neo4j(driver, extraction, database=database,
                                    batch_size=batch_size, progress=progress)
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as e:
            # what was committed stays consistent; running the same load again completes it
            raise click.ClickException(
                f"the Neo4j load stopped: {getattr(e, 'message', None) or e}; "
                "batches already written are kept, run the same command again to complete it"
            ) from e
    if not quiet:
        click.echo(f"loaded into {neo4j_uri}: {report.documents} documents, {report.actors} actors, "
                   f"{report.statements} statements ({report.statements_per_second:,.0f}/s), "
                   f"{len(report.skipped)} with an unknown predicate skipped", err=True)
    if extraction.skipped:
        raise SystemExit(1)


@main.group("export")
def export():
    """Write the graph in other formats."""


@export.command("neo4j-import")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--database", default="neo4j", show_default=True,
              help="Database the import command creates.")
@stanza_option
@no_stanza_option
@quiet_option
def export_neo4j_import(directory, inputs, store_path, database, stanza_models, no_stanza, quiet):
    """Write CSV files for Neo4j's offline importer into DIRECTORY, and print its command.

    Reads INPUTS (statements files or document folders) or, when none are given, the store.
    """
    from kg.loaders.neo4j import write_neo4j_import

    if inputs:
        extraction = _extraction_from_inputs(inputs, stanza_models, no_stanza, quiet)
    else:
        with _open_store(store_path) as store:
            extraction = store.read_extraction()
    try:
        command = write_neo4j_import(extraction, directory, database)
    except (OSError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        click.echo(f"wrote {directory}: {len(extraction.statements)} statements; "
                   f"run {directory / 'import.sh'} or:", err=True)
    click.echo(command)


# --- summary / timeline / graph-image / export rdf (rdf+summaries) ----------

statements_option = click.option(
    "--statements",
    "statements_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read this statements file (JSON Lines, from `kg extract`) instead of the store.",
)


def _check_period(ctx, param, value):
    from kg.graph import check_period

    try:
        check_period(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e
    return value


period_option = click.option(
    "--period", callback=_check_period,
    help="Only statements dated within it: YYYY, YYYY-MM or YYYY-MM-DD.",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
)


def _read_extraction(store_path: Path, statements_path: Path | None):
    """The extraction to summarize or export: a statements file, else the store."""
    if statements_path is not None:
        from kg.records import read_records

        try:
            return read_records(statements_path)
        except (OSError, ValueError, KeyError) as e:
            raise click.ClickException(f"cannot read {statements_path}: {e}") from e
    with _open_store(store_path) as store:
        return store.read_extraction()


def _graph(extraction):
    from kg.graph import build_graph

    try:
        return build_graph(extraction)
    except ValueError as e:
        raise click.ClickException(str(e)) from e


@main.command()
@store_option
@statements_option
@period_option
@format_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Actors and pairs to list.")
def summary(store_path, statements_path, period, fmt, top):
    """Documents, dates, actors, statements, central actors, strongest pairs and blocs."""
    import json

    from rich.console import Console

    from kg.graph import summarize
    from kg.summary import render_summary, summary_to_dict

    result = summarize(_graph(_read_extraction(store_path, statements_path)), period=period, top=top)
    if fmt == "json":
        click.echo(json.dumps(summary_to_dict(result), ensure_ascii=False, indent=2))
    else:
        render_summary(result, Console())


@main.command()
@click.argument("actor_a")
@click.argument("actor_b")
@store_option
@statements_option
@click.option("--granularity", type=click.Choice(["month", "year"]), default="month", show_default=True)
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the timeline to this PNG file.")
@format_option
def timeline(actor_a, actor_b, store_path, statements_path, granularity, plot_path, fmt):
    """Signed score, counts and predicates of the pair ACTOR_A–ACTOR_B, period by period.

    ACTOR_A and ACTOR_B are actor ids or Arabic or English names (روسيا, Russia, russia).
    """
    import json

    from rich.console import Console

    from kg.gazetteer import load_gazetteer
    from kg.graph import UnknownActorError, resolve_actor, short_english, timeline as pair_timeline
    from kg.summary import render_timeline, timeline_to_dicts

    extraction = _read_extraction(store_path, statements_path)
    actors = load_gazetteer() | {a.id: a for a in extraction.actors}
    try:
        a, b = (resolve_actor(name, actors) for name in (actor_a, actor_b))
    except UnknownActorError as e:
        raise click.UsageError(str(e)) from e
    G = _graph(extraction)
    rows = pair_timeline(G, a, b, granularity) if a in G and b in G else []
    names = [short_english(actors[x].name_en) or actors[x].name_ar if x in actors else x for x in (a, b)]
    if fmt == "json":
        click.echo(json.dumps(timeline_to_dicts(rows), ensure_ascii=False, indent=2))
    elif rows:
        render_timeline(rows, *names, Console())
    if not rows:
        click.echo(f"kg: no dated statements between {a} and {b}", err=True)
    elif plot_path is not None:
        from kg.plots import plot_timeline

        titles = [f"{n} / {actors[x].name_ar}" if x in actors else n for x, n in zip((a, b), names)]
        plot_timeline(rows, plot_path, title=" – ".join(titles))
        click.echo(f"wrote {plot_path}", err=True)


@main.command("graph-image")
@period_option
@click.option("--out", "-o", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="PNG file to write.")
@store_option
@statements_option
def graph_image(period, out, store_path, statements_path):
    """Draw the actor network of a period: green cooperation, red conflict, width by score."""
    from kg.plots import plot_graph

    G = _graph(_read_extraction(store_path, statements_path))
    try:
        plot_graph(G, period, out)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"wrote {out}", err=True)


@export.command("rdf")  # the ``export`` group is made in the stores' section above
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "json-ld", "nt"]),
              default="turtle", show_default=True,
              help="TriG and JSON-LD keep one named graph per document.")
@store_option
@statements_option
@click.option("--base-iri", default="https://example.org/kg/", show_default=True,
              help="Prefix of the IRIs minted for actors, places, documents and statements.")
@quiet_option
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def export_rdf(fmt, store_path, statements_path, base_iri, quiet, out):
    """Write the graph as RDF to OUT: direct triples plus a node per statement."""
    from kg.loaders.rdf import extraction_to_dataset, write_rdf

    extraction = _read_extraction(store_path, statements_path)
    try:
        with _progress(len(extraction.statements), "exporting RDF", quiet) as progress:
            ds = extraction_to_dataset(extraction, base_iri, progress=progress)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    n = write_rdf(ds, out, fmt)
    if not quiet:
        click.echo(f"wrote {out}: {n} triples", err=True)


# --- models (stanza ner) ----------------------------------------------------

DEFAULT_STANZA_DIR = Path("stanza-models")


@main.group()
def models():
    """Stanza Arabic NER models: fetch the official ones, see which one is used."""


@models.command("download")
@click.option("--dir", "model_dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_STANZA_DIR, show_default=True,
              help="Folder to write the official Stanza Arabic models into.")
def models_download(model_dir):
    """Fetch the official Stanza Arabic models (needs the internet).

    Use them with `kg extract --stanza-models DIR`.
    """
    from kg.ner.stanza_finder import ModelsUnavailable, download_official_models

    try:
        download_official_models(model_dir)
    except ModelsUnavailable as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"downloaded the Stanza Arabic models into {model_dir}")


@models.command("info")
@click.option("--dir", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of official Stanza Arabic models, as given to --stanza-models.")
def models_info(model_dir):
    """Say which NER model `kg extract` would use."""
    from kg.ner.stanza_finder import find_models

    found = find_models(model_dir)
    if found is None:
        click.echo("no Stanza NER model: names come from the gazetteer and role patterns only")
        return
    kind = {"official": "official Stanza Arabic models", "trained": "project-trained model (ANERcorp)"}
    click.echo(f"{kind[found.kind]}\n  ner model: {found.ner_model}\n  pretrain:  {found.pretrain}")
