"""The extraction pipeline: documents → mentions → actors → statements.

Stages are registered by name here, in one module; a :class:`Pipeline` is built once
(models and data loaded once, every requirement checked together) and then fed batches.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.corpus import Skipped, read_corpus
from kg.gazetteer import load_gazetteer, load_places
from kg.link import link_mentions, merge_mentions, name_index
from kg.model import Actor, Document, Extraction, LinkedMention, Mention
from kg.ner.base import MentionFinder
from kg.ner.gazetteer import GazetteerMentionFinder
from kg.relations import extract_statements, load_relation_rules
from kg.syntax import StanzaParser
from kg.text import analyze, citation_form
from kg.time import document_date

__all__ = ["PipelineConfig", "Pipeline", "build_pipeline", "extract", "FINDERS"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineConfig:
    """What a pipeline is built from.

    ``finders`` names mention finders of :data:`FINDERS`; ``stanza_models`` is a folder of
    official Stanza Arabic models (else the project-trained model is used, else the
    gazetteer alone, with one warning); where it holds a dependency parser, the relation
    extractor reads its parses too.
    """

    finders: tuple[str, ...] = ("gazetteer", "role", "stanza")
    stanza_models: Path | None = None
    gazetteer: Path | None = None
    batch_size: int = 32


@dataclass
class _Resources:
    actors: dict[str, Actor]
    gazetteer: GazetteerMentionFinder
    config: PipelineConfig
    warnings: list[str] = field(default_factory=list)


def _gazetteer_finder(res: _Resources) -> MentionFinder:
    return res.gazetteer


def _role_finder(res: _Resources) -> MentionFinder:
    from kg.ner.roles import RoleMentionFinder

    return RoleMentionFinder(res.gazetteer, res.actors)


def _stanza_finder(res: _Resources) -> MentionFinder | None:
    from kg.ner.stanza_finder import load_stanza_finder

    return load_stanza_finder(res.config.stanza_models)


#: Mention finders by name: each factory takes the loaded resources and returns a finder
#: (or None when it cannot run here, having said why).
FINDERS: dict[str, Callable[[_Resources], MentionFinder | None]] = {
    "gazetteer": _gazetteer_finder,
    "role": _role_finder,
    "stanza": _stanza_finder,
}


class Pipeline:
    """A built pipeline; :meth:`process` turns documents into an :class:`Extraction`.

    ``parser`` (a :class:`kg.syntax.StanzaParser`, where official Stanza models are given)
    adds a dependency parse that the relation extractor reads before its surface patterns.
    """

    def __init__(self, finders: list[MentionFinder], actors: dict[str, Actor], rules,
                 batch_size: int = 32, parser: StanzaParser | None = None,
                 non_names: frozenset[str] = frozenset()):
        self.finders = finders
        self.actors = actors
        self.rules = rules
        self.batch_size = batch_size
        self.parser = parser
        self.non_names = non_names
        self.names = name_index(actors)

    def _process_batch(self, docs: list[Document], out: Extraction, known: dict[str, Actor]):
        texts = [analyze(_dated(d)) for d in docs]
        if self.parser is not None:
            texts = self.parser.parse_batch(texts)
        found: list[list[Mention]] = [[] for _ in texts]
        for finder in self.finders:
            for i, mentions in enumerate(finder.find_batch(texts)):
                found[i].extend(mentions)
        for text, mentions in zip(texts, found):
            linked, minted = link_mentions(merge_mentions(mentions), self.names, self.non_names)
            for actor in minted:
                known.setdefault(actor.id, actor)
            actors = self.actors | {a.id: a for a in minted}
            out.documents.append(text.document)
            out.mentions.extend(
                LinkedMention(text.document.id, m.actor, citation_form(m.text), m.start, m.end,
                              m.sentence, m.finder)
                for m in linked
                if not m.actor.startswith("place:")
            )
            out.statements.extend(extract_statements(text, linked, actors, self.rules))

    def process(self, items: Iterable[Document | Skipped],
                progress: Callable[[int], None] | None = None) -> Extraction:
        """Extract from documents (and carry :class:`Skipped` items into ``skipped``).

        ``progress`` is called with the number of documents done after each batch.
        """
        out = Extraction()
        minted: dict[str, Actor] = {}
        batch: list[Document] = []
        for item in items:
            if isinstance(item, Skipped):
                out.skipped.append((item.origin, item.reason))
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                self._process_batch(batch, out, minted)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            self._process_batch(batch, out, minted)
            if progress:
                progress(len(batch))
        out.actors = _referenced_actors(out, self.actors | minted)
        return out


def _dated(doc: Document) -> Document:
    """The document with its date from metadata, or inferred from its text."""
    if doc.date:
        return doc
    value = document_date(doc)
    return replace(doc, date=value.iso, date_source=value.source) if value else doc


def _referenced_actors(ex: Extraction, actors: dict[str, Actor]) -> list[Actor]:
    """Every actor the extraction refers to, with the parents they roll up to."""
    ids = {m.actor for m in ex.mentions}
    ids |= {x for st in ex.statements for x in (st.subject, st.object, st.reported_by) if x}
    result: dict[str, Actor] = {}
    todo = [i for i in ids if i in actors]
    while todo:
        actor = actors[todo.pop()]
        if actor.id not in result:
            result[actor.id] = actor
            if actor.parent and actor.parent in actors:
                todo.append(actor.parent)
            todo.extend(r.org for r in actor.roles if r.org in actors)
    return sorted(result.values(), key=lambda a: a.id)


def build_pipeline(config: PipelineConfig = PipelineConfig()) -> Pipeline:
    """Load the gazetteer, the relation rules and the configured mention finders once.

    Raises
    ------
    ValueError
        naming every unknown finder at once.
    """
    unknown = [name for name in config.finders if name not in FINDERS]
    if unknown:
        raise ValueError(
            f"unknown mention finder(s): {', '.join(unknown)}; known: {', '.join(FINDERS)}"
        )
    actors = load_gazetteer(config.gazetteer)
    places = {p.id: (p.name_ar, *p.aliases_ar) for p in load_places()}
    res = _Resources(actors, GazetteerMentionFinder(actors, places), config)
    finders = [f for f in (FINDERS[name](res) for name in config.finders) if f is not None]
    parser = None
    if config.stanza_models is not None and "stanza" in config.finders:
        parser = StanzaParser.from_models(config.stanza_models)
    return Pipeline(finders, actors, load_relation_rules(), config.batch_size, parser, _non_name_words())


def _non_name_words() -> frozenset[str]:
    """Words never part of a name (match form): the particles and verbs of
    schema/name_words.jsonl, the first words of roles (schema/roles.jsonl) that no name
    shares, and the month and weekday names of schema/time.jsonl."""
    from kg.ner.roles import load_name_words, load_roles
    from kg.time import load_time_lexicon

    words = {w for w, kind in load_name_words().items() if kind in ("stop", "verb")}
    words.update(r.words[0] for r in load_roles() if not r.in_names)
    for form in load_time_lexicon().forms("month", "hijri_month", "weekday"):
        words.update(form.split())
    return frozenset(words)


def extract(paths: Iterable[str | Path], pipeline: Pipeline | None = None,
            progress: Callable[[int], None] | None = None) -> Extraction:
    """Read the inputs and extract from every readable document."""
    pipeline = pipeline or build_pipeline()
    return pipeline.process(read_corpus(paths), progress)
