"""Dependency parses on our tokens, where a parser is available.

Stanza's official Arabic models parse (``tokenize,mwt,pos,lemma,depparse``, Universal
Dependencies); they are fetched with ``kg models download`` where the internet is
reachable and given with ``--stanza-models DIR``. The parser is fed our own tokens with
their original offsets, as the NER finder is, and its words are placed back on those
tokens (:class:`kg.model.Word`), so the relation extractor can read a trigger's subject
and objects from the parse and keep its surface patterns as the fallback.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kg.model import AnalyzedText, Word
from kg.text import match_form

__all__ = [
    "PARSER_PROCESSORS",
    "CORE_RELATIONS",
    "Dependent",
    "StanzaParser",
    "words_from_stanza",
    "head_word",
    "subtree",
    "dependents",
]

#: Stanza processors the parser runs (the official Arabic package has all of them).
PARSER_PROCESSORS = "tokenize,mwt,pos,lemma,depparse"


#: Relations that keep a word inside the phrase that names a participant: its adjectives
#: (الطائرات الروسية), genitives (قوات النظام), conjuncts (تركيا وروسيا), name parts and
#: appositions; relative clauses and adjuncts (الفصائل المدعومة من تركيا) stay outside.
CORE_RELATIONS = frozenset({"amod", "nmod", "conj", "flat", "compound", "appos", "det", "case", "cc", "fixed"})


@dataclass(frozen=True)
class Dependent:
    """A dependent of a predicate: its relation, the preposition it takes (match form, ""
    for none), the tokens its subtree covers and, among them, those of the phrase that
    names the participant (``core``: :data:`CORE_RELATIONS` from its head down)."""

    deprel: str
    marker: str
    tokens: frozenset[int]
    core: frozenset[int]


class StanzaParser:
    """Universal Dependencies parses by a Stanza pipeline run on our own tokens.

    Parameters
    ----------
    pipeline : stanza.Pipeline
        A pipeline with ``tokenize_pretokenized=True`` and the :data:`PARSER_PROCESSORS`.
    """

    name = "stanza-depparse"

    def __init__(self, pipeline):
        self.pipeline = pipeline

    @classmethod
    def from_models(cls, model_dir: Path) -> StanzaParser | None:
        """The parser of the official models in ``model_dir``, or None when they have none.

        ``model_dir`` is a folder written by ``stanza.download('ar', model_dir=...)``.
        """
        model_dir = Path(model_dir)
        if not (model_dir / "resources.json").is_file() or not any((model_dir / "ar" / "depparse").glob("*.pt")):
            return None
        import stanza

        return cls(stanza.Pipeline(
            lang="ar", dir=str(model_dir), processors=PARSER_PROCESSORS,
            tokenize_pretokenized=True, download_method=None, logging_level="ERROR",
        ))

    def parse_batch(self, texts: Iterable[AnalyzedText]) -> list[AnalyzedText]:
        """The texts with their ``words`` filled in, run through Stanza as one batch."""
        from kg.ner.stanza_finder import stanza_document

        texts = list(texts)
        indices = [i for i, t in enumerate(texts) if t.tokens]
        if not indices:
            return texts
        documents = self.pipeline([stanza_document(texts[i], match_forms=False) for i in indices])
        for i, document in zip(indices, documents):
            texts[i] = replace(texts[i], words=words_from_stanza(texts[i], document))
        return texts


def words_from_stanza(text: AnalyzedText, document) -> tuple[Word, ...]:
    """The words of a parsed ``stanza.Document`` placed on the tokens of ``text``.

    Each Stanza token is found by its start offset (``start_char``, which our own
    tokens carried into Stanza); heads become indices into the returned tuple.
    """
    token_at = {t.start: i for i, t in enumerate(text.tokens)}
    words: list[Word] = []
    for sentence in document.sentences:
        offset = len(words)
        for token in sentence.tokens:
            ours = token_at[token.start_char]
            for word in token.words:
                head = offset + word.head - 1 if word.head else -1
                words.append(Word(ours, word.text, word.upos or "", head, word.deprel or ""))
    return tuple(words)


def head_word(words: Sequence[Word], token: int) -> int | None:
    """The word of ``token`` the rest of the sentence attaches to (its head lies outside
    the token): قصفت in وقصفت, الطائرات in بالطائرات. None when no word is on the token."""
    own = [i for i, w in enumerate(words) if w.token == token]
    for i in own:
        if words[i].head < 0 or words[i].head not in own:
            return i
    return own[0] if own else None


def subtree(words: Sequence[Word], root: int, relations: frozenset[str] | None = None) -> frozenset[int]:
    """Indices of the words under ``root`` (itself included), following only dependents
    whose relation (without its subtype) is in ``relations`` when it is given."""
    return _reach(_children(words, relations), root)


def _children(words: Sequence[Word], relations: frozenset[str] | None) -> dict[int, list[int]]:
    """Each word's dependents whose relation (without its subtype) is in ``relations``, or
    all of them when it is None."""
    children: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        if relations is None or w.deprel.split(":")[0] in relations:
            children.setdefault(w.head, []).append(i)
    return children


def _reach(children: Mapping[int, Sequence[int]], root: int) -> frozenset[int]:
    """``root`` and every word below it in ``children``."""
    found, todo = set(), [root]
    while todo:
        i = todo.pop()
        if i not in found:
            found.add(i)
            todo.extend(children.get(i, ()))
    return frozenset(found)


def dependents(words: Sequence[Word], token: int) -> list[Dependent]:
    """The dependents of the predicate on ``token``, in sentence order.

    Conjuncts and punctuation are left out; the marker of a dependent is the preposition
    (``case``) attached to it, in match form (على is علي).

    Examples
    --------
    >>> ws = (Word(0, "قصفت", "VERB", -1, "root"), Word(1, "الطائرات", "NOUN", 0, "nsubj"),
    ...       Word(2, "الروسية", "ADJ", 1, "amod"), Word(3, "على", "ADP", 4, "case"),
    ...       Word(4, "مواقع", "NOUN", 0, "obl"))
    >>> [(d.deprel, d.marker, sorted(d.tokens)) for d in dependents(ws, 0)]
    [('nsubj', '', [1, 2]), ('obl', 'علي', [3, 4])]
    """
    predicate = head_word(words, token)
    if predicate is None:
        return []
    everything, core = _children(words, None), _children(words, CORE_RELATIONS)
    found = []
    for i, w in enumerate(words):
        if w.head != predicate or w.token == token or w.deprel.split(":")[0] in ("conj", "punct", "cc"):
            continue
        marker = next((match_form(c.text) for c in words if c.head == i and c.deprel == "case"), "")
        found.append(Dependent(
            w.deprel, marker,
            frozenset(words[k].token for k in _reach(everything, i)),
            frozenset(words[k].token for k in _reach(core, i)),
        ))
    return found
