"""Modality and attribution cues (schema/modality.jsonl) and their reading around a trigger.

A relation found in a sentence may be denied (نفت، لم ...), hedged (يُعتقد، مزاعم),
future (سيقصف، سوف), conditional or hypothetical (إذا، في حال، أي هجوم), and attributed to
a source (قال، أعلن، وفقا لـ، بحسب). The cues are data; this module loads them and says
which apply to a trigger, given the match forms of the words of its sentence.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.resources import DataFileError, read_data_file, schema_file
from kg.text import match_form

__all__ = [
    "CueList",
    "ModalityCues",
    "Modality",
    "ModalityError",
    "load_modality_cues",
    "cue_at",
    "modality_before",
]

_KINDS = ("negation", "hedge", "future", "future_prefix", "conditional", "attribution")


class ModalityError(DataFileError):
    """A modality file that does not follow its schema."""


@dataclass(frozen=True)
class CueList:
    """One line of schema/modality.jsonl: cue words of one kind and how far they reach."""

    kind: str
    words: tuple[tuple[str, ...], ...]  # each cue as match-form words
    proclitics: tuple[str, ...] = ()  # conjunctions allowed before the first word (و ف)
    scope: int = 0  # words between the cue and the trigger it governs
    after: int = 0  # words after the trigger where the cue may also stand (شن أي هجوم)
    imperfect_only: bool = False  # only before an imperfect verb (قد يشن، not قد هاجمت)
    speaker: str | None = None  # attribution: where the source stands ("around", "right", "clause")
    through: frozenset[str] = frozenset()  # complementizers after which the scope starts again
    unless: frozenset[str] = frozenset()  # words right after a cue that make it none (لا يزال: still)

    @cached_property
    def by_head(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The cues by their first word, in file order."""
        heads: dict[str, list[tuple[str, ...]]] = {}
        for cue in self.words:
            heads.setdefault(cue[0], []).append(cue)
        return {h: tuple(c) for h, c in heads.items()}


@dataclass(frozen=True)
class ModalityCues:
    """All cue lists, by kind."""

    lists: tuple[CueList, ...]

    def of(self, kind: str) -> tuple[CueList, ...]:
        return tuple(c for c in self.lists if c.kind == kind)


@dataclass(frozen=True)
class Modality:
    """The modality of one trigger."""

    negated: bool = False
    hedged: bool = False
    modality: str | None = None  # "future" or "conditional"


def load_modality_cues(path: str | Path | None = None) -> ModalityCues:
    """Cue lists from ``path`` or the schema/modality.jsonl that ships with kg.

    Raises
    ------
    ModalityError
        When a line is not JSON or names an unknown cue kind.
    """
    path = Path(path) if path else schema_file("modality.jsonl")
    lists = []
    for n, entry in read_data_file(path):
        if entry.get("cue") not in _KINDS:
            raise ModalityError(f"{path}:{n}: cue must be one of {', '.join(_KINDS)}")
        lists.append(
            CueList(
                kind=entry["cue"],
                words=tuple(tuple(match_form(w) for w in c.split()) for c in entry["words"]),
                proclitics=tuple(match_form(p) for p in entry.get("proclitics", ())),
                scope=int(entry.get("scope", 0)),
                after=int(entry.get("after", 0)),
                imperfect_only=bool(entry.get("imperfect_only", False)),
                speaker=entry.get("speaker"),
                through=frozenset(match_form(w) for w in entry.get("through", ())),
                unless=frozenset(match_form(w) for w in entry.get("unless", ())),
            )
        )
    return ModalityCues(tuple(lists))


def cue_at(norms: Sequence[str], i: int, cue_list: CueList) -> int:
    """Number of words of a cue of ``cue_list`` starting at word ``i`` (0 if none, also
    where a word of ``unless`` follows it: لا يزال is no negation).

    >>> cues = CueList("negation", (("لم",), ("في", "حال")), ("و",), unless=frozenset({"يزال"}))
    >>> cue_at(["ولم", "يقصف"], 0, cues), cue_at(["في", "حال", "قصف"], 0, cues)
    (1, 2)
    >>> cue_at(["لم", "يزال"], 0, cues)
    0
    """
    first = norms[i]
    for head in (first, *(first[len(p):] for p in cue_list.proclitics if first.startswith(p))):
        for cue in cue_list.by_head.get(head, ()):
            if tuple(norms[i + 1 : i + len(cue)]) == cue[1:]:
                following = norms[i + len(cue)] if i + len(cue) < len(norms) else ""
                return 0 if following in cue_list.unless else len(cue)
    return 0


def _scope_start(norms: Sequence[str], end: int, trigger: int, cue_list: CueList) -> int:
    """Where the words a cue governs begin: after the cue, or after a complementizer of
    ``through`` within its scope."""
    for j in range(end, min(trigger, end + cue_list.scope + 1)):
        if norms[j] in cue_list.through:
            return j + 1
    return end


def modality_before(
    norms: Sequence[str], trigger: int, clause_start: int, cues: ModalityCues, verb_prefix: str = "",
    barriers: Collection[int] = (), imperfect: bool = False,
) -> Modality:
    """Modality of the trigger at word ``trigger``, from cues between ``clause_start`` and it.

    A cue governs the trigger when it ends at most ``scope`` words before it (or stands
    within ``after`` words after it) and no barrier word (another trigger, a relative
    pronoun) stands between them. After a cue with ``through`` complementizers (نفت X أن …)
    the words are counted from the complementizer. ``verb_prefix`` is the proclitic removed from the trigger
    word (``س`` in سيقصف); ``imperfect`` whether the trigger is an imperfect verb.

    >>> cues = load_modality_cues()
    >>> modality_before(["روسيا", "لم", "تقصف", "المدينة"], 2, 0, cues).negated
    True
    >>> modality_before(["روسيا", "ستقصف"], 1, 0, cues, verb_prefix="س").modality
    'future'
    """
    found = {"negation": False, "hedge": False, "future": False, "conditional": False}
    for kind in found:
        for cue_list in cues.of(kind):
            if cue_list.imperfect_only and not imperfect:
                continue
            reach = cue_list.scope * (2 if cue_list.through else 1) + 3
            for i in range(max(clause_start, trigger - reach), trigger):
                n = cue_at(norms, i, cue_list)
                if n and trigger - _scope_start(norms, i + n, trigger, cue_list) <= cue_list.scope and not any(
                    i + n <= b < trigger for b in barriers
                ):
                    found[kind] = True
                    break
            for i in range(trigger + 1, min(len(norms), trigger + 1 + cue_list.after)):
                if cue_at(norms, i, cue_list):
                    found[kind] = True
    if verb_prefix:
        for cue_list in cues.of("future_prefix"):
            if any(verb_prefix == w[0] for w in cue_list.words):
                found["future"] = True
    modality = "conditional" if found["conditional"] else ("future" if found["future"] else None)
    return Modality(negated=found["negation"], hedged=found["hedge"], modality=modality)
