"""Plain data types passed between the stages of the pipeline.

text → mentions → actors → statements → graph → sinks. Every stage takes and returns
these dataclasses; none of them holds behaviour beyond small derived properties.
All character offsets index the *original* document text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "Document",
    "Sentence",
    "Token",
    "Word",
    "AnalyzedText",
    "Mention",
    "Actor",
    "Role",
    "DateValue",
    "Statement",
    "statement_id",
    "LinkedMention",
    "Extraction",
    "ACTOR_TYPES",
]

#: Second labels of an ``Actor`` node (DESIGN.md, "The graph").
ACTOR_TYPES = ("Country", "Government", "ArmedGroup", "Person", "Organization", "Media")


@dataclass(frozen=True)
class Document:
    """One news item as read from the corpus."""

    id: str
    text: str
    date: str | None = None  # ISO, as precise as known: "2020-07-14", "2020-07", "2020"
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line"
    date_source: str | None = None  # "metadata", "dateline", "weekday", ... or None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    surface: str  # the original characters
    norm: str  # normalized for matching (see kg.text.match_form)
    sentence: int


@dataclass(frozen=True)
class Word:
    """A syntactic word of a Universal Dependencies parse, placed on our tokens.

    Arabic parsers split a token into words (وبالروسية → و + ب + الروسية), so several
    words may share one ``token``.
    """

    token: int  # index of the Token (in AnalyzedText.tokens) the word is part of
    text: str
    upos: str
    head: int  # index of the head Word in AnalyzedText.words; -1 for a sentence root
    deprel: str


@dataclass(frozen=True)
class AnalyzedText:
    """A document split into sentences and tokens (the input of every mention finder),
    and, where a parser ran, the words of its dependency parse."""

    document: Document
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    words: tuple[Word, ...] = ()

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        return self._by_sentence.get(index, ())

    @cached_property
    def _by_sentence(self) -> dict[int, tuple[Token, ...]]:
        groups: dict[int, list[Token]] = {}
        for t in self.tokens:
            groups.setdefault(t.sentence, []).append(t)
        return {i: tuple(ts) for i, ts in groups.items()}


@dataclass(frozen=True)
class Mention:
    """A span of the document that names (or may name) an actor or a place."""

    start: int
    end: int
    text: str
    label: str  # ACTOR, PLACE (gazetteers); PER, ORG, LOC, MISC (statistical NER)
    finder: str  # name of the MentionFinder that produced it
    sentence: int
    actor: str | None = None  # canonical actor id when the finder knows it
    form: str = "name"  # name, alias, nisba, metonym, acronym, role, ner
    role: str | None = None  # for role+name patterns: the role words ("وزير الخارجية")
    org: str | None = None  # for role+name patterns: the organization the role is in


@dataclass(frozen=True)
class Role:
    """A date-bounded role of a person, PETRARCH-style ``[CODE from-to]``."""

    org: str
    title_en: str | None = None
    title_ar: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    name_ar: str
    name_en: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    nisba_ar: tuple[str, ...] = ()  # base adjective forms, inflected by the matcher
    metonyms_ar: tuple[str, ...] = ()  # capitals and seats standing for the actor
    acronyms_ar: tuple[str, ...] = ()
    requires_context_ar: tuple[str, ...] = ()  # words one of which must precede a match
    territory: bool = False  # the name denotes a territory: mentions of it are places
    parent: str | None = None
    parent_rel: str | None = None  # PART_OF or MEMBER_OF
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    discovered: bool = False  # True when minted from text, not from the gazetteer


@dataclass(frozen=True)
class DateValue:
    """A normalized date: ISO text at a precision, and how it was obtained."""

    iso: str  # "2019-12-19", "2019-12" or "2019"
    precision: str  # "day", "month" or "year"
    source: str  # "sentence", "document", ...


@dataclass(frozen=True)
class Statement:
    """One relation mention: a dated, attributed (subject, predicate, object)."""

    doc: str
    subject: str
    predicate: str
    object: str
    s_name: str
    o_name: str
    sentence: int
    start: int
    end: int
    evidence: str
    trigger: str
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    negated: bool = False
    hedged: bool = False
    reported_by: str | None = None
    confidence: float = 0.5
    extractor: str = "patterns"
    modality: str | None = None  # "future" or "conditional" when not asserted as fact
    id: str = field(default="")

    def __post_init__(self):
        if not self.id:
            object.__setattr__(
                self,
                "id",
                statement_id(self.doc, self.sentence, self.subject, self.predicate, self.object),
            )


def statement_id(doc: str, sentence: int, subject: str, predicate: str, obj: str) -> str:
    """Stable id of a statement: loading the same document twice changes nothing."""
    key = "\x1f".join((doc, str(sentence), subject, predicate, obj))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class LinkedMention:
    """A mention resolved to an actor: what ``(:Document)-[:MENTIONS]->(:Actor)`` is made of."""

    doc: str
    actor: str
    name: str
    start: int
    end: int
    sentence: int
    finder: str


@dataclass
class Extraction:
    """Everything extracted from a batch of documents: what every sink consumes."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every actor referenced
    mentions: list[LinkedMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
