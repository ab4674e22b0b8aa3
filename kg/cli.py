"""The ``kg`` command line: a thin shell that parses options and calls the library."""
from __future__ import annotations

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main():
    """Turn Arabic news into a temporal knowledge graph of political and military actors."""


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
    if quiet:
        extraction = pipeline.process(items)
    else:
        with click.progressbar(length=n_docs, label="extracting", show_pos=True,
                               file=click.get_text_stream("stderr")) as bar:
            extraction = pipeline.process(items, progress=bar.update)
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
    with EmbeddedStore.open(store_path) as store:
        store.load(extraction)
    _finish(extraction, f"loaded into {store_path}", quiet)

# --- query / queries / load / export neo4j-import (stores) ------------------

# --- summary / timeline / graph-image / export rdf (rdf+summaries) ----------

# --- models (stanza ner) ----------------------------------------------------
