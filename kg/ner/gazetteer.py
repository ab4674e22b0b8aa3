"""Gazetteer mention finder: actor names, aliases, nisba adjectives, metonyms, acronyms.

Matching sees through Arabic proclitics (و ف ب ل ك and the article ال, ``لل``) on the
first word of a name and through the inflection of nisba adjectives (روسي روسية روسيون
روسيين روسيان الروس ...). The longest match wins; ties are broken by form (a name before
an acronym, a metonym or a nisba) and then by position, so the result is deterministic.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Actor, AnalyzedText, Mention, Token
from kg.ner.base import MentionFinder
from kg.text import NOUN_PROCLITICS, clitic_letters, in_lexicon, letters_offset, match_form, normalize, tokenize

__all__ = ["GazetteerMentionFinder", "nisba_forms", "proclitic_stems"]

# Preference among forms when two matches cover the same tokens.
_FORM_RANK = {"name": 0, "alias": 1, "acronym": 2, "metonym": 3, "nisba": 4}
# Inflectional endings of a nisba adjective (in match form: ة is ه).
_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")
# Words before a capital that make it a place, not a political actor (مطار دمشق).
_LOCATIVE = frozenset(
    match_form(w)
    for w in (
        "في", "إلى", "الى", "من", "قرب", "نحو", "داخل", "خارج", "حول", "ريف", "مدينة",
        "العاصمة", "عاصمة", "مطار", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
        "محيط", "أطراف", "وسط", "عبر", "باتجاه", "ضواحي", "محافظة",
    )
)
# What follows a city in a dateline (بيروت (أ ف ب) -، أنقرة/ الأناضول، دمشق - سانا).
_DATELINE_NEXT = frozenset({"(", "/", "-", "–", "—", ":"})
# Prepositions that end some roles (القيادي في، المتحدث باسم), in match form.
_ROLE_PREPOSITIONS = frozenset(match_form(w) for w in ("في", "ل", "لدى", "باسم", "بلسان", "عن"))
# Proclitic prefixes that may stand before a name, longest first.
_PREFIXES = NOUN_PROCLITICS[::-1]
# Dashes and quotes that may stand between the words of a name (الجبهة الشعبية لتحرير
# فلسطين – القيادة العامة، قناة «المنار»); a name is matched with or without them. The
# normalizer writes every quote as ".
_INSIDE_NAME = frozenset({"-", "–", "—", '"'})
# A kunya (أبو محمد) in the genitive and accusative (المعروف بأبي محمد، إن أبا محمد).
_KUNYA_CASES = {"ابو": ("ابي", "ابا")}


@lru_cache(maxsize=65536)  # words repeat across a corpus; this runs for every token
def proclitic_stems(word: str) -> tuple[tuple[str, str], ...]:
    """Readings of a word (match form) with proclitics removed, the word itself first.

    Each reading is ``(stem, prefix)``: the stem to look up and the prefix removed.

    >>> [s for s, _ in proclitic_stems("وبالروسية")]
    ['وبالروسية', 'روسية', 'الروسية', 'بالروسية']
    """
    readings = {word: ""}
    for prefix in _PREFIXES:
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 2:
            stem = word[len(prefix):]
            if prefix.endswith("لل"):
                readings.setdefault("ال" + stem, prefix)
            readings.setdefault(stem, prefix)
    return tuple(readings.items())


def nisba_forms(base: str) -> list[str]:
    """Inflected forms of a nisba adjective (match form, without the article).

    >>> nisba_forms("روسي")[:4]
    ['روسي', 'روسيه', 'روسيون', 'روسيين']
    """
    base = match_form(base)
    stem = base[:-1] if base.endswith("ي") else base
    return [stem + "ي" + e if e else base for e in _NISBA_ENDINGS]


def _key(name: str, article: bool = False) -> tuple[str, ...]:
    """Token key of a name: match-form tokens, the article dropped from the first unless
    ``article`` (an actor's الفصائل matches فصائل, but a place written with the article
    matches only with it: الحسكة, not the family name حسكة; الدانا, not the name دانا;
    proclitic readings of a word keep the article: والحسكة → الحسكة)."""
    norm = normalize(name).text
    words = [match_form(norm[a:b]) for a, b in tokenize(norm)]
    if not article and words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return tuple(words)


@dataclass(frozen=True)
class _Entry:
    key: tuple[str, ...]
    target: str  # actor id or place id
    label: str  # ACTOR or PLACE
    form: str


class GazetteerMentionFinder(MentionFinder):
    """Finds mentions of known actors and places.

    A territory (سوريا) is a place, except right after the word of an office that takes an
    organization (مندوب سوريا، سفير سوريا، وزير خارجية سوريا): there it names the state
    that governs it, the actor ``<territory id>.gov`` (syria.gov) where the gazetteer has it.

    Parameters
    ----------
    actors : mapping of actor id to :class:`~kg.model.Actor`
    places : mapping of place id (``place:<name>``) to its Arabic names, optional
    state_words : iterable of str, optional
        The office words after which a territory names its state. Default: the last word of
        every role of schema/roles.jsonl that takes an organization (مندوب، سفير، خارجية).
    """

    name = "gazetteer"

    def __init__(self, actors: Mapping[str, Actor], places: Mapping[str, Iterable[str]] | None = None,
                 state_words: Iterable[str] | None = None):
        self._index: dict[str, list[_Entry]] = {}
        self._context: dict[str, frozenset[str]] = {}
        # a country named after a locative (في لبنان) and a territory (سوريا) are places
        self._countries = {a.id for a in actors.values() if a.type == "Country"}
        self._territories = {a.id for a in actors.values() if a.territory}
        self._states = {t: t + ".gov" for t in self._territories if t + ".gov" in actors}
        if state_words is None and self._states:
            from kg.ner.roles import load_roles  # the role lexicon (kg.ner.roles imports this module)

            # the office nouns, not the prepositions some roles end in (القيادي في، المتحدث باسم)
            state_words = (r.words[-1] for r in load_roles() if "org" in r.takes
                           and r.words[-1] not in _ROLE_PREPOSITIONS)
        self._state_words = frozenset(match_form(w) for w in state_words or ())
        for actor in actors.values():
            for form, names in (
                ("name", [actor.name_ar]),
                ("alias", actor.aliases_ar),
                ("acronym", actor.acronyms_ar),
                ("metonym", actor.metonyms_ar),
            ):
                for n in names:
                    for key in _case_forms(_key(n)):
                        self._add(key, actor.id, "ACTOR", form)
            for base in actor.nisba_ar:
                for f in nisba_forms(base):
                    self._add((f,), actor.id, "ACTOR", "nisba")
            for n in (actor.name_en, *actor.aliases_en):
                if n and n.isascii():
                    self._add(tuple(n.split()), actor.id, "ACTOR", "alias")
            if actor.requires_context_ar:
                self._context[actor.id] = frozenset(match_form(w) for w in actor.requires_context_ar)
        for place_id, names in (places or {}).items():
            for n in names:
                self._add(_key(n, article=True), place_id, "PLACE", "name")

    def _add(self, key: tuple[str, ...], target: str, label: str, form: str) -> None:
        if not key:
            return
        entries = self._index.setdefault(key[0], [])
        entry = _Entry(key, target, label, form)
        if entry not in entries:
            entries.append(entry)

    def _listed_after_from(self, tokens: tuple[Token, ...], i: int, n: int, entry: _Entry) -> bool:
        """Whether a country after من heads a list of countries (طائرات من السعودية والإمارات
        والأردن): the list names the states taking part, not where something comes from."""
        if match_form(tokens[i - 1].norm.lstrip("وف")) != "من" or entry.target not in self._countries \
                or i + n >= len(tokens) or not tokens[i + n].norm.startswith("و"):
            return False
        return any(e.target in self._countries and e.form in ("name", "alias")
                   for e, _, _ in self._match_at(tokens, i + n))

    def _match_at(self, tokens: tuple[Token, ...], i: int):
        """Entries matching at token ``i``, with the proclitic prefix removed."""
        for stem, prefix in proclitic_stems(tokens[i].norm):
            for entry in self._index.get(stem, ()):
                n = _matched_length(tokens, i, entry.key)
                if n:
                    yield entry, n, prefix

    def find(self, text: AnalyzedText) -> list[Mention]:
        doc = text.document.text
        mentions: list[Mention] = []
        for sentence in text.sentences:
            tokens = text.sentence_tokens(sentence.index)
            candidates = []
            for i in range(len(tokens)):
                for entry, n, prefix in self._match_at(tokens, i):
                    previous = {t.norm for t in tokens[max(0, i - 2) : i]}
                    required = self._context.get(entry.target)
                    if required and not (previous & required) and not _quoted(doc, tokens, i, n):
                        continue
                    label, target = entry.label, entry.target
                    locative = "ب" in prefix or (i > 0 and in_lexicon(tokens[i - 1].norm, _LOCATIVE)
                                                 and not self._listed_after_from(tokens, i, n, entry))
                    if sentence.index == 0 and not prefix and _dateline(tokens, i, n) and (
                        entry.form == "metonym" or entry.target in self._countries
                    ):
                        label = "PLACE"  # a capital in the dateline is where, not who
                        target = "place:" + normalize(doc[tokens[i].start : tokens[i + n - 1].end]).text
                    elif entry.target in self._states and not prefix and i > 0 \
                            and in_lexicon(tokens[i - 1].norm, self._state_words):
                        target = self._states[entry.target]  # مندوب سوريا: the state
                    elif entry.target in self._territories or locative and (
                        entry.form == "metonym"
                        or entry.target in self._countries and entry.form in ("name", "alias")
                    ):
                        label = "PLACE"
                        start = tokens[i].start + letters_offset(tokens[i].surface, clitic_letters(prefix))
                        target = "place:" + normalize(doc[start : tokens[i + n - 1].end]).text
                    candidates.append((i, n, entry.form, label, target, prefix))
            # longest first, then the better form, then the earlier position
            candidates.sort(key=lambda c: (-c[1], _FORM_RANK[c[2]], c[0]))
            taken = [False] * len(tokens)
            for i, n, form, label, target, prefix in candidates:
                if any(taken[i : i + n]):
                    continue
                for k in range(i, i + n):
                    taken[k] = True
                first, last = tokens[i], tokens[i + n - 1]
                start = first.start + letters_offset(first.surface, clitic_letters(prefix))
                mentions.append(
                    Mention(
                        start=start,
                        end=last.end,
                        text=doc[start : last.end],
                        label=label,
                        finder=self.name,
                        sentence=sentence.index,
                        actor=target,
                        form=form,
                    )
                )
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions


def _case_forms(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name's key and, for a kunya (أبو محمد الجولاني), its genitive and accusative keys
    (أبي محمد الجولاني، أبا محمد الجولاني)."""
    if not key:
        return [key]
    return [key, *((case, *key[1:]) for case in _KUNYA_CASES.get(key[0], ()))]


def _matched_length(tokens: tuple[Token, ...], i: int, key: tuple[str, ...]) -> int:
    """How many tokens from ``i`` spell ``key`` after its first word, with a dash or a quote
    the key does not have passed between two of its words; 0 if they do not."""
    n, k, quotes = 1, 1, 0
    while k < len(key):
        if i + n >= len(tokens):
            return 0
        norm = tokens[i + n].norm
        if norm == key[k]:
            k += 1
        elif not (norm in _INSIDE_NAME and i + n + 1 < len(tokens)) \
                or (norm == '"' and i > 0 and tokens[i - 1].norm == '"'):
            return 0  # a quote after a quoted name closes it («اللجنة المركزية» في درعا)
        quotes += norm == '"'
        n += 1
    if quotes % 2 and i + n < len(tokens) and tokens[i + n].norm == '"':
        n += 1  # the quote that closes the one opened inside the name (قناة «المنار»)
    return n


def _dateline(tokens: tuple[Token, ...], i: int, n: int) -> bool:
    """Whether tokens ``i .. i+n`` are a city of the dateline that opens a document: first
    in it, or after another dateline city and a slash (بيروت/واشنطن (رويترز) -)."""
    if i + n >= len(tokens) or tokens[i + n].surface not in _DATELINE_NEXT:
        return False
    return i == 0 or (i >= 2 and tokens[i - 1].surface == "/" and i <= 4)


def _quoted(doc: str, tokens: tuple[Token, ...], i: int, n: int) -> bool:
    """Whether tokens ``i .. i+n`` stand between quotes (a title: "الشرق الأوسط")."""
    return (
        i > 0
        and i + n < len(tokens)
        and tokens[i - 1].surface in {'"', "«", "“"}
        and tokens[i + n].surface in {'"', "»", "”"}
    )
