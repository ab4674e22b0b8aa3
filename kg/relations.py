"""Relation extraction: triggers and argument patterns (schema/relations.jsonl) → Statements.

Within each sentence, the extractor finds the triggers of the rules (verbs, masdar nouns,
participles, multiword phrases, with Arabic proclitics seen through), then fills the two
argument slots each rule declares from the linked mentions around the trigger:

``left``          the nearest argument before the trigger in its clause (SVO subject)
``left near``     an argument right before the trigger (المدعومة، التابع، الخاضعة لسيطرة)
``left victim``   ``left``, after a word of killing (مقتل عناصر من X بغارة …)
``right``         the first argument after the trigger (after the subject, in VSO order),
                  up to a preposition
``right near``    an argument at most two words after the trigger (مهاجمة قاعدة حميميم)
``around``        SVO when an actor stands right before the verb, VSO when one follows it
                  (past time words, actor nouns, role words), else ``left``
``agent``         a noun's agent: nisba after it (الدعم التركي), an agent marker (نفذته،
                  شنه، من قبل، على يد), a genitive (قصف النظام، هجوم لتنظيم الدولة), else
                  an actor shortly before it; ``agent after``: without that last resort
``right after M`` the first argument after a marker word ``M`` (على، ضد، مع، إلى),
                  alternatives separated by ``|``; a one-letter marker (ل، ب) may be a
                  proclitic of the argument (لتركيا); a marker with a pronoun (عليها) after
                  a relative pronoun points back at the antecedent (التي تسيطر عليها X)

An argument is a coordinated group (تركيا وروسيا وإيران، الروسية – التركية – الإيرانية,
قرى أ وب وج), so one trigger yields a statement per pair. Symmetric predicates also read
``بين X و Y`` and a nisba chain after the trigger. Places are arguments only where the
predicate allows them (ATTACKS, CONTROLS); the extractor mints ``place:`` mentions from
toponym patterns (قرية/بلدة/مدينة/محافظة + name, lists of them, الشمال السوري).
Role phrases around a person (الرئيس الروسي فلاديمير بوتين، أحمد العودة القائد العام لفصيل
X) emit MEMBER_OF. Modality and attribution come from :mod:`kg.modality`; a relation a
conditional or hypothetical cue governs (إذا، في حال، أي هجوم، حذر من …) is emitted with
``modality="conditional"``, a future one with ``modality="future"``: flagged, not asserted
(graph scores and canned queries leave them out).

Beyond the slots, a few constructions of news Arabic are read in code: a verb after أنْ
takes the one who says or denies it as subject (نفت موسكو أن تكون قد زودت …), a verb
after an event noun takes the event's agent (غارات روسية استهدفت …), coordinated verbs
share their subject, a sentence opening with جاء ذلك continues the previous one's actor,
and several actors doing one thing together (ضربة ثلاثية) also cooperate.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.modality import Modality, ModalityCues, cue_at, load_modality_cues, modality_before
from kg.model import Actor, AnalyzedText, Mention, Statement, Token
from kg.resources import DataFileError, read_data_file, schema_file
from kg.text import NOUN_PROCLITICS, clitic_letters, letters_offset, match_form
from kg.time import context_dates, statement_date

__all__ = [
    "Slot",
    "RelationRule",
    "RelationRules",
    "RelationRuleError",
    "parse_slot",
    "load_relation_rules",
    "extract_statements",
]

#: Words searched on each side of a trigger for its arguments.
LEFT_WINDOW = 12
RIGHT_WINDOW = 10
#: Words allowed between a marker (على، مع ...) and its argument (على مواقع قوات X).
MARKER_GAP = 7
#: Words searched before a noun trigger for its agent when nothing else names it.
AGENT_WINDOW = 6
#: Words from the start of a sentence opening with جاء ذلك within which a trigger may take
#: the previous sentence's actor.
OPENER_REACH = 6
#: Sentences longer than this (characters) give the clause around the relation as evidence.
MAX_EVIDENCE = 300

_SIDES = ("left", "left near", "left victim", "right", "right near", "around", "agent", "agent after")
_ARABIC_WORD = r"[\u0600-\u06FF]+"
_SLOT = re.compile(
    rf"^(?:(left near|left victim|left|right near|right|around|agent after|agent)"
    rf"|right after ({_ARABIC_WORD}(?: {_ARABIC_WORD})*(?:\|{_ARABIC_WORD}(?: {_ARABIC_WORD})*)*))$"
)
_POS = ("verb", "noun")
_LEXICONS = (
    "boundary", "complementizer", "relative", "agent_marker", "toponym_head",
    "toponym_compound", "toponym_stop", "locative", "region", "role", "role_filler",
    "posted_at", "actor_head", "cause", "time_word", "anaphoric_opener", "object_stop", "victim", "quantifier",
)
_VERB_PREFIXES = ("", "و", "ف", "س", "وس", "فس")
_NOUN_PREFIXES = NOUN_PROCLITICS
_SUFFIXES = ("", "ه", "ها", "هم", "هما")
_PRONOUN_SUFFIXES = ("ها", "ه", "هم", "هما")
_PUNCT = frozenset('"«»“”\'()[]-–—/,،')
_COORD_SEP = frozenset({"/", "-", "–", "—", '"', "«", "»", "“", "”"})
_PREPOSITION_CLITICS = ("ب", "ل", "ك")
_DEMONSTRATIVES = frozenset(match_form(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "هذين", "هاتين"))
# Words before a country that make it a party rather than a place (بين روسيا والأردن).
_PARTY_BEFORE = frozenset(match_form(w) for w in ("بين", "وبين", "من", "مع", "ضد"))
# Between أنْ and a verb whose subject is dropped (أن تكون قد زودت).
_AUXILIARIES = frozenset(match_form(w) for w in ("تكون", "يكون", "قد", "كانت", "كان", "تكن", "يكن"))
_BARE_AN = frozenset(match_form(w) for w in ("أن", "بأن", "وأن", "أنه", "أنها", "بأنه", "بأنها"))
# Particles after which a verb still opens its clause (لم يقصف، قد يشن).
_VSO_OPENERS = frozenset(match_form(w) for w in ("لم", "لن", "لا", "قد", "وقد", "فقد", "لقد", "كما", "ثم", "و"))
# A single word with a nisba ending (التركية، روسية، الإيرانيين).
_NISBA_LIKE = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?\w{2,}(?:ي|يه|يون|يين|يان|يتان|يتين)$")
_PREPOSITIONS = frozenset(match_form(w) for w in ("على", "ضد", "مع", "إلى", "من", "في", "ل", "ب", "عن", "لدى"))


class RelationRuleError(ValueError):
    """A relation rule file that does not follow its schema."""


@dataclass(frozen=True)
class Slot:
    """Where a rule finds one argument: a side, or the marker words that introduce it."""

    side: str  # one of _SIDES, or "after" with markers
    markers: tuple[tuple[str, ...], ...] = ()  # match-form word sequences


@dataclass(frozen=True)
class RelationRule:
    """One trigger line of schema/relations.jsonl."""

    id: str
    predicate: str
    pos: str  # "verb" or "noun": which proclitics the trigger words may carry
    triggers: tuple[tuple[str, ...], ...]  # match-form word sequences
    subject: Slot
    object: Slot
    confidence: float


@dataclass(frozen=True)
class RelationRules:
    """Everything the extractor reads from data: rules, lexicons, predicates, cues."""

    rules: tuple[RelationRule, ...]
    lexicons: Mapping[str, frozenset[str]]  # single words, match form
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # multiword lexicon entries
    predicates: Mapping[str, dict]
    cues: ModalityCues
    index: Mapping[str, tuple[tuple[RelationRule, tuple[str, ...]], ...]] = field(default_factory=dict)
    phrase_heads: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(match_form(w) for w in phrase.split())


def _trigger_words(phrase: str, pos: str) -> tuple[str, ...]:
    """Match-form words of a trigger; a noun's article goes, the matcher sees through it."""
    words = _words(phrase)
    if pos == "noun" and phrase.startswith("ال") and len(words[0]) > 4:
        words = (words[0][2:], *words[1:])
    return words


def parse_slot(text: str) -> Slot:
    """Parse a slot of the pattern language.

    >>> parse_slot("right after ضد|من قبل").markers
    (('ضد',), ('من', 'قبل'))
    >>> parse_slot("left near").side
    'left near'

    Raises
    ------
    RelationRuleError
        When ``text`` is not a slot.
    """
    m = _SLOT.match(text.strip())
    if not m:
        raise RelationRuleError(
            f"bad slot {text!r}: use one of {', '.join(_SIDES)} or 'right after M1|M2'"
        )
    if m.group(1):
        return Slot(m.group(1))
    return Slot("after", tuple(_words(alt) for alt in m.group(2).split("|")))


def load_relation_rules(
    path: str | Path | None = None,
    predicates_path: str | Path | None = None,
    modality_path: str | Path | None = None,
) -> RelationRules:
    """Load relation rules, lexicons, predicate metadata and modality cues.

    Parameters
    ----------
    path : the rules file; default schema/relations.jsonl
    predicates_path : default schema/predicates.jsonl
    modality_path : default schema/modality.jsonl

    Raises
    ------
    RelationRuleError
        When a line is not JSON, names an unknown predicate, part of speech or lexicon,
        or has a bad slot.
    """
    path = Path(path) if path else schema_file("relations.jsonl")
    predicates = _read_predicates(Path(predicates_path) if predicates_path else schema_file("predicates.jsonl"))
    rules: list[RelationRule] = []
    words: dict[str, set[str]] = {name: set() for name in _LEXICONS}
    phrases: dict[str, list[tuple[str, ...]]] = {name: [] for name in _LEXICONS}
    for n, entry in _read_jsonl(path):
        where = f"{path}:{n}"
        if "lexicon" in entry:
            if entry["lexicon"] not in _LEXICONS:
                raise RelationRuleError(f"{where}: unknown lexicon {entry['lexicon']!r}")
            for w in entry["words"]:
                key = _words(w)
                (words[entry["lexicon"]].add(key[0]) if len(key) == 1 else phrases[entry["lexicon"]].append(key))
            continue
        try:
            rule = RelationRule(
                id=entry["id"],
                predicate=entry["predicate"],
                pos=entry["pos"],
                triggers=tuple(_trigger_words(t, entry["pos"]) for t in entry["triggers"]),
                subject=parse_slot(entry["subject"]),
                object=parse_slot(entry["object"]),
                confidence=float(entry.get("confidence", 0.5)),
            )
        except KeyError as e:
            raise RelationRuleError(f"{where}: missing field {e.args[0]!r}") from e
        except RelationRuleError as e:
            raise RelationRuleError(f"{where}: {e}") from e
        if rule.predicate not in predicates:
            raise RelationRuleError(f"{where}: unknown predicate {rule.predicate!r}")
        if rule.pos not in _POS:
            raise RelationRuleError(f"{where}: pos must be one of {', '.join(_POS)}")
        rules.append(rule)
    index: dict[str, list] = {}
    for rule in rules:
        for trig in rule.triggers:
            index.setdefault(trig[0], []).append((rule, trig))
    return RelationRules(
        rules=tuple(rules),
        lexicons={k: frozenset(v) for k, v in words.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        predicates=predicates,
        cues=load_modality_cues(modality_path),
        index={k: tuple(v) for k, v in index.items()},
        phrase_heads={k: frozenset(p[0] for p in v) for k, v in phrases.items()},
    )


def _read_predicates(path: Path) -> dict[str, dict]:
    """The raw predicate entries: relations read argument kinds the other stages do not."""
    return {entry["id"]: entry for _, entry in _read_jsonl(path)}


def _read_jsonl(path: Path):
    try:
        yield from read_data_file(path)
    except DataFileError as e:
        raise RelationRuleError(str(e)) from e


# --------------------------------------------------------------------------- sentences


@dataclass
class _Arg:
    """A candidate argument: a linked mention or a minted place, over words first..last."""

    first: int
    last: int
    id: str
    name: str
    start: int
    end: int
    place: bool
    nisba: bool = False
    person: bool = False
    media: bool = False
    type: str | None = None  # the actor's type (Country, ArmedGroup …) when known
    clitic: str = ""  # proclitic letters before the mention in its first word
    group: int | None = None  # minted place lists share a group number


@dataclass(frozen=True)
class _Trigger:
    rule: RelationRule
    first: int
    last: int
    prefix: str  # proclitic removed from the first word
    chars: int  # letters matched: longer, more specific triggers win


class _Sentence:
    """One sentence prepared for matching: words, their stems, boundaries and arguments."""

    def __init__(self, text: AnalyzedText, index: int, tokens: Sequence[Token],
                 mentions: Sequence[Mention], actors: Mapping[str, Actor], rules: RelationRules,
                 cache: dict):
        self.cache = cache  # readings of words, shared by the sentences of a document
        self.text = text
        self.index = index
        self.tokens = tokens
        self.norms = [t.norm for t in tokens]
        self.rules = rules
        lex = rules.lexicons
        self.boundary = [t.norm in lex["boundary"] for t in tokens]
        for i in range(1, min(4, len(tokens))):
            if tokens[i].norm in {"-", "–", "—"}:
                self.boundary[i] = True  # a dateline: موسكو - اتهمت …
        self.comp = [t.norm in lex["complementizer"] for t in tokens]
        self.punct = [t.norm in _PUNCT or not t.norm for t in tokens]
        self.args: list[_Arg] = []
        if "countries" not in cache:
            cache["countries"] = _countries(actors)
        self.countries = cache["countries"]
        self._add_mentions(mentions, actors)
        self._mint_places()
        self.args.sort(key=lambda a: a.first)
        self.arg_at: list[int | None] = [None] * len(tokens)
        for k, a in enumerate(self.args):
            for i in range(a.first, a.last + 1):
                self.arg_at[i] = k
        self.owner: dict[int, int] = {}  # argument → the person whose role phrase it is in
        # arguments inside an attributive phrase (الفصائل المدعومة من تركيا): not arguments
        # of the other triggers around it
        self.attached: frozenset[int] = frozenset()
        self.skip: frozenset[int] = frozenset()  # arguments already taken by the other slot
        self.event_nisba = False  # a nisba after an event noun may be the object (OPPOSES)
        self.attributive_words: frozenset[int] = frozenset()
        self.verbs: list[int] = []  # first words of verb triggers
        self.noun_triggers: dict[int, _Trigger] = {}  # last word → noun trigger

    # ---- arguments

    def _span(self, start: int, end: int) -> tuple[int, int] | None:
        first = next((i for i, t in enumerate(self.tokens) if t.end > start), None)
        last = next((i for i in range(len(self.tokens) - 1, -1, -1) if self.tokens[i].start < end), None)
        if first is None or last is None or last < first:
            return None
        return first, last

    def _free(self, first: int, last: int) -> bool:
        return not any(a.first <= last and first <= a.last for a in self.args)

    def _add_mentions(self, mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> None:
        for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
            if not m.actor:
                continue
            span = self._span(m.start, m.end)
            if span is None or not self._free(*span):
                continue
            first, last = span
            tok = self.tokens[first]
            clitic = match_form(self.text.document.text[tok.start : max(tok.start, m.start)])
            if not clitic and m.start <= tok.start and tok.norm.startswith(("لل", "ولل", "فلل")):
                clitic = tok.norm[: tok.norm.index("لل") + 1]  # للمعارضة: ل fused with ال
            actor_id = m.actor
            place = m.label == "PLACE" or actor_id.startswith("place:")
            prev = self.tokens[first - 1].norm if first > 0 else ""
            if place and (prev in _PARTY_BEFORE or clitic.endswith("ل")) and self.countries:
                # بين روسيا والأردن، من إيران إلى …: a country named as a party, not a place
                country = self.countries.get(match_form(m.text))
                if country is not None:
                    actor_id, place = country, False
            actor = actors.get(actor_id)
            person = (actor is not None and actor.type == "Person") or m.label == "PER"
            self.args.append(
                _Arg(
                    first, last, actor_id, m.text, m.start, m.end, place,
                    nisba=first == last and not person and (
                        m.form == "nisba" or _NISBA_LIKE.match(tok.norm) is not None
                    ),
                    person=person,
                    media=actor is not None and actor.type == "Media",
                    clitic=clitic,
                    type=actor.type if actor is not None else None,
                )
            )

    # ---- words

    def stems(self, i: int, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """Readings ``(stem, prefix)`` of word ``i`` with one of ``prefixes`` removed."""
        return _readings(self.norms[i], prefixes)

    def stem_set(self, i: int) -> frozenset[str]:
        """Every noun reading of word ``i``."""
        key = (self.norms[i], None)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = frozenset(s for s, _ in self.stems(i, _NOUN_PREFIXES))
        return found

    def is_(self, i: int, lexicon: str) -> bool:
        """Whether word ``i`` (proclitics seen through) is in a lexicon."""
        return not self.rules.lexicons[lexicon].isdisjoint(self.stem_set(i))

    def phrase_at(self, i: int, lexicon: str) -> tuple[int, str]:
        """(words, proclitic) of a multiword lexicon entry starting at word ``i``."""
        phrases = self.rules.phrases[lexicon]
        if not phrases or self.rules.phrase_heads[lexicon].isdisjoint(self.stem_set(i)):
            return 0, ""
        for ph in phrases:
            for s, p in self.stems(i, _NOUN_PREFIXES):
                if s == ph[0] and tuple(self.norms[i + 1 : i + len(ph)]) == ph[1:]:
                    return len(ph), p
        return 0, ""

    def stop(self, i: int) -> bool:
        """Whether word ``i`` ends a clause for argument search."""
        return self.boundary[i] or self.comp[i]

    # ---- places

    def _place(self, first: int, last: int, strip: int) -> _Arg:
        doc = self.text.document.text
        tok = self.tokens[first]
        start = tok.start + letters_offset(tok.surface, strip)
        end = self.tokens[last].end
        name = " ".join(doc[start:end].split())
        return _Arg(first, last, "place:" + name, name, start, end, True)

    def _overlapping(self, first: int, last: int) -> _Arg | None:
        return next((a for a in self.args if a.first <= last and first <= a.last), None)

    def _is_trigger_word(self, i: int) -> bool:
        return any(s in self.rules.index for s in self.stem_set(i))

    def _name_at(self, j: int, strip_waw: bool) -> tuple[int, int, int] | None:
        """A toponym starting at word ``j``: (first, last, letters of و to strip) or None."""
        n = len(self.tokens)
        while j < n and self.norms[j] in _COORD_SEP:
            j += 1
        if j >= n or self.punct[j] or self.stop(j):
            return None
        lex = self.rules.lexicons
        word = self.norms[j]
        strip = 0
        if strip_waw and word.startswith("و") and len(word) > 3:
            strip, word = 1, word[1:]
        if (word in lex["toponym_stop"] or word in lex["toponym_head"] or word in lex["locative"]
                or word in lex["boundary"] or word.isdigit() or len(word) < 2):
            return None
        if word.startswith(("ل", "ب")) and not word.startswith("لل") and not lex["toponym_stop"].isdisjoint(
            s for s, _ in _readings(word, _NOUN_PREFIXES)
        ):
            return None  # مناطق لخفض التصعيد
        if strip and (word in self.rules.index):
            return None
        last = j
        if word in lex["toponym_compound"] and j + 1 < n and not self.punct[j + 1] \
                and self.norms[j + 1] not in lex["toponym_stop"] and not self.stop(j + 1):
            last = j + 1
        return j, last, strip

    def _mint_places(self) -> None:
        """Places from toponym patterns: قرية/بلدة/مدينة + name, lists of them, regions."""
        n = len(self.tokens)
        i = 0
        while i < n:
            k, prefix = self.phrase_at(i, "region")
            if k:
                if self._overlapping(i, i + k - 1) is None or all(
                    a.nisba or a.place for a in self.args if a.first <= i + k - 1 and i <= a.last
                ):
                    self.args = [a for a in self.args if not (a.first <= i + k - 1 and i <= a.last)]
                    self.args.append(self._place(i, i + k - 1, clitic_letters(prefix)))
                i += k
                continue
            if not self._indefinite_head(i):
                i += 1
                continue
            group = len(self.args) + 1000 * (i + 1)
            members: list[_Arg] = []
            j, strip = i + 1, False
            while len(members) < 12:
                got = self._name_at(j, strip)
                if got is None:
                    break
                first, last, strip_letters = got
                existing = self._overlapping(first, last)
                if existing is not None and existing.place and first <= existing.first \
                        and existing.last <= last and existing.last - existing.first < last - first:
                    # a place named in part (سنبل of دير سنبل): the toponym pattern is longer
                    self.args.remove(existing)
                    existing = None
                if existing is None:
                    members.append(self._place(first, last, strip_letters))
                    self.args.append(members[-1])
                elif existing.place:
                    members.append(existing)
                else:
                    break
                nxt = self._continue_list(last + 1, len(members))
                if nxt is None:
                    j = last + 1
                    break
                j, strip = nxt
            if len(members) > 1:
                for a in members:
                    a.group = group
            i = max(i + 1, j)

    def _indefinite_head(self, i: int) -> bool:
        """A toponym head without the article (بمحافظة إدلب; المخيم is no head)."""
        heads = self.rules.lexicons["toponym_head"]
        return any(s in heads and not p.endswith(("ال", "لل")) for s, p in self.stems(i, _NOUN_PREFIXES))

    def _continue_list(self, j: int, size: int) -> tuple[int, bool] | None:
        """Where the next toponym of a list starts, and whether it carries و; None at its end."""
        n = len(self.tokens)
        while j < n and self.norms[j] in _COORD_SEP:
            j += 1
        if j >= n:
            return None
        word = self.norms[j]
        heads = self.rules.lexicons["toponym_head"]
        if word == "و":
            j += 1
            while j < n and (self.is_(j, "toponym_head") or self.norms[j] == "محيط"):
                j += 1
            return j, False
        if word.startswith("و") and len(word) > 2:
            if word[1:] in heads or word[1:] == "محيط":
                j += 1
                while j < n and (self.is_(j, "toponym_head") or self.norms[j] == "محيط"):
                    j += 1
                return j, False
            return j, True
        if size >= 2 and (self.is_(j, "locative") or word.startswith("ب")):
            # a locative phrase inside an established list (… في جبل الزاوية والفطيرة …)
            for k in range(j + 1, min(n, j + 5)):
                if self.stop(k) or self.norms[k].startswith("ل"):
                    return None
                w = self.norms[k]
                if w.startswith("و") and len(w) > 3 and k - j <= 4:
                    return k, True
            return None
        return None

    # ---- argument groups

    def group(self, k: int) -> list[int]:
        """The coordinated group of argument ``k`` (itself included), in text order."""
        a = self.args[k]
        if a.group is not None:
            return [m for m, b in enumerate(self.args) if b.group == a.group]
        members = [k]
        m = k
        while m + 1 < len(self.args) and self._coordinated(m, m + 1):
            m += 1
            members.append(m)
        m = k
        while m > 0 and self._coordinated(m - 1, m):
            m -= 1
            members.insert(0, m)
        return members

    def _coordinated(self, k: int, m: int) -> bool:
        a, b = self.args[k], self.args[m]
        if a.place != b.place or b.first - a.last > 4:
            return False
        between = self.norms[a.last + 1 : b.first]
        if between and any(w not in _COORD_SEP and w not in {"و", "،", ","} for w in between):
            # الشرطة العسكرية الروسية والجيش التركي، بوتين ونظيره التركي: و + an actor noun
            # or a role word before a nisba
            heads = [i for i in range(a.last + 1, b.first) if self.norms[i] not in _COORD_SEP]
            if not (b.nisba and len(heads) == 1 and self.norms[heads[0]].startswith("و")
                    and (self.is_(heads[0], "actor_head") or self.is_(heads[0], "role"))):
                return False
            return True
        if "و" in between or b.clitic.startswith("و") or any(w in _COORD_SEP - {'"', "«", "»", "“", "”"} for w in between):
            return True
        return a.nisba and b.nisba and not any(w in {"،", ","} for w in between)

    def usable(self, k: int, allow_place: bool, subject: bool = False) -> bool:
        a = self.args[k]
        if a.media or k in self.attached or k in self.skip:
            return False
        if a.place:
            return allow_place
        return not a.nisba or self.licensed(k, subject)

    def licensed(self, k: int, subject: bool = False) -> bool:
        """A nisba adjective names an actor after an actor noun (الطائرات الروسية) or a role
        word (نظيره الأمريكي), in a role phrase, or in a chain with such a nisba; a subject
        also after an event noun (عدوان إسرائيلي استهدف …)."""
        a = self.args[k]
        if k in self.owner:
            return True
        for i in range(max(0, a.first - 2), a.first):
            if self.is_(i, "actor_head") or self.is_(i, "role") or (
                (subject or self.event_nisba) and self._is_trigger_word(i)
            ):
                return True
        return any(
            m != k and self.args[m].nisba and self.args[m].first < a.first and self._licensed_head(m)
            for m in self.group(k)
        )

    def _licensed_head(self, m: int) -> bool:
        a = self.args[m]
        return any(self.is_(i, "actor_head") for i in range(max(0, a.first - 2), a.first))

    def after_victim_word(self, first: int) -> bool:
        """Whether a word of killing or wounding stands shortly before word ``first``."""
        return any(self.is_(i, "victim") for i in range(max(0, first - 6), first))

    def locative(self, k: int) -> bool:
        """A place in a locative phrase (بسهل الغاب، في ريف حلب): where, not what."""
        a = self.args[k]
        if not a.place:
            return False
        return a.clitic.endswith("ب") or (a.first > 0 and self.is_(a.first - 1, "locative"))

    def speaker_at(self, k: int) -> bool:
        """Whether argument ``k`` is the source of a verb of saying just before it (أعلن المرصد)."""
        i = self.args[k].first - 1
        while i >= 0 and (self.punct[i] or self.is_(i, "time_word")):
            i -= 1
        return i >= 0 and any(cue_at(self.norms, i, c) for c in self.rules.cues.of("attribution"))

    def end_of(self, ks: Sequence[int]) -> int:
        """The word after a group, and after the persons its role phrases stand for."""
        return max(self.args[m].last for m in (*ks, *self.resolve(ks))) + 1

    def resolve(self, ks: Sequence[int]) -> list[int]:
        """Arguments of a role phrase stand for its person."""
        out = []
        for k in ks:
            k = self.owner.get(k, k)
            if k not in out:
                out.append(k)
        return out

    # ---- slot search

    def left(self, pos: int, allow_place: bool, near: bool = False, limit: int = LEFT_WINDOW,
             barrier: int = -1, subject: bool = True) -> list[int]:
        """The group of the nearest usable argument ending before word ``pos`` (and after
        word ``barrier``)."""
        limit = 2 if near else limit
        seen = 0
        i = pos - 1
        while i > barrier and seen <= limit:
            if self.stop(i):
                return []
            k = self.arg_at[i]
            if k is not None:
                if (self.usable(k, allow_place, subject) or k in self.owner) and (subject or near or not self.speaker_at(k)) \
                        and not self.locative(k):
                    return self.resolve(self.group(self.owner.get(k, k)))
                i = self.args[k].first - 1
                seen += 1
                continue
            if not (self.punct[i] or self.norms[i].isdigit() or self.is_(i, "time_word")):
                seen += 1  # dates do not put an argument further away (في 24 مارس الماضي)
            i -= 1
        return []

    def right(self, pos: int, allow_place: bool, limit: int = RIGHT_WINDOW,
              direct: bool = False, phrase: bool = False) -> tuple[list[int], int]:
        """The group of the first usable argument from word ``pos``; and the word after it.

        A ``direct`` object is searched only up to a preposition (object_stop), the object
        of a marker (``phrase``) only up to the next trigger word."""
        seen = 0
        i = pos
        stops = self.rules.lexicons["object_stop"]
        only_places = False  # a direct object after في is a place (استهدفت بلدات في محافظة X)
        while i < len(self.tokens) and seen <= limit:
            if direct and (self.is_(i, "relative") or self.norms[i] in _DEMONSTRATIVES):
                return [], i
            if direct and self.norms[i] == "في":
                only_places = True
            if self.stop(i) or (direct and self.norms[i] in stops and i not in self.attributive_words
                                and not (i > 0 and (self.is_(i - 1, "quantifier") or self.norms[i - 1].isdigit()))):
                return [], i
            if phrase and i > pos and self.arg_at[i] is None and self._is_trigger_word(i):
                return [], i
            k = self.arg_at[i]
            if k is not None:
                if (self.usable(k, allow_place) or k in self.owner) and not ((direct or phrase) and self.locative(k)) \
                        and not (only_places and not self.args[k].place):
                    ks = self.group(self.owner.get(k, k))
                    return self.resolve(ks), self.end_of(ks)
                i = self.args[k].last + 1
                seen += 1
                continue
            if not self.punct[i]:
                seen += 1
            i += 1
        return [], i

    def marker(self, pos: int, markers: Sequence[tuple[str, ...]]) -> tuple[int, int, bool] | None:
        """First marker after ``pos``: (its first word, the word after it, resumptive?)."""
        seen = 0
        i = pos
        while i < len(self.tokens) and seen <= RIGHT_WINDOW + 4:
            if self.stop(i):
                return None
            k = self.arg_at[i]
            if k is not None:  # a name counts as one word (قرى أ وب وج … من قبل X)
                i = self.args[k].last + 1
                seen += 1
                continue
            for mk in markers:
                if len(mk) == 1 and len(mk[0]) == 1:
                    continue
                head = self.norms[i]
                heads = {head, head[1:] if head.startswith(("و", "ف")) else head}
                if mk[0] in heads and tuple(self.norms[i + 1 : i + len(mk)]) == mk[1:]:
                    return i, i + len(mk), False
                if len(mk) == 1 and any(h.startswith(mk[0]) and h[len(mk[0]):] in _PRONOUN_SUFFIXES for h in heads):
                    return i, i + 1, True
            if not self.punct[i]:
                seen += 1
            i += 1
        return None

    def after(self, pos: int, slot: Slot, allow_place: bool) -> tuple[list[int], bool]:
        """Arguments of a ``right after M`` slot from word ``pos``; and whether resumptive."""
        clitics = [mk[0] for mk in slot.markers if len(mk) == 1 and len(mk[0]) == 1]
        best: tuple[int, list[int], bool] | None = None
        found = self.marker(pos, slot.markers)
        if found is not None:
            i, j, resumptive = found
            if resumptive:
                return [], True
            ks, _ = self.right(j, allow_place, MARKER_GAP, phrase=True)
            if ks:
                best = (i, ks, False)
        if clitics:
            ks, _ = self.right(pos, allow_place, MARKER_GAP)
            if ks:
                a = self.args[ks[0]]
                prev = self.norms[a.first - 1] if a.first > 0 else ""
                # the proclitic may sit on the argument, stand alone, or sit on the noun a
                # nisba qualifies (للقوات الروسية)
                head = prev if a.nisba and a.first > 0 and self.is_(a.first - 1, "actor_head") else ""
                if any(a.clitic.endswith(c) or a.clitic.endswith(c + "ل") or prev == c
                       or head.startswith(c) for c in clitics):
                    if best is None or a.first < best[0]:
                        best = (a.first, ks, False)
        return (best[1] if best else []), False


def _countries(actors: Mapping[str, Actor]) -> dict[str, str]:
    """Country actors by the match form of their names and capitals (الأردن، أنقرة)."""
    return {
        match_form(name): a.id
        for a in actors.values() if a.type == "Country"
        for name in (a.name_ar, *a.aliases_ar, *a.metonyms_ar)
    }


@lru_cache(maxsize=65536)  # runs for every word and prefix set; words repeat
def _readings(word: str, prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    out = []
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 2:
            stem = word[len(p):]
            if p.endswith("لل"):
                out.append(("ال" + stem, p))
            out.append((stem, p))
    return tuple(out)


# --------------------------------------------------------------------------- role phrases


def _role_phrases(sent: _Sentence, actors: Mapping[str, Actor]) -> list[tuple[int, str, int, int]]:
    """MEMBER_OF from role phrases: (person argument, org id, first word, last word).

    Preposed (الرئيس الروسي فلاديمير بوتين، وزير الخارجية الألماني، هايكو ماس) or postposed
    (أحمد العودة القائد العام لفصيل "X"). The org is an argument of the phrase, else the
    person's parent in the gazetteer. Arguments of the phrase then stand for the person.
    """
    found = []
    for p, a in enumerate(sent.args):
        if not a.person:
            continue
        span = _role_span(sent, a.first - 1, -1) or _role_span(sent, a.last + 1, 1)
        if span is None:
            continue
        lo, hi = span
        orgs = []
        posted = False
        for i in range(lo, hi + 1):
            if sent.norms[i] in sent.rules.lexicons["posted_at"]:
                posted = True
            k = sent.arg_at[i]
            if k is not None and k != p and not sent.args[k].place and not sent.args[k].person:
                if k not in sent.owner:
                    sent.owner[k] = p
                if not posted and sent.args[k].id not in orgs:
                    orgs.append(sent.args[k].id)
        actor = actors.get(a.id)
        org = orgs[-1] if orgs else (actor.parent if actor is not None else None)
        if org and org != a.id:
            found.append((p, org, min(lo, a.first), max(hi, a.last)))
    return found


def _role_span(sent: _Sentence, start: int, step: int) -> tuple[int, int] | None:
    """Words of a role phrase next to a person, read from ``start`` away from it."""
    i = start
    has_role = False
    last_role = None
    words = 0
    coordinated = False  # الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان
    while 0 <= i < len(sent.tokens) and words < 8:
        w = sent.norms[i]
        k = sent.arg_at[i]
        if w in {"،", ",", '"', "«", "»", "“", "”"}:
            if step > 0 and words > 0 and has_role:
                break
            i += step
            continue
        if sent.is_(i, "role") or (sent.phrase_at(i, "role")[0] if step > 0 else False):
            has_role = True
            last_role = i
        elif k is not None:
            a = sent.args[k]
            if a.person and step < 0 and coordinated and not has_role:
                # the role of the first person of a coordination is the second's too
                has_role = _role_span(sent, a.first - 1, -1) is not None
                break
            if a.person or a.place:
                break
            coordinated = coordinated or (a.nisba and a.clitic.startswith("و"))
            i = a.first if step < 0 else a.last
        elif not (sent.is_(i, "role_filler") or w.isdigit()):
            break
        words += 1
        i += step
    if not has_role:
        return None
    end = i - step
    if step < 0:
        # a preposed phrase starts at its first role word (رئيس البرلمان الأردني)
        return (min(last_role, end) if last_role is not None else end), start
    return start, end


# --------------------------------------------------------------------------- triggers


def _find_triggers(sent: _Sentence) -> list[_Trigger]:
    index = sent.rules.index
    found: list[_Trigger] = []
    for i in range(len(sent.tokens)):
        if sent.punct[i] or sent.arg_at[i] is not None:
            continue  # a word of a name is no trigger (هيئة تحرير الشام)
        seen = set()
        for prefixes in (_VERB_PREFIXES, _NOUN_PREFIXES):
            for stem, prefix in sent.stems(i, prefixes):
                for suffix in _SUFFIXES:
                    if suffix and not (stem.endswith(suffix) and len(stem) - len(suffix) >= 2):
                        continue
                    base = stem[: len(stem) - len(suffix)] if suffix else stem
                    if prefix and suffix and len(base) < 4:
                        continue  # فائدة is no ف + أيد + ه
                    for rule, words in index.get(base, ()):
                        allowed = _VERB_PREFIXES if rule.pos == "verb" else _NOUN_PREFIXES
                        if prefix not in allowed or (rule.id, i) in seen:
                            continue
                        if suffix and len(words) > 1:
                            continue
                        if tuple(sent.norms[i + 1 : i + len(words)]) != words[1:]:
                            continue
                        seen.add((rule.id, i))
                        found.append(
                            _Trigger(rule, i, i + len(words) - 1, prefix, sum(map(len, words)))
                        )
    # longer (more specific) triggers win over the ones they overlap
    found.sort(key=lambda t: (-(t.last - t.first), -t.chars, t.first))
    kept: list[_Trigger] = []
    for t in found:
        if any(
            k.first <= t.last and t.first <= k.last
            and (k.last - k.first, k.chars) != (t.last - t.first, t.chars)
            for k in kept
        ):
            continue
        kept.append(t)
    kept.sort(key=lambda t: t.first)
    return kept


# --------------------------------------------------------------------------- slots


@dataclass
class _Reading:
    subjects: list[int]
    objects: list[int]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # symmetric groups


def _allow_place(rules: RelationRules, predicate: str, role: str) -> bool:
    return "place" in rules.predicates[predicate].get(f"{role}_kinds", ("actor",))


def _agent(sent: _Sentence, t: _Trigger, allow_place: bool, before: bool = True) -> list[int]:
    """The agent of a noun trigger (``before``: else an actor before it)."""
    n = len(sent.tokens)
    # a nisba right after the noun: الدعم التركي، بدعم جوي روسي
    for i in range(t.last + 1, min(n, t.last + 3)):
        if sent.stop(i):
            break
        k = sent.arg_at[i]
        if k is not None:
            if sent.args[k].nisba:
                return sent.resolve(sent.group(sent.owner.get(k, k)))
            break
    # an agent marker: نفذته، شنه، من قبل، على يد
    markers = sent.rules.lexicons["agent_marker"]
    phrases = sent.rules.phrases["agent_marker"]
    for i in range(t.last + 1, min(n, t.last + 6)):
        if sent.stop(i):
            break
        hit = 1 if sent.norms[i] in markers else next(
            (len(p) for p in phrases if tuple(sent.norms[i : i + len(p)]) == p), 0
        )
        if not hit and sent.norms[i] == "من" and i <= t.last + 2 and t.rule.object.side == "left":
            hit = 1  # بدعم من روسيا
        if hit:
            ks, _ = sent.right(i + hit, False, 4)
            if ks:
                return ks
            break
    # a genitive with ل when ل does not introduce the object (هجوم لتنظيم الدولة، قصف لقوات النظام)
    if not any(mk == ("ل",) for mk in t.rule.object.markers) and t.last + 1 < n:
        k = sent.arg_at[t.last + 1]
        if k is not None and sent.args[k].clitic.endswith("ل") and sent.usable(k, False, True):
            return sent.resolve(sent.group(sent.owner.get(k, k)))
    # a genitive: قصف النظام، دعم روسيا للنظام، هجوم «داعش»
    g = t.last + 1
    while g < n and sent.norms[g] in _COORD_SEP:
        g += 1
    if g < n and sent.norms[g] in _DEMONSTRATIVES:
        return []  # سيطرة هذا التنظيم: a genitive the gazetteer does not know
    if g < n:
        k = sent.arg_at[g]
        if k is not None and sent.usable(k, False) and not sent.args[k].clitic.endswith(_PREPOSITION_CLITICS) \
                and not sent.args[k].place:
            return sent.resolve(sent.group(sent.owner.get(k, k)))
    # else the nearest actor before, unless the noun is a cause (قتل X جراء قصف): X is its victim
    if not before or any(sent.is_(i, "cause") for i in range(max(0, t.first - 2), t.first)):
        return []
    ks = sent.left(t.first, False, limit=AGENT_WINDOW)
    if ks:
        first = min(sent.args[k].first for k in ks)
        if sent.after_victim_word(first) or any(sent.is_(i, "victim") for i in range(first, t.first)):
            return []  # قتل عناصر من X في غارات …، X قتل فيها …: X is the victim
    return ks


def _slot(sent: _Sentence, t: _Trigger, slot: Slot, allow_place: bool, start: int,
          subject: bool) -> tuple[list[int], int, bool]:
    """Arguments of a slot: (arguments, the word after them, resumptive marker?)."""
    if slot.side == "left":
        barrier = _verb_barrier(sent, t) if subject else -1
        return sent.left(t.first, allow_place, barrier=barrier, subject=subject), start, False
    if slot.side == "left near":
        return sent.left(t.first, allow_place, near=True, subject=subject), start, False
    if slot.side == "left victim":
        ks = sent.left(t.first, allow_place, subject=subject)
        first = min((sent.args[k].first for k in ks), default=0)
        if not sent.after_victim_word(first):
            ks = []
        return ks, start, False
    if slot.side in ("agent", "agent after"):
        # رحبت طهران ودمشق بالاتفاق: a noun governed by a preposition is another verb's
        # complement, the actors before it are not its parties
        proclitic = t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix
        governed = t.rule.pos == "noun" and proclitic.endswith(("ب", "ل")) \
            and sent.rules.predicates[t.rule.predicate].get("symmetric")
        return _agent(sent, t, allow_place, before=slot.side == "agent" and not governed), start, False
    if slot.side in ("right", "right near"):
        limit = 2 if slot.side == "right near" else RIGHT_WINDOW
        ks, end = sent.right(start, allow_place, limit=limit, direct=True)
        return ks, end, False
    if slot.side == "around":
        # SVO when an actor stands right before the verb (الحرس الثوري يزود حزب الله)
        adjacent = sent.left(t.first, allow_place, limit=0)
        if adjacent:
            return adjacent, start, False
        # VSO: an argument right after the verb, past adverbs of time, actor nouns and
        # role words (قصفت أمس الطائرات الروسية، التقى الرئيس الروسي فلاديمير بوتين)
        i = start if _vso_possible(sent, t) else len(sent.tokens)
        while i < len(sent.tokens) and sent.arg_at[i] is None and (
            sent.punct[i] or sent.is_(i, "time_word") or sent.is_(i, "actor_head") or sent.is_(i, "role")
            or _resumptive(sent.norms[i])
            or (sent.norms[i] == "من" and i > start and sent.is_(i - 1, "actor_head"))  # مقاتلون من X
        ):
            i += 1
        k = sent.arg_at[i] if i < len(sent.tokens) else None
        if k is not None and not sent.args[k].clitic.endswith(_PREPOSITION_CLITICS) and (
            sent.usable(k, allow_place) or k in sent.owner
        ):
            ks = sent.group(sent.owner.get(k, k))
            return sent.resolve(ks), sent.end_of(ks), False
        return sent.left(t.first, allow_place, barrier=_verb_barrier(sent, t)), start, False
    if (sent.norms[t.last],) in slot.markers and t.last > t.first:
        # the marker closes the trigger (تسعى مع، اتصال هاتفي مع): the argument follows
        ks, _ = sent.right(t.last + 1, allow_place, MARKER_GAP)
        return ks, start, False
    ks, resumptive = sent.after(start, slot, allow_place)
    return ks, start, resumptive


def _read(sent: _Sentence, t: _Trigger) -> _Reading:
    rules = sent.rules
    rule = t.rule
    symmetric = bool(rules.predicates[rule.predicate].get("symmetric"))
    if symmetric:
        pairs = _symmetric_group(sent, t)
        if len(pairs) >= 2:
            return _Reading([], [], pairs=[(a, b) for x, a in enumerate(pairs) for b in pairs[x + 1 :]])
    s_place = _allow_place(rules, rule.predicate, "subject")
    o_place = _allow_place(rules, rule.predicate, "object")
    subjects = _embedded_subject(sent, t) if rule.subject.side == "around" else []
    end = t.last + 1
    event = _event_before(sent, t) if rule.pos == "verb" and rule.subject.side in ("around", "left") else None
    if event is not None and not subjects:
        # غارات جوية استهدفت …: the verb's subject is the event, its agent is the actor
        subjects = _agent(sent, event, False) or [-1]
    if not subjects:
        subjects, end, _ = _slot(sent, t, rule.subject, s_place, t.last + 1, subject=True)
    subjects = [k for k in subjects if k >= 0]  # -1: an event without a known agent
    # a direct object stands after a VSO subject; a marker is searched from the trigger on
    after_subject = rule.object.side in ("right", "right near") and bool(subjects) \
        and sent.args[subjects[0]].first > t.last
    sent.skip = frozenset(subjects)
    sent.event_nisba = bool(rules.predicates[rule.predicate].get("object_event_nisba"))
    objects, _, resumptive = _slot(sent, t, rule.object, o_place, end if after_subject else t.last + 1,
                                   subject=False)
    sent.skip = frozenset()
    sent.event_nisba = False
    if resumptive or (not objects and rule.object.side == "right" and _after_relative(sent, t)):
        # التي تسيطر عليها المعارضة: the object is the antecedent of the relative pronoun
        objects = [k for k in sent.left(t.first, o_place, subject=False) if k not in subjects]
    if symmetric and subjects and not objects and len(subjects) >= 2:
        return _Reading([], [], pairs=[(a, b) for x, a in enumerate(subjects) for b in subjects[x + 1 :]])
    return _Reading(subjects, objects)


def _verb_barrier(sent: _Sentence, t: _Trigger) -> int:
    """For a coordinated verb (وقصفت), the last verb trigger before it: its subject search
    stops there, the subject of the verb before is carried over instead."""
    if t.rule.pos != "verb" or not t.prefix.startswith(("و", "ف")):
        return -1
    return max((v for v in sent.verbs if v < t.first), default=-1)


def _vso_possible(sent: _Sentence, t: _Trigger) -> bool:
    """An imperfect verb after a content word (انفجار عنيف يستهدف الدورية) has its subject
    before it: what follows is its object."""
    if not sent.norms[t.first][len(t.prefix):].startswith("ي") or t.prefix or t.first == 0:
        return True
    i = t.first - 1
    return sent.punct[i] or sent.stop(i) or sent.is_(i, "relative") or sent.is_(i, "time_word") or (
        sent.norms[i] in _VSO_OPENERS
    )


def _event_before(sent: _Sentence, t: _Trigger) -> _Trigger | None:
    """A noun trigger ending at most two words before a verb (غارات جوية استهدفت)."""
    if _vso_possible(sent, t) and sent.left(t.first, False, limit=0):
        return None
    seen = 0
    i = t.first - 1
    while i >= 0 and seen < 2:
        if sent.stop(i) or sent.arg_at[i] is not None:
            return None
        noun = sent.noun_triggers.get(i)
        if noun is not None:
            return noun
        if not sent.punct[i]:
            seen += 1
        i -= 1
    return None


def _embedded_subject(sent: _Sentence, t: _Trigger) -> list[int]:
    """A verb right after أن (أن تكون قد زودت X): its subject is dropped, it is the one who
    says or denies (نفت موسكو أن تكون قد زودت الوحدات), and what follows is its object."""
    i = t.first - 1
    while i >= 0 and sent.norms[i] in _AUXILIARIES:
        i -= 1
    if i < 0 or not sent.comp[i] or sent.norms[i] not in _BARE_AN:
        return []
    return _matrix_subject(sent, t)


def _matrix_subject(sent: _Sentence, t: _Trigger) -> list[int]:
    """The subject of a verb without one in a clause after أن: the one who says or denies
    it (نفت الهيئة أن تكون قد هاجمت …، أعلن الجيش أنه سيطر على …)."""
    i = t.first - 1
    while i >= 0 and t.first - i <= 4 and not sent.comp[i]:
        if sent.boundary[i] or sent.arg_at[i] is not None:
            return []
        i -= 1
    if i < 0 or not sent.comp[i]:
        return []
    cues = [c for kind in ("attribution", "negation") for c in sent.rules.cues.of(kind)]
    for j in range(i - 1, max(-1, i - 8), -1):
        if sent.stop(j):
            break
        if any(cue_at(sent.norms, j, c) for c in cues):
            return sent.right(j + 1, False, 3)[0] or sent.left(j, False, limit=0)
    return []


def _resumptive(word: str) -> bool:
    """A preposition with a pronoun (عليها، فيه، منها) pointing back to an antecedent."""
    return any(word.startswith(p) and word[len(p):] in _PRONOUN_SUFFIXES for p in _PREPOSITIONS)


def _adjunct(rule: RelationRule) -> bool:
    """Rules whose arguments after the trigger sit in a phrase of their own: participles and
    nouns whose object stands before them (بدعم من X، بغارة روسية)."""
    return _attributive(rule) or (rule.pos == "noun" and rule.object.side == "left")


def _attributive(rule: RelationRule) -> bool:
    """Participle rules (المدعومة من، التابع لـ، الخاضعة لسيطرة) describe a noun before them."""
    return "left near" in (rule.subject.side, rule.object.side)


def _right_side(reading: _Reading, t: _Trigger, sent: _Sentence) -> list[int]:
    """Arguments of a reading that stand after its trigger."""
    return [k for k in (*reading.subjects, *reading.objects) if sent.args[k].first > t.last]


def _after_relative(sent: _Sentence, t: _Trigger) -> bool:
    i = t.first - 1
    return i >= 0 and any(s in sent.rules.lexicons["relative"] for s, _ in sent.stems(i, ("", "و")))


def _symmetric_group(sent: _Sentence, t: _Trigger) -> list[int]:
    """Members of بين X و Y after the trigger, or of a nisba chain right after it."""
    n = len(sent.tokens)
    seen = 0
    for i in range(t.last + 1, n):
        if sent.stop(i) or seen > RIGHT_WINDOW + 2:
            break
        if sent.norms[i] in {"بين", "وبين"}:
            ks, _ = sent.right(i + 1, False, 4)
            ks = [k for k in ks if not sent.args[k].place]
            return ks
        if not sent.punct[i]:
            seen += 1
    # a genitive or nisba group right after the trigger: قمة تركيا وروسيا، التفاهم الروسي التركي
    i = t.last + 1
    while i < n and sent.arg_at[i] is None and sent.punct[i]:
        i += 1
    k = sent.arg_at[i] if i < n else None
    if k is not None and not sent.args[k].place and not sent.args[k].clitic.endswith(_PREPOSITION_CLITICS) \
            and sent.norms[t.last] not in _PREPOSITIONS:
        ks = sent.group(k)
        if len(ks) >= 2:
            return sent.resolve(ks)
    # a chain of nisba adjectives further on: الاتفاقات التي تم التوصل إليها خلال القمة الروسية – التركية
    seen = 0
    for i in range(t.last + 1, n):
        if sent.stop(i) or seen > RIGHT_WINDOW:
            break
        k = sent.arg_at[i]
        if k is not None and sent.args[k].nisba:
            ks = sent.group(k)
            if len(ks) >= 2 and all(sent.args[m].nisba for m in ks):
                return sent.resolve(ks)
        if not sent.punct[i]:
            seen += 1
    return []


# --------------------------------------------------------------------------- statements


def _kinds(rules: RelationRules, predicate: str, role: str) -> tuple[str, ...]:
    return tuple(rules.predicates[predicate].get(f"{role}_kinds", ("actor",)))


def _sources(sent: _Sentence) -> list[tuple[int, bool, str]]:
    """Attributions of a sentence: (word of the cue, verb of saying?, source id)."""
    found = []
    for cue_list in sent.rules.cues.of("attribution"):
        for i in range(len(sent.tokens)):
            n = cue_at(sent.norms, i, cue_list)
            if not n:
                continue
            ks, _ = sent.right(i + n, False, 3)
            ks = [k for k in ks if not sent.args[k].place]
            if not ks and cue_list.speaker == "around":
                ks = sent.left(i, False, near=True)
            if not ks:  # a media outlet is a source even where it is no actor
                ks = [k for k, a in enumerate(sent.args) if a.media and i < a.first <= i + n + 3]
            if ks:
                found.append((i, cue_list.speaker == "around", sent.args[ks[0]].id))
    return found


def _speaker(sources: Sequence[tuple[int, bool, str]], before: int) -> str | None:
    """The source a claim at word ``before`` is attributed to: the nearest verb of saying
    before it (قال X) or an according-to phrase anywhere in the sentence (وفقا لـ X)."""
    best = min(
        ((abs(before - i), source) for i, verb, source in sources if not verb or i < before),
        default=None,
    )
    return best[1] if best else None


def _clause_start(sent: _Sentence, pos: int) -> int:
    i = pos - 1
    while i >= 0 and not sent.boundary[i]:
        i -= 1
    return i + 1


def _evidence(sent: _Sentence, words: Sequence[int], sentence_span: tuple[int, int]) -> tuple[int, int]:
    start, end = sentence_span
    if end - start <= MAX_EVIDENCE:
        return start, end
    lo, hi = max(0, min(words) - 3), min(len(sent.tokens) - 1, max(words) + 3)
    return sent.tokens[lo].start, sent.tokens[hi].end


def _date(text: AnalyzedText, sentence_span: tuple[int, int], anchor: int, context):
    """The date of a relation: the sentence's, else its news item's, else the document's."""
    doc = text.document
    return statement_date(doc.text[sentence_span[0] : sentence_span[1]], doc.date, anchor=anchor,
                          context=context)


def _fits(a: _Arg, kinds: tuple[str, ...]) -> bool:
    kind = "place" if a.place else ("person" if a.person else "actor")
    return kind in kinds or (kind == "person" and "actor" in kinds)


def _words_of(sent: _Sentence, t: _Trigger, *args: _Arg) -> list[int]:
    """Words of a relation in its sentence (an argument carried over from another sentence
    has none here)."""
    words = [t.first, t.last]
    for a in args:
        if any(a is x for x in sent.args):
            words += [a.first, a.last]
    return words


def _main_actor(sent: _Sentence, statements) -> _Arg | None:
    """The actor a sentence is about: its first person, else the subject of its first
    statement."""
    person = next((a for a in sent.args if a.person), None)
    if person is not None:
        return person
    first = next(iter(statements), None)
    if first is None:
        return None
    return next((a for a in sent.args if a.id == first.subject), None)


def extract_statements(
    text: AnalyzedText,
    mentions: Sequence[Mention],
    actors: Mapping[str, Actor],
    rules: RelationRules,
) -> list[Statement]:
    """Statements of one analyzed document.

    Parameters
    ----------
    text : the analyzed document (sentences and tokens with offsets into the original)
    mentions : linked mentions (``.actor`` set: a canonical id, a minted id or ``place:…``)
    actors : every actor id the mentions use, with its type and parent
    rules : from :func:`load_relation_rules`

    Returns
    -------
    list of Statement
        One per (sentence, subject, predicate, object), in text order, with evidence,
        trigger, negation, hedging, modality, reported_by, date and confidence.

    Examples
    --------
    >>> from kg.model import Document, Mention, Actor
    >>> from kg.text import analyze
    >>> doc = Document("d1", "قصفت روسيا مدينة حلب.", date="2019-05-02")
    >>> text = analyze(doc)
    >>> ms = [Mention(5, 10, "روسيا", "ACTOR", "test", 0, actor="russia")]
    >>> st = extract_statements(text, ms, {"russia": Actor("russia", "Country", "روسيا")},
    ...                         load_relation_rules())
    >>> [(s.subject, s.predicate, s.object) for s in st]
    [('russia', 'ATTACKS', 'place:حلب')]
    """
    doc = text.document
    by_sentence: dict[int, list[Token]] = {}
    for tok in text.tokens:
        by_sentence.setdefault(tok.sentence, []).append(tok)
    mentions_by: dict[int, list[Mention]] = {}
    for m in mentions:
        mentions_by.setdefault(m.sentence, []).append(m)
    out: list[Statement] = []
    cache: dict = {}
    previous_main: _Arg | None = None
    contexts = context_dates(doc.text, [(s.start, s.end) for s in text.sentences], doc.date)
    for sentence in text.sentences:
        tokens = by_sentence.get(sentence.index)
        if not tokens:
            continue
        sent = _Sentence(text, sentence.index, tokens, mentions_by.get(sentence.index, ()), actors, rules, cache)
        span = (sentence.start, sentence.end)
        found: dict[tuple[str, str, str], Statement] = {}

        def emit(s: _Arg, predicate: str, o: _Arg, trigger_words: tuple[int, int], confidence: float,
                 mod, words: Sequence[int], reported_by: str | None) -> None:
            if s.id == o.id:
                return
            symmetric = bool(rules.predicates[predicate].get("symmetric"))
            key = (s.id, predicate, o.id)
            if symmetric:
                key = (min(s.id, o.id), predicate, max(s.id, o.id))
            old = found.get(key)
            if old is not None and old.confidence >= confidence:
                return
            ev_start, ev_end = _evidence(sent, words, span)
            t0, t1 = trigger_words
            trigger = doc.text[sent.tokens[t0].start : sent.tokens[t1].end]
            date = _date(text, span, sent.tokens[t0].start - span[0], contexts[sentence.index])
            found[key] = Statement(
                doc=doc.id, subject=s.id, predicate=predicate, object=o.id,
                s_name=s.name, o_name=o.name, sentence=sentence.index,
                start=ev_start, end=ev_end, evidence=doc.text[ev_start:ev_end], trigger=trigger,
                date=date.iso if date else None,
                date_precision=date.precision if date else None,
                date_source=date.source if date else None,
                negated=mod.negated, hedged=mod.hedged, reported_by=reported_by,
                confidence=round(confidence * (0.8 if mod.hedged else 1.0), 3),
                modality=mod.modality,
            )

        plain = Modality()  # a role is a description, not an event
        for p, org, lo, hi in _role_phrases(sent, actors):
            person = sent.args[p]
            org_arg = next((a for a in sent.args if a.id == org and lo <= a.first <= hi), None)
            o = org_arg or _Arg(0, 0, org, actors[org].name_ar if org in actors else org, 0, 0, False)
            emit(person, "MEMBER_OF", o, (lo, hi), 0.7, plain, (lo, hi), None)

        last_subjects: list[_Arg] = []
        triggers = _find_triggers(sent)
        barriers = {i for i in range(len(tokens)) if sent.is_(i, "relative")}
        sent.noun_triggers = {t.last: t for t in triggers if t.rule.pos == "noun"}
        sources = _sources(sent) if triggers else []
        readings = {id(t): _read(sent, t) for t in triggers if _adjunct(t.rule)}
        sent.verbs = [t.first for t in triggers if t.rule.pos == "verb"]
        sent.attributive_words = frozenset(
            i for t in triggers if id(t) in readings and _attributive(t.rule)
            for i in range(t.first, max([t.last] + [sent.args[k].last for k in _right_side(readings[id(t)], t, sent)]) + 1)
        )
        attached = {
            (t.first, t.last): frozenset(_right_side(readings[id(t)], t, sent))
            for t in triggers
            if id(t) in readings and readings[id(t)].subjects and readings[id(t)].objects
        }
        # جاء ذلك في مؤتمر مع …: the sentence goes on about the previous one's main actor
        opener = any(
            sent.is_(i, "anaphoric_opener") or sent.phrase_at(i, "anaphoric_opener")[0]
            for i in range(min(2, len(tokens)))
        )
        for t in triggers:
            rule = t.rule
            # arguments of the other adjunct phrases are not this trigger's
            sent.attached = frozenset().union(
                *(ks for (a, b), ks in attached.items() if b < t.first or a > t.last)
            )
            reading = readings.get(id(t)) or _read(sent, t)
            subjects = [sent.args[k] for k in reading.subjects]
            if not subjects and not reading.pairs:
                if rule.pos == "verb" and t.prefix.startswith(("و", "ف")):
                    subjects = last_subjects  # coordinated verbs share their subject
                elif rule.pos == "verb":
                    subjects = [sent.args[k] for k in _matrix_subject(sent, t)]
                if not subjects and opener and previous_main is not None and t.first <= OPENER_REACH:
                    subjects = [previous_main]
            objects = [sent.args[k] for k in reading.objects]
            if subjects and not objects and not reading.pairs and opener and previous_main is not None \
                    and t.first <= OPENER_REACH \
                    and rule.object.side in ("left", "left near") and all(a.id != previous_main.id for a in subjects):
                # وجاء التقدم بغطاء جوي روسي: backing for the previous sentence's actor
                objects = [previous_main]
            mod = modality_before(
                sent.norms, t.first, _clause_start(sent, t.first), rules.cues,
                verb_prefix=t.prefix.lstrip("وف") if rule.pos == "verb" else "", barriers=barriers,
                imperfect=rule.pos == "verb" and sent.norms[t.first][len(t.prefix):].startswith(("ي", "ت", "ن")),
            )
            if _attributive(rule):
                mod = replace(mod, modality=None)  # a description holds whatever the clause says
            reported_by = _speaker(sources, t.first)
            s_kinds = _kinds(rules, rule.predicate, "subject")
            o_kinds = _kinds(rules, rule.predicate, "object")
            pairs = [(sent.args[a], sent.args[b]) for a, b in reading.pairs] or [
                (a, b) for a in subjects for b in objects
            ]
            s_not = rules.predicates[rule.predicate].get("subject_not_types", ())
            o_not = rules.predicates[rule.predicate].get("object_not_types", ())
            for a, b in pairs:
                if not (_fits(a, s_kinds) and _fits(b, o_kinds)) or a.type in s_not or b.type in o_not:
                    continue
                emit(a, rule.predicate, b, (t.first, t.last), rule.confidence, mod,
                     _words_of(sent, t, a, b), reported_by)
            if rule.pos == "verb":
                last_subjects = subjects
            joint = [a for a in subjects if not a.place]
            if objects and rules.predicates[rule.predicate].get("joint_action") and len(joint) >= 2 \
                    and not mod.negated:
                # a joint action of several actors (ضربة ثلاثية) is cooperation between them
                for x, a in enumerate(joint):
                    for b in joint[x + 1 :]:
                        emit(a, "COOPERATES_WITH", b, (t.first, t.last), rule.confidence * 0.7, mod,
                             _words_of(sent, t, a, b), reported_by)
        for s_id, p, o_id in list(found):
            # a pair that fights in this sentence (تبادلت X و Y القصف) is no joint action
            if p == "FIGHTS" and (s_id, "COOPERATES_WITH", o_id) in found \
                    and found[(s_id, "COOPERATES_WITH", o_id)].trigger != found[(s_id, p, o_id)].trigger:
                del found[(s_id, "COOPERATES_WITH", o_id)]
        previous_main = _main_actor(sent, found.values())
        out.extend(found.values())
    return out
