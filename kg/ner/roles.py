"""Role + name patterns: people named together with their office.

"وزير الخارجية الروسي سيرغي لافروف", "الناطق الرسمي باسم الجبهة الوطنية للتحرير ناجي
مصطفى", "قائد جيش العزة جميل الصالح" and appositions such as "أحمد العودة، القائد العام
لفصيل شباب السنة" give a PER mention of the person with the role words and the
organization (from a nisba adjective or an organization the gazetteer knows). The person's
actor id is set when the gazetteer knows the name; otherwise the linker mints one.

The role words come from schema/roles.jsonl and the words that bound a name (particles,
reporting verbs, honorifics, qualifiers) from schema/name_words.jsonl; this module only
reads them and walks the tokens.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.gazetteer import read_validated
from kg.model import Actor, AnalyzedText, Mention, Token
from kg.ner.base import MentionFinder
from kg.ner.gazetteer import proclitic_stems
from kg.resources import schema_file
from kg.text import in_lexicon, letters_offset, match_form, normalize

__all__ = ["RolePattern", "load_roles", "load_name_words", "RoleMentionFinder"]

# Longest unknown name taken after a role, and before one (apposition).
_MAX_NAME = 4
_MAX_NAME_BEFORE = 3
_LETTERS = re.compile("^[\u0621-\u064a]+$")
_COMMAS = frozenset({"،", ","})
# Quotes around an organization (المتحدث باسم «قسد»); the normalizer makes them all ".
_QUOTES = frozenset({'"', "'", "«", "»", "“", "”"})
# Words after an organization that say where an envoy or representative is posted
# (المبعوث الروسي إلى سوريا، مندوب روسيا لدى الأمم المتحدة), skipped with what they name.
_POSTED = frozenset({"الي", "لدي", "في"})
# Words that open the domain of an office (مستشار المرشد للشؤون الدولية، مساعد الوزير
# لشؤون الشرق الأوسط), in match form; the domain is skipped with the words it governs.
_DOMAIN = frozenset(match_form(w) for w in ("للشؤون", "لشؤون", "لشئون", "للشئون", "بشؤون", "لملف", "لحقوق"))
# Participles of affiliation after an organization (قائد «مجلس X» المنضوي في صفوفها
# فلان), in match form: skipped with the preposition phrase they govern (في صفوفها، لها).
_AFFILIATED = frozenset(match_form(w) for w in (
    "المنضوي", "المنضوية", "التابع", "التابعة", "المنضم", "المنضمة", "المنخرط", "المنخرطة"))
_MAX_AFFILIATION = 3
# Relative pronouns that open a role after its organization (الفرقة الرابعة، التي يقودها
# فلان), in match form, with the gender they agree in; and how far back the organization
# may stand.
_RELATIVES = {match_form("التي"): True, match_form("الذي"): False}
_MAX_ANTECEDENT = 8
# The longest domain phrase and the longest parenthesis skipped after an organization.
_MAX_DOMAIN = 4
_MAX_PAREN = 5
# The longest organ named only by its nisba after a role (باسم هيئة الأركان العامة الإيرانية،
# باسم المجلس الأعلى للأمن القومي الإيراني).
_MAX_ORGAN = 4


@dataclass(frozen=True)
class RolePattern:
    """One entry of the role lexicon (schema/roles.jsonl)."""

    role_ar: str
    title_en: str
    takes: frozenset[str]  # "nisba", "org"
    needs_org: bool
    org: str | None = None
    unit: str | None = None  # id suffix of the organ the role heads: "mod" in russia.mod
    relation: str = "MEMBER_OF"
    in_names: bool = False  # the first role word also occurs inside names (أمير)
    org_before: bool = False  # the organization precedes the role words (X بزعامة Y)
    name_before: bool = False  # read the name before the role too (فلان أحد قادة X)
    dual: bool = False  # the role names two people (وزيرا الخارجية X وY)

    @property
    def words(self) -> tuple[str, ...]:
        """The role words in match form."""
        return tuple(match_form(w) for w in self.role_ar.split())


def load_roles(path: str | Path | None = None) -> list[RolePattern]:
    """The role lexicon of ``path`` or the one that ships with kg (schema/roles.jsonl).

    Raises
    ------
    GazetteerError
        naming ``file:line`` of an entry that breaks schema/roles.schema.json.

    Examples
    --------
    >>> roles = {r.role_ar: r for r in load_roles()}
    >>> sorted(roles["وزير الخارجية"].takes)
    ['nisba', 'org']
    """
    path = str(path or schema_file("roles.jsonl"))
    return list(_roles(path, _mtime(path)))


def _mtime(path: str) -> float:
    try:
        return Path(path).stat().st_mtime
    except OSError:
        return 0.0  # read_validated names the missing file


@lru_cache(maxsize=8)  # the gazetteer finder and the role finder both read the lexicon
def _roles(path: str, mtime: float) -> tuple[RolePattern, ...]:
    return tuple(
        RolePattern(
            role_ar=e["role_ar"], title_en=e["title_en"], takes=frozenset(e["takes"]),
            needs_org=e["needs_org"], org=e.get("org"), unit=e.get("unit"), relation=e["relation"],
            in_names=e.get("in_names", False), org_before=e.get("org_before", False),
            name_before=e.get("name_before", False), dual=e.get("dual", False),
        )
        for _, e in read_validated(path, "roles.schema.json")
    )


def load_name_words(path: str | Path | None = None) -> dict[str, str]:
    """Words that bound names (schema/name_words.jsonl): match form → kind.

    Kinds: ``honorific`` (skipped before a name), ``qualifier`` (skipped after a role),
    ``group`` (skipped before an organization), ``compound`` (عبد، أبو: the next word
    belongs to the name even with the article), ``stop`` and ``verb`` (never in a name).

    >>> load_name_words()["قال"]
    'verb'
    """
    path = str(path or schema_file("name_words.jsonl"))
    return {match_form(w): kind for w, kind in _name_words(path, _mtime(path))}


@lru_cache(maxsize=8)
def _name_words(path: str, mtime: float) -> tuple[tuple[str, str], ...]:
    return tuple((e["word"], e["kind"]) for _, e in read_validated(path, "name_words.schema.json"))


def _alef_maqsura_words(path: str | Path | None = None) -> frozenset[str]:
    """Boundary words written with a final ى (على، إلى), in match form: the same word with a
    final ي is a name (علي), so these only bound a name where the text writes ى."""
    path = str(path or schema_file("name_words.jsonl"))
    words = _name_words(path, _mtime(path))
    return frozenset(match_form(w) for w, _ in words if w.endswith("ى"))


@dataclass(frozen=True)
class _Found:
    """A gazetteer mention placed on the tokens of its sentence."""

    first: int  # index of the token the mention starts in
    last: int  # index of the token it ends in
    mention: Mention


class RoleMentionFinder(MentionFinder):
    """Finds people named with their role (PER mentions, ``form="role"``).

    Parameters
    ----------
    gazetteer : MentionFinder
        The gazetteer finder (:class:`~kg.ner.gazetteer.GazetteerMentionFinder`); its
        mentions name the organizations and nisba states after a role and the known people.
    actors : mapping of actor id to Actor, optional
        The gazetteer's actors, to tell a known person from an organization in the name
        slot. Without it, any name or alias the gazetteer finds there counts as the person.
    roles : list of RolePattern, optional
        Default: :func:`load_roles`.
    name_words : dict, optional
        Default: :func:`load_name_words`.

    Examples
    --------
    >>> from kg.gazetteer import load_gazetteer
    >>> from kg.model import Document
    >>> from kg.ner.gazetteer import GazetteerMentionFinder
    >>> from kg.text import analyze
    >>> actors = load_gazetteer()
    >>> finder = RoleMentionFinder(GazetteerMentionFinder(actors), actors)
    >>> doc = Document("d", "وقال قائد جيش العزة سامر الحلبي إن الهجوم فشل")
    >>> [(m.text, m.role, m.org, m.actor) for m in finder.find(analyze(doc))]
    [('سامر الحلبي', 'قائد', 'jaysh_al_izza', None)]
    """

    name = "role"

    def __init__(
        self,
        gazetteer: MentionFinder,
        actors: Mapping[str, Actor] | None = None,
        roles: Iterable[RolePattern] | None = None,
        name_words: Mapping[str, str] | None = None,
    ):
        self._gazetteer = gazetteer
        self._actors = actors
        self._words = dict(load_name_words() if name_words is None else name_words)
        self._maqsura = _alef_maqsura_words() if name_words is None else frozenset()
        self._roles: dict[str, list[RolePattern]] = {}
        for role in load_roles() if roles is None else roles:
            self._roles.setdefault(role.words[0], []).append(role)
        for patterns in self._roles.values():
            patterns.sort(key=lambda r: -len(r.words))
        # first words of roles, which cannot be part of a name (وتوعد مستشار، وزير الداخلية),
        # unless some role says its word also occurs in names (أمير)
        self._role_words = frozenset(
            w for w, patterns in self._roles.items()
            if not w.startswith("ال") and not any(r.in_names for r in patterns)
        )

    def find(self, text: AnalyzedText) -> list[Mention]:
        found = self._gazetteer.find(text)
        mentions: list[Mention] = []
        for sentence in text.sentences:
            tokens = text.sentence_tokens(sentence.index)
            placed = _place(tokens, [m for m in found if m.sentence == sentence.index])
            i = 0
            while i < len(tokens):
                hit = self._match_at(text.document.text, tokens, placed, i, found)
                if hit is None:
                    i += 1
                    continue
                found_here, i = hit
                mentions.extend(found_here)
        return mentions

    # -- one role at token i -------------------------------------------------------------

    def _match_at(self, doc: str, tokens, placed, i, found: Sequence[Mention] = ()):
        """``(mentions, next token index)`` for a role starting at token ``i``, or None;
        ``found`` are the gazetteer mentions of the document, for organizations named
        again by their head noun. A dual role (وزيرا الخارجية X وY) gives two mentions."""
        for role in self._role_patterns(tokens, i):
            after_role = i + len(role.words)
            if role.org_before:
                org, j = self._org_before(tokens, placed, i, role), self._skip(tokens, after_role, "qualifier")
            else:
                org, j = self._complement(role, tokens, placed, after_role)
            if org is None and "org" in role.takes and not role.org_before:
                org, j = self._named_before(tokens, placed, after_role, found) or (org, j)
            person = self._name_after(tokens, placed, j, role, org)
            if role.needs_org and org is None:
                # a role without its organization, or with a head noun that names none of the
                # document (الأمين العام للمنظمة), before a person the gazetteer knows: the
                # person's own organization
                if person is None and j < len(tokens) and _definite_head(tokens[j]):
                    j += 1
                    person = self._name_after(tokens, placed, j, role, org)
                # a role that ends in a construct noun right before the name (وزير خارجية
                # الأسد) is the officer of that person, not the person
                last_word = role.role_ar.split()[-1]
                construct = j == after_role and not role.org_before and not last_word.startswith("ال") \
                    and not last_word.endswith(("ه", "ها", "هم", "هما"))
                org = self._own_org(person[2], role) if person is not None and not construct else None
                if org is None:
                    continue
            if person is not None and role.name_before and person[2] is None:
                person = None  # an unknown name after أحد قادة X is too often a noun phrase
            if person is None and self._actors is None and not role.needs_org and org != role.org:
                # without actor types, what looked like the organization may be the person
                org = role.org
                person = self._name_after(tokens, placed, after_role, role, org)
            if person is None and (role.role_ar.startswith("ال") or role.name_before) \
                    and org and org != role.org:
                # a role named by a nisba (الرئيس الإيراني) follows a name only after a comma:
                # without one it is mostly governed by a noun (إدارة الرئيس الإيراني)
                comma = i > 0 and tokens[i - 1].norm in _COMMAS
                by_nisba = any(f.mention.form == "nisba" for k, f in placed.items() if after_role <= k < j)
                if comma or not by_nisba:
                    person = self._name_before(tokens, placed, i, strict=role.name_before)
            if person is None:
                continue
            start, end, actor, last = person
            org = self._organ(org, role) if org else None
            people = [(start, end, actor, org or (self._own_org(actor, role) if role.dual else None))]
            second = self._second_person(tokens, placed, last + 1) if role.dual else None
            if second is not None:  # each of two ministers is a member of his own state
                start, end, actor, last = second
                people.append((start, end, actor, self._own_org(actor, role)))
            mentions = [
                Mention(
                    start=start, end=end, text=doc[start:end], label="PER", finder=self.name,
                    sentence=tokens[i].sentence, actor=actor, form="role", role=role.role_ar, org=org,
                )
                for start, end, actor, org in people
            ]
            return mentions, max(last + 1, i + 1)
        return None

    def _second_person(self, tokens, placed, k: int):
        """``(start, end, actor, last token)`` of a known person joined by و at token ``k``
        (وزيرا الخارجية X وY), or None."""
        f = placed.get(k)
        if f is None or not tokens[k].norm.startswith("و") or f.mention.start <= tokens[k].start \
                or f.mention.label != "ACTOR" or not self._is_person(f.mention, unknown=False):
            return None
        return f.mention.start, f.mention.end, f.mention.actor, f.last

    def _own_org(self, actor_id: str | None, role: RolePattern) -> str | None:
        """The organization the gazetteer gives a known person: of his role with these
        role words (رئيس مجلس النواب نبيه بري: lebanon, not his party), else his parent."""
        actor = self._actors.get(actor_id or "") if self._actors is not None else None
        if actor is None:
            return None
        words = " ".join(role.words)
        held = [r.org for r in actor.roles if r.title_ar and match_form(r.title_ar).startswith(words)]
        return held[0] if held else actor.parent

    def _role_patterns(self, tokens, i) -> list[RolePattern]:
        """Role patterns whose words stand at token ``i``, longest first."""
        result = []
        for stem, prefix in proclitic_stems(tokens[i].norm):
            # the article belongs to the role words (الرئيس), so readings that drop it are
            # not role readings
            if prefix.endswith("ال") or (prefix.endswith("لل") and not stem.startswith("ال")):
                continue
            for role in self._roles.get(stem, ()):
                rest = role.words[1:]
                if tuple(t.norm for t in tokens[i + 1 : i + 1 + len(rest)]) == rest:
                    result.append(role)
        result.sort(key=lambda r: -len(r.words))
        return result

    def _complement(self, role: RolePattern, tokens, placed, j) -> tuple[str | None, int]:
        """The organization after the role words at token ``j`` and the token after it."""
        org = role.org
        j = self._skip_domain(tokens, self._skip(tokens, j, "qualifier"))
        found, quoted = _placed_in_quotes(tokens, placed, j)
        if found is None and "org" in role.takes and j < len(tokens) \
                and self._kind(tokens[j]) == "group":
            j += 1
            found, quoted = _placed_in_quotes(tokens, placed, j)
        if found is None and "org" in role.takes and j + 1 < len(tokens) and tokens[j].norm == "في":
            # رئيس هيئة الأركان في الجيش الحر، المستشار في «الحرس الثوري» (a country there is a place)
            found, quoted = _placed_in_quotes(tokens, placed, j + 1)
        if found is None and "org" in role.takes:
            found = self._organ_nisba(tokens, placed, j)  # باسم الجيش الإسرائيلي
        if found is not None and found.mention.start > tokens[found.first].start \
                and tokens[found.first].norm[:1] in ("و", "ف"):
            found = None  # a conjoined actor (الرئيس والنظام) is no complement of the role
        if found is not None and found.mention.label == "ACTOR" \
                and not self._is_person(found.mention, unknown=False):
            is_nisba = found.mention.form == "nisba"
            if ("nisba" in role.takes and is_nisba) or ("org" in role.takes and not is_nisba) \
                    or (found.first > j and "org" in role.takes):
                org, j = found.mention.actor, found.last + 1
                if quoted and j < len(tokens) and tokens[j].norm in _QUOTES:
                    j += 1
                j = self._skip_paren(tokens, self._skip(tokens, j, "qualifier"))
                after = placed.get(j)
                if after is not None and after.mention.form == "nisba" and after.mention.actor == org:
                    j = after.last + 1  # "الحكومة السورية" after a role: the nisba repeats it
                j = self._skip_affiliation(tokens, self._skip(tokens, j, "qualifier"))
        for _ in range(3):  # where the office is held, and for what (في دمشق، للتحالف الدولي)
            k = self._skip_domain(tokens, j)
            if k < len(tokens) and tokens[k].norm in _POSTED and (k + 1) in placed:
                k = placed[k + 1].last + 1
            elif k in placed and tokens[k].norm.startswith("ل") and placed[k].mention.label != "PER" \
                    and not self._is_person(placed[k].mention, unknown=False) \
                    and placed[k].mention.start > tokens[k].start:
                k = placed[k].last + 1  # المبعوث الأمريكي للتحالف الدولي
            k = self._skip(tokens, k, "qualifier")
            if k == j:
                break
            j = k
        return org, j

    def _org_before(self, tokens, placed, i: int, role: RolePattern) -> str | None:
        """The organization that ends just before the role words at token ``i``, past a
        closing quote («حركة X» بزعامة Y); for a role opened by a relative pronoun
        (التي يقودها، الذي يتزعمه), the nearest organization before it that agrees with the
        pronoun («الفرقة الرابعة» في جيش النظام، التي يقودها فلان); or None."""
        def is_org(f: _Found) -> bool:
            return f.mention.label == "ACTOR" and f.mention.form != "nisba" \
                and not self._is_person(f.mention, unknown=False)

        feminine = _RELATIVES.get(role.words[0])
        if feminine is not None:
            before = sorted((f for f in placed.values() if f.last < i and i - f.last <= _MAX_ANTECEDENT),
                            key=lambda f: -f.last)
            agreeing = [f for f in before if is_org(f) and _feminine(f.mention.text) == feminine]
            return agreeing[0].mention.actor if agreeing else None
        k = i - 1
        if k >= 0 and tokens[k].norm in _QUOTES:
            k -= 1
        ending = [f for f in placed.values() if f.last == k]
        return ending[0].mention.actor if ending and is_org(ending[0]) else None

    def _named_before(self, tokens, placed, j: int, found: Sequence[Mention]) -> tuple[str, int] | None:
        """``(organization, next token)`` for a definite head noun at token ``j`` that names
        again an organization of the document named in full before it (المتحدث باسم
        المجلس after مجلس منبج العسكري, الأمين العام للجامعة after جامعة الدول العربية):
        the latest organization named before it with a name that opens with that noun."""
        j = self._skip(tokens, j, "qualifier")
        if j >= len(tokens) or j in placed or self._actors is None:
            return None
        head = _definite_head(tokens[j])
        if not head:
            return None
        for m in sorted(found, key=lambda m: -m.start):
            actor = self._actors.get(m.actor or "")
            if m.start >= tokens[j].start or actor is None or actor.type == "Person" \
                    or m.form == "nisba":
                continue
            words = _long_name(m.text)
            if words and words[0] == head:  # with the words of the full name that follow it
                k = j + 1 + _shared_start(words[1:], tokens[j + 1:])
                if k < len(tokens) and _has_article(tokens[k]) and self._kind(tokens[k]) is None:
                    return None  # the noun opens another name (المجلس الأعلى للأمن القومي)
                return actor.id, k
        return None

    def _organ_nisba(self, tokens, placed, j: int):
        """The nisba after the unnamed organ at token ``j`` (الجيش الإسرائيلي، وزارة الدفاع
        التركية، هيئة الأركان العامة الإيرانية): up to four words the gazetteer does not
        know, then a nisba adjective, which names the organization."""
        for k in range(j, min(len(tokens), j + _MAX_ORGAN + 1)):
            found = placed.get(k)
            if found is not None:
                return found if k > j and found.mention.form == "nisba" else None
            if not _LETTERS.match(tokens[k].norm) or self._kind(tokens[k]) == "verb":
                return None
        return None

    def _skip_domain(self, tokens, j: int) -> int:
        """The token after a domain phrase at ``j`` (للشؤون الدولية، لشؤون مكافحة الإرهاب)."""
        if j >= len(tokens) or tokens[j].norm not in _DOMAIN:
            return j
        k = j + 2  # the domain word and the word it governs
        while k < len(tokens) and k - j < _MAX_DOMAIN and (
            _has_article(tokens[k]) or tokens[k].norm.startswith("وال")
        ) and self._kind(tokens[k]) is None:
            k += 1
        return min(k, len(tokens))

    def _skip_affiliation(self, tokens, j: int) -> int:
        """The token after an affiliation participle at ``j`` and its preposition phrase
        (المنضوي في صفوفها، التابع لها), where a name follows; else ``j``."""
        if j >= len(tokens) or tokens[j].norm not in _AFFILIATED:
            return j
        for k in range(j + 2, min(len(tokens), j + _MAX_AFFILIATION + 1)):
            if tokens[k - 1].norm[-2:] in ("ها", "هم") or tokens[k - 1].norm in ("له", "لها", "لهم"):
                return k  # the phrase ends with the pronoun that points back to the larger group
        return j

    @staticmethod
    def _skip_paren(tokens, j: int) -> int:
        """The token after a short parenthesis at ``j`` ((البنتاغون)، (قسد))."""
        if j < len(tokens) and tokens[j].norm == "(":
            for k in range(j + 1, min(len(tokens), j + _MAX_PAREN + 1)):
                if tokens[k].norm == ")":
                    return k + 1
        return j

    def _name_after(self, tokens, placed, j, role: RolePattern, org: str | None):
        """``(start, end, actor, last token)`` of the name at token ``j``, or None."""
        if j < len(tokens) and tokens[j].norm in _COMMAS:
            j += 1
        if j not in placed:
            j = self._skip(tokens, j, "honorific")
        found = placed.get(j)
        if found is not None:
            m = found.mention
            if m.label == "ACTOR" and self._is_person(m) and m.start == tokens[j].start:
                return m.start, m.end, m.actor, found.last
            return None
        k = j
        while k < len(tokens) and k - j < _MAX_NAME and k not in placed and self._name_like(tokens[k]):
            if k - j >= 2 and tokens[k].norm.startswith("و"):
                break  # a word with و after two words of a name opens the next clause (علي صالح وأتاحت)
            k += 1
            if self._ends_name(tokens, j, k - 1):
                break
        if k > j and not _has_article(tokens[j]) and k in placed and k - j < _MAX_NAME \
                and not ("org" in role.takes and tokens[j].norm.startswith("ل")):
            m = placed[k].mention
            if m.label == "ACTOR" and self._is_person(m) and self._actors is not None \
                    and m.start == tokens[k].start:
                # a fuller name of a known person (عادل بن أحمد الجبير → عادل الجبير)
                return tokens[j].start, m.end, m.actor, placed[k].last
        if k - j < 2 or _has_article(tokens[j]):
            return None  # a role + one unknown word (a lone first name, a noun) is too weak
        return tokens[j].start, tokens[k - 1].end, None, k - 1

    def _name_before(self, tokens, placed, i, strict: bool = False):
        """The name just before the role at token ``i`` (apposition), or None; where
        ``strict``, a name the gazetteer does not know needs a rank, a title or a comma
        before it (العميد فلان أحد قادة X, not أثار انشقاق أحد قادة X)."""
        k = i - 1
        if k >= 0 and tokens[k].norm in _COMMAS:
            k -= 1
        if k < 0:
            return None
        ending = [f for f in placed.values() if f.last == k]
        if ending:
            m = ending[0].mention
            if m.label == "ACTOR" and self._is_person(m):
                return m.start, m.end, m.actor, i
            return None
        first = k
        while first >= 0 and k - first < _MAX_NAME_BEFORE and first not in placed \
                and self._name_like(tokens[first]):
            first -= 1
        first += 1
        while first < k and _has_article(tokens[first]) \
                and not (first > 0 and self._words.get(tokens[first - 1].norm) == "compound"):
            first += 1  # a word with the article opens no name (قتل في الغارة فلان الفلاني)
        if k - first + 1 < 2 or _has_article(tokens[first]):
            return None
        if first > 0 and self._name_like(tokens[first - 1]) and (first - 1) not in placed \
                and not _has_article(tokens[first - 1]):
            return None  # no clear left edge: the name may begin earlier
        if strict and not (first > 0 and (self._words.get(tokens[first - 1].norm) == "honorific"
                                          or tokens[first - 1].norm in _COMMAS)):
            return None
        start = tokens[first].start
        if tokens[first].norm.startswith("و") and self._words.get(tokens[first].norm[1:]) == "compound":
            start += letters_offset(tokens[first].surface, 1)  # وأبو همام: the conjunction
        return start, tokens[k].end, None, i

    def _organ(self, org: str | None, role: RolePattern) -> str | None:
        """The organ of ``org`` that the role heads, when the gazetteer has it
        (وزير الدفاع الروسي → russia.mod), else ``org``."""
        if org and role.unit and self._actors is not None and f"{org}.{role.unit}" in self._actors:
            return f"{org}.{role.unit}"
        return org

    # -- token tests ---------------------------------------------------------------------

    def _kind(self, token: Token) -> str | None:
        """Kind of a boundary word (seen through a leading و or ف), or None."""
        norm = token.norm
        kind = self._words.get(norm)
        if kind is None and norm[:1] in ("و", "ف") and len(norm) > 2:
            kind = self._words.get(norm[1:])
            norm = norm[1:]
        if kind is not None and norm in self._maqsura and token.surface.endswith("ي"):
            return None  # علي, not على
        return kind

    def _skip(self, tokens, j: int, kind: str) -> int:
        while j < len(tokens) and self._words.get(tokens[j].norm) == kind:
            j += 1
        return j

    def _name_like(self, token: Token) -> bool:
        norm = token.norm
        if len(norm) < 2 or not _LETTERS.match(norm) \
                or self._kind(token) in ("stop", "verb", "qualifier", "group"):
            return False  # a lone letter is a clitic written apart (بـ"الكارثية")
        # a preposition fused with the article (للصحفيين، بالقرب) does not start a name
        if norm.startswith("لل") or (len(norm) >= 6 and norm[:3] in ("بال", "كال", "وال", "فال")):
            return False
        # a noun with a possessive pronoun (استعدادها، موقفهم، خارجيتنا) is no name word
        if (len(norm) >= 5 and norm.endswith(("ها", "هم", "هما"))) or (len(norm) >= 6 and norm.endswith("نا")):
            return False
        # a role word is no name (وتوعد مستشار، وزير الداخلية)
        if in_lexicon(norm, self._role_words):
            return False
        # a preposition on a hamza-initial word (بإنقاذ، لإعلان) or on a common word (بقوات)
        surface = normalize(token.surface).text
        if surface[:2] in ("بأ", "بإ", "لأ", "لإ", "كأ", "كإ", "وبأ", "وبإ", "ولإ", "ولأ"):
            return False
        # a preposition on a verbal noun or verb in ت (بتمديد، لتجرع، لتباشر)
        if len(norm) >= 5 and norm[:2] in ("بت", "لت"):
            return False
        if norm[:1] in ("ب", "ل") and len(norm) >= 4 and self._words.get(norm[1:]) in ("stop", "verb", "group"):
            return False
        return True

    def _ends_name(self, tokens, j: int, k: int) -> bool:
        """Whether token ``k`` closes a name begun at ``j``: a family name with the article
        (جميل الصالح) ends it, unless it completes a compound (عبد الرحمن، أبو محمد)."""
        return (
            k > j
            and _has_article(tokens[k])
            and self._words.get(tokens[k - 1].norm) != "compound"
        )

    def _is_person(self, mention: Mention, unknown: bool = True) -> bool:
        """Whether a gazetteer mention names a person; without actor types, ``unknown``
        for a name or alias (True in the name slot, False in the organization slot)."""
        if self._actors is None:
            return unknown and mention.form in ("name", "alias")
        actor = self._actors.get(mention.actor or "")
        return actor is not None and actor.type == "Person"


def _has_article(token: Token) -> bool:
    """Whether a word begins with the article ال (not أل of a name such as ألكسندر)."""
    return normalize(token.surface).text.startswith("ال")


def _definite_head(token: Token) -> str:
    """The noun of a word with the article, or the article fused with لـ (المجلس، للجامعة:
    مجلس، جامعه), in match form; "" for any other word."""
    norm = token.norm
    for prefix in ("لل", "ال"):
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 3 and _LETTERS.match(norm):
            return norm[len(prefix):]
    return ""


def _feminine(name: str) -> bool:
    """Whether a name takes feminine agreement: its head ends in ة or is a plural in ات
    (الفرقة الرابعة، قوات سوريا الديمقراطية; not جيش النظام، حزب الله)."""
    words = match_form(normalize(name).text).split()
    return bool(words) and words[0].endswith(("ه", "ات"))


def _long_name(name: str) -> tuple[str, ...]:
    """The words of an organization's name as the text wrote it, in match form with the
    article taken off the first, if it has two words or more (مجلس منبج العسكري): its
    head noun may name it again (المجلس); else ()."""
    words = match_form(normalize(name).text).split()
    if len(words) < 2:
        return ()
    return (words[0][2:] if words[0].startswith("ال") else words[0], *words[1:])


def _shared_start(words: tuple[str, ...], tokens) -> int:
    """How many of ``tokens`` repeat ``words`` from the start."""
    n = 0
    while n < min(len(words), len(tokens)) and tokens[n].norm == words[n]:
        n += 1
    return n


def _placed_in_quotes(tokens: tuple[Token, ...], placed: Mapping[int, _Found], j: int) -> tuple[_Found | None, bool]:
    """The gazetteer mention at token ``j``, or right after a quote there (المتحدث باسم
    «قسد»), and whether it was quoted."""
    quoted = j < len(tokens) and tokens[j].norm in _QUOTES and (j + 1) in placed
    return placed.get(j + 1 if quoted else j), quoted


def _place(tokens: tuple[Token, ...], mentions: list[Mention]) -> dict[int, _Found]:
    """Gazetteer mentions by the index of the token they start in."""
    placed: dict[int, _Found] = {}
    for m in mentions:
        first = next((k for k, t in enumerate(tokens) if t.start <= m.start < t.end), None)
        last = next((k for k, t in enumerate(tokens) if t.start < m.end <= t.end), None)
        if first is not None and last is not None:
            placed.setdefault(first, _Found(first, last, m))
    return placed
