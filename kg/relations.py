"""Relation extraction: triggers and argument patterns (schema/relations.jsonl) → Statements.

Within each sentence, the extractor finds the triggers of the rules (verbs, masdar nouns,
participles, multiword phrases, with Arabic proclitics seen through, and a verb in all its
persons and numbers: قصف matches قصفت، قصفتا، قصفوا، يقصفون and, with an object pronoun,
قصفوها), then fills the two argument slots each rule declares from the linked mentions
around the trigger:

``left``          the nearest argument before the trigger in its clause (SVO subject)
``left near``     an argument right before the trigger (المدعومة، التابع، الخاضعة لسيطرة)
``left victim``   ``left``, after a word of killing (مقتل عناصر من X بغارة …)
``clause``        the subject of the verb before (a circumstantial participle: قال X …،
                  متهما Y; دانت X الهجوم، مطالبة …)
``parties``       the parties of the other two-party relations of the sentence (a mediator:
                  توصلت X، بوساطة روسية، إلى اتفاق مع Y)
``possessor``     the one a noun's possessive pronoun refers to (حليفها السوري: the actor ها
                  stands for)
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

Beyond the slots, constructions of news Arabic are read in code:

- subjects: a verb after أنْ takes the one who says or denies it (نفت موسكو أن تكون قد
  زودت …); a verb after an event noun takes the event's agent (غارات روسية استهدفت …), a
  definite one the agent of the attack the text spoke of (قال ناشطون إن الغارات دمرت …);
  a verb coordinated after a comma, or in a relative clause whose object pronoun is the
  antecedent, shares the subject of the verb before it, a verb of saying included (قال X
  …، واتهم تركيا: تركيا is the object); a verb with و opens its clause, the actor right
  before it is no subject; VSO subjects are read through role phrases (انتقد قائد الحرس
  الثوري اللواء فلان);
- objects: an object pronoun on a verb (وتمدها طهران) stands for the argument before it;
  the genitive of a masdar governed by a verb or a preposition is its object (قررت
  دعم الفصائل، بتسليح الوحدات), after the verb's own subject its agent (انتقدت روسيا دعم
  واشنطن); a definite noun takes no genitive (يستثني الاتفاق هيئة تحرير الشام); a marker
  belongs to the nearest noun that takes it (… اتهام … بشن هجوم على البلدة); unnamed forces
  loyal to X stand for X (على عناصر موالية للنظام);
- the agent of an event noun in an adjunct phrase is the clause's subject (سيطرت X … بعد
  معارك مع Y; وفي اتصال مع Y، أكد X …), of a noun whose clause is about an event the text
  spoke of that event's agent (إن الحملة تهدف إلى دعم الفصائل); backing after a comma or
  no actor (بدعم جوي روسي) backs the clause's subject;
- reference: actor nouns with a possessive pronoun (قواتها، مقاتليهم) stand for the actor
  before them that agrees with the pronoun, a definite head noun alone (التنظيم، الهيئة)
  for the document's main actor named with it, his country (بلاده) for the state named
  before it; clauses set off by commas (X، التي …، ; X، وهي …،) are passed over, and an
  state after في is a place (غاراتها في سوريا);
- a sentence opening with جاء ذلك continues the previous one's actor in its first
  relation, and several actors doing one thing together (ضربة ثلاثية) also cooperate;
- nationality and origin: a state's nisba after an irregular group noun names the fighters'
  nationality (فصائل سورية: the factions; ميليشيات عراقية: no actor), a state after such a
  noun and من their origin (ميليشيات من العراق), and such a noun before a name heads it
  (فصائل "الجيش الوطني": the name is the actor); an argument with و and a preposition is
  coordinated with the noun that has it (بفيلق القدس التابع للحرس الثوري وبفصائل …);
  a list of places is where its first member is (في العراق وسوريا), a place near which
  something happens (قرب مطار X) and a whole country are no targets;
- carried subjects also reach a verb with و that no masdar reads like (وتزودها، ويقصف) and a
  verb after a comma whose clause's subject stands before قد (وكانت الرياض قد قطعت …،
  ودعمت …); a participle's pronoun (X وفصائل موالية لها) is the first of the coordinated
  nouns; a verb right after an indefinite noun (خطوة تعارضها) has that noun as its object;
- a verb of condemning or describing whose object is the event the text spoke of (أدانت
  دمشق الغارات) opposes that event's agents; a role's org is the first organization the
  phrase names after its role word (the nisba after it is a nationality), else the role
  finder's; a ministry the role finder read within that org is kept (وزير الدفاع الروسي:
  russia.mod); a role with a possessive pronoun (وزير خارجيتها) names the actor the pronoun
  refers to, and a dual role (الرئيسين X وY) is each person's;
- a verb's subject searched past the word before it bears no preposition (للمعارضة), and
  one after أن is not the speaker's when an unnamed noun stands between (بأن مقاتلين …
  سيطروا); a participle of saying (…، مضيفا أن) speaks for the speaker before it;
- a toponym is two words when a definite noun completes it (حي صلاح الدين), and a list of
  them may follow عدة بينها; an actor noun in a construct (مروحيات النظام) or affiliated to X
  (الطيران المروحي التابع للنظام) stands for X; a masdar with ب and its own genitive ends a
  direct object (متهمة سكانها بمساعدة الفصائل); في بيان is no locative;
- an event noun of two parties in an adverbial phrase without parties of its own (بعد
  محادثات) is the clause's parties'; the parties of a verb of two are its subjects for the
  verbs after it; the name a statement gives an actor is its gazetteer name where the
  document writes it (a kunya in any case: بأبي محمد الجولاني), else the fullest the
  document writes, and its gazetteer name where it is named by its nisba only;
- a relative clause's antecedent may be a place near which the main clause happens (قرب
  مدينة X، التي استعادتها Y), not a locative phrase that qualifies places before it (بلدتي
  X وY في ريف إدلب، اللتين …), and a place where the clause's object is one (CONTROLS);
- a name shaped like a nisba is one only after a definite word (القوات السعودية; طالبت
  السعودية: the state); a state's capital after في and an actor noun is the state (حليفها
  في دمشق); a direct object with ل further on is taken only where no other follows (طالبت
  X خلال جلسة لمجلس الأمن موسكو), and a phrase with في set off by commas does not end it;
- a place attacked that belongs to an actor (قاعدة X التابعة للنظام) is that actor attacked.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from kg.modality import CueList, Modality, ModalityCues, cue_at, load_modality_cues, modality_before
from kg.model import Actor, AnalyzedText, Mention, Statement, Token
from kg.syntax import dependents
from kg.resources import DataFileError, read_data_file, schema_file
from kg.text import NOUN_PROCLITICS, citation_form, clitic_letters, letters_offset, match_form
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
#: Words after a trigger within which a word its rule requires must stand, unless it says.
REQUIRES_WINDOW = 6
#: Sentences longer than this (characters) give the clause around the relation as evidence.
MAX_EVIDENCE = 300

_SIDES = ("left", "left near", "left victim", "right", "right near", "around", "agent", "agent after", "clause",
          "parties", "possessor")
_ARABIC_WORD = r"[\u0600-\u06FF]+"
_SLOT = re.compile(
    rf"^(?:(left near|left victim|left|right near|right|around|agent after|agent|clause|parties|possessor)"
    rf"|right after ({_ARABIC_WORD}(?: {_ARABIC_WORD})*(?:\|{_ARABIC_WORD}(?: {_ARABIC_WORD})*)*))$"
)
_POS = ("verb", "noun")
_LEXICONS = (
    "boundary", "complementizer", "relative", "agent_marker", "toponym_head",
    "toponym_compound", "toponym_stop", "locative", "region", "role", "role_filler",
    "posted_at", "actor_head", "cause", "time_word", "anaphoric_opener", "object_stop", "victim", "quantifier",
    "anaphoric_head", "adjunct", "affiliation", "definite_anaphor", "target_head", "state_anaphor",
    "irregular_head", "near", "clause_opener", "list_opener", "role_pronoun", "statement", "officials",
    "outskirts", "reported_act",
)
_VERB_PREFIXES = ("", "و", "ف", "س", "وس", "فس")
_NOUN_PREFIXES = NOUN_PROCLITICS
_SUFFIXES = ("", "ه", "ها", "هم", "هما")
_PRONOUN_SUFFIXES = ("ها", "ه", "هم", "هما")
# Person and number endings of a verb (قصفت، أطلقتا، قصفوا، يقصفون، يتبادلان), alone or
# before an object pronoun (زودتها، قصفوه): a verb trigger is listed in its bare form and
# matched in all of them.
_INFLECTIONS = ("", "ت", "ا", "تا", "وا", "ون", "ان")
_VERB_SUFFIXES = tuple(dict.fromkeys(
    (i[:-1] if i == "وا" and p else i) + p for i in _INFLECTIONS for p in _SUFFIXES
))
_PUNCT = frozenset('"«»“”\'()[]-–—/,،')
_COMMAS = frozenset({"،", ","})
_COORD_SEP = frozenset({"/", "-", "–", "—", '"', "«", "»", "“", "”"})
_PREPOSITION_CLITICS = ("ب", "ل", "ك")
_DEMONSTRATIVES = frozenset(match_form(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "هذين", "هاتين"))
# Pronouns opening a clause set off by commas (الفصائل، وهي تحالف …،).
_ASIDE_OPENERS = frozenset(match_form(w) for w in ("وهي", "وهو", "وهم", "وهما", "وهن"))
# Words before a country that make it a party rather than a place (بين روسيا والأردن).
_PARTY_BEFORE = frozenset(match_form(w) for w in ("بين", "وبين", "من", "مع", "ضد"))
# Both … and … (تعارضها كل من موسكو وواشنطن): passed on the way to a subject.
_BOTH = ("كل", "من")
# Between أنْ and a verb whose subject is dropped (أن تكون قد زودت).
_AUXILIARIES = frozenset(match_form(w) for w in ("تكون", "يكون", "قد", "كانت", "كان", "تكن", "يكن"))
_BARE_AN = frozenset(match_form(w) for w in ("أن", "بأن", "وأن", "أنه", "أنها", "بأنه", "بأنها"))
# Particles after which a verb still opens its clause (لم يقصف، قد يشن).
_VSO_OPENERS = frozenset(match_form(w) for w in ("لم", "لن", "لا", "قد", "وقد", "فقد", "لقد", "كما", "ثم", "و"))
# A single word with a nisba ending (التركية، روسية، الإيرانيين).
_NISBA_LIKE = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?\w{2,}(?:ي|يه|يون|يين|يان|يتان|يتين)$")
_PREPOSITIONS = frozenset(match_form(w) for w in ("على", "ضد", "مع", "إلى", "من", "في", "ل", "ب", "عن", "لدى"))
_MARKERS_OF_TARGET = frozenset(match_form(w) for w in ("على", "ضد"))
# Words after which a verb trigger is a masdar (مع قصف الطيران، من شن الطائرات الغارات).
_GOVERNING = _PREPOSITIONS | frozenset(match_form(w) for w in (
    "بين", "حول", "نحو", "عبر", "خلال", "بعد", "قبل", "منذ", "عقب", "إثر", "جراء", "وسط", "أثناء",
))


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
    requires: frozenset[str] = frozenset()  # words one of which must follow the trigger
    named_subject: bool = False  # a bare collective noun (الفصائل) is no subject
    requires_window: int = REQUIRES_WINDOW  # words after the trigger where ``requires`` may stand
    through_events: bool = False  # the object may be an event noun's (هدد بشن عملية ضد X)
    preceded_by: frozenset[str] = frozenset()  # words one of which must stand before the trigger
    mutual: bool = False  # a directed relation held both ways between its parties


@dataclass(frozen=True, eq=False)  # hashed by identity: the readings of words are cached per rule set
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
                requires=frozenset(match_form(w) for w in entry.get("requires", ())),
                named_subject=bool(entry.get("named_subject", False)),
                requires_window=int(entry.get("requires_window", REQUIRES_WINDOW)),
                through_events=bool(entry.get("through_events", False)),
                preceded_by=frozenset(match_form(w) for w in entry.get("preceded_by", ())),
                mutual=bool(entry.get("mutual", False)),
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
    heads: frozenset[str] = frozenset()  # first nouns of the actor's names (تنظيم، هيئه)
    feminine: bool = False  # referred to by a feminine or plural pronoun (ها)
    org: str | None = None  # a person's organization as the role finder read it


@dataclass(frozen=True)
class _Trigger:
    rule: RelationRule
    first: int
    last: int
    prefix: str  # proclitic removed from the first word
    chars: int  # letters matched: longer, more specific triggers win
    pronoun: str = ""  # object pronoun a verb carries (تزودها): its object stands before


class _Sentence:
    """One sentence prepared for matching: words, their stems, boundaries and arguments."""

    def __init__(self, text: AnalyzedText, index: int, tokens: Sequence[Token],
                 mentions: Sequence[Mention], actors: Mapping[str, Actor], rules: RelationRules,
                 cache: dict, previous: _Arg | None = None,
                 named: Mapping[str, Mapping[str, tuple[int, int, _Arg]]] | None = None):
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
        for i in range(1, len(tokens)):
            if tokens[i].norm in lex["clause_opener"] and tokens[i - 1].norm in _COMMAS:
                self.boundary[i] = True  # … على مواقع، وذكر X: X is the next clause's speaker
        self.comp = [t.norm in lex["complementizer"] for t in tokens]
        self.punct = [t.norm in _PUNCT or not t.norm for t in tokens]
        self.args: list[_Arg] = []
        if "countries" not in cache:
            cache["countries"] = _countries(actors)
            cache["country_names"] = frozenset(
                match_form(n) for a in actors.values() if a.type == "Country" for n in (a.name_ar, *a.aliases_ar))
            cache["capitals"] = frozenset(
                match_form(n) for a in actors.values() if a.type in ("Country", "Government") for n in a.metonyms_ar)
        self.countries = cache["countries"]
        # a statistical tagger's spans (NER) come last: where a toponym pattern reads a
        # place (قرى الدردارة وأم الكيف، حي صلاح الدين), it knows better than the tagger
        self._add_mentions([m for m in mentions if m.form != "ner"], actors)
        self.unnamed: frozenset[int] = frozenset()  # words of an unnamed group (ميليشيات عراقية)
        self._drop_nationalities()
        self._mint_places()
        self._add_mentions([m for m in mentions if m.form == "ner"], actors)
        self.args.sort(key=lambda a: a.first)
        self._index_args()
        self.skip: frozenset[int] = frozenset()  # arguments already taken by the other slot
        self.unfit: frozenset[str] = frozenset()  # actor types the slot searched for cannot take
        self.owner: dict[int, int] = {}  # argument → the person whose role phrase it is in
        # arguments inside an attributive phrase (الفصائل المدعومة من تركيا): not arguments
        # of the other triggers around it
        self.attached: frozenset[int] = frozenset()
        self.event_nisba = False  # a nisba after an event noun may be the object (OPPOSES)
        self.previous = previous  # the previous sentence's main actor
        self.named = named or {}  # head noun → the document's actors named with it
        self._add_anaphors()
        self.asides = self._asides()
        self.attributive_words: frozenset[int] = frozenset()
        self.verbs: list[int] = []  # first words of verb triggers
        self.speakers: dict[int, int] = {}  # verb of saying → the argument that says
        self.role_person: dict[int, int] = {}  # word of a role phrase → its person
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
            held = prev == "في" and first > 1 and self.agent_noun(first - 2) \
                and not _NISBA_LIKE.match(self.norms[first - 2]) and match_form(m.text) in self.cache["capitals"]
            if place and (prev in _PARTY_BEFORE or clitic.endswith("ل") or held or self._officials_of(first)) \
                    and self.countries:
                # بين روسيا والأردن، من إيران إلى …: a country named as a party, not a place;
                # so is the state of an actor noun in its capital (حليفها في دمشق، الحكومة في طهران)
                # and the states whose officials a role word names (وزراء الطاقة في الأردن وسوريا)
                country = self.countries.get(match_form(m.text))
                if country is not None:
                    actor_id, place = country, False
            actor = actors.get(actor_id)
            person = (actor is not None and actor.type == "Person") or m.label == "PER"
            # a place named as a whole country (الضربات في سوريا; not its capital)
            kind = actor.type if actor is not None else (
                "Country" if place and match_form(m.text) in self.cache["country_names"] else None)
            if actor is not None and ("heads", actor_id) not in self.cache:
                self.cache[("heads", actor_id)] = _name_heads(actor)
            self.args.append(
                _Arg(
                    first, last, actor_id, citation_form(m.text), m.start, m.end, place,
                    nisba=first == last and not person and (
                        m.form == "nisba" or (_NISBA_LIKE.match(tok.norm) is not None
                                              and (m.form != "name" or self._after_definite(first)))
                    ),
                    person=person,
                    media=actor is not None and actor.type == "Media",
                    clitic=clitic,
                    type=kind,
                    heads=self.cache[("heads", actor_id)] if actor is not None else frozenset(),
                    feminine=_feminine(actor, m.text),
                    org=m.org,
                )
            )

    def _officials_of(self, first: int) -> bool:
        """Whether the word ``first`` is a state in a list after في that a plural role word
        qualifies, with at most one noun between (وزراء الطاقة في الأردن وسوريا ولبنان): the
        states the officials serve, not where they are."""
        names = self.cache["country_names"]

        def state(j: int) -> bool:
            return self.norms[j] in names or (self.norms[j].startswith("و") and self.norms[j][1:] in names)

        i = first
        while i > 0 and self.norms[i].startswith("و") and state(i - 1):
            i -= 1  # back over the states joined by و
        if i < 2 or self.norms[i] not in names or self.norms[i - 1] != "في":
            return False
        return self.is_(i - 2, "officials") or (
            i > 2 and self.is_(i - 3, "officials") and self.norms[i - 2].startswith("ال"))

    def _after_definite(self, i: int) -> bool:
        """Whether word ``i`` follows a definite word, as an adjective agreeing with its noun
        does: a name shaped like a nisba is one there (القوات السعودية), not after a verb
        or a particle (طالبت السعودية)."""
        return i > 0 and self.tokens[i - 1].norm.startswith(("ال", "وال", "فال", "بال", "لل"))

    def _drop_nationalities(self) -> None:
        """A state's nisba after an irregular group noun names the fighters' nationality, not
        the state (فصائل سورية: the factions; ميليشيات عراقية: no actor), and a state after
        such a noun and من (ميليشيات من العراق ولبنان) their origin. The nisba joins a named
        head; else the words stand for an unnamed group, which no slot search passes."""
        self.args.sort(key=lambda a: a.first)
        unnamed: set[int] = set()
        kept: list[_Arg] = []
        for a in self.args:
            state = a.type in ("Country", "Government") and not a.place
            head = a.first - 1
            if state and a.nisba and head >= 0 and self.is_(head, "irregular_head"):
                if kept and kept[-1].last == head:
                    kept[-1] = replace(kept[-1], last=a.last, end=a.end)
                else:
                    unnamed.update((head, a.first))
                continue
            if state and not a.nisba and (
                (head >= 1 and self.norms[head] == "من" and self.is_(head - 1, "irregular_head"))
                or (head in unnamed and a.clitic.startswith("و"))  # … ولبنان وأفغانستان
            ):
                unnamed.update(range(a.first, a.last + 1))
                continue
            if kept and not (a.nisba or a.place) and self.unnamed_noun(kept[-1], "irregular_head") \
                    and all(w in _COORD_SEP for w in self.norms[kept[-1].last + 1 : a.first]):
                kept.pop()  # فصائل "الجيش الوطني": the group noun heads the name, the name is the actor
            kept.append(a)
        self.args = kept
        self.unnamed = frozenset(unnamed)

    def _index_args(self) -> None:
        self.arg_at: list[int | None] = [None] * len(self.tokens)
        for k, a in enumerate(self.args):
            for i in range(a.first, a.last + 1):
                self.arg_at[i] = k

    def _add_anaphors(self) -> None:
        """Actor nouns with a possessive pronoun (قواتها، طائراته، مقاتليهم) stand for the
        actor the pronoun refers to; a definite head noun alone (التنظيم، الحزب) for the
        last actor named with it (تنظيم الدولة، حزب الله); his country (بلاده) for the last
        state named (قال وزير الدفاع التركي إن بلاده …)."""
        found = []
        lex = self.rules.lexicons
        for i in range(len(self.tokens)):
            # a word of a name, or one with neither a pronoun nor the article, refers to nothing
            pronoun = self.norms[i].endswith(_PRONOUN_SUFFIXES)
            if self.arg_at[i] is not None or not (pronoun or "ال" in self.norms[i]):
                continue
            head = self.definite_anaphor(i) if "ال" in self.norms[i] else ""  # (ة is ه: الهيئة)
            state = pronoun and not lex["state_anaphor"].isdisjoint(self.stem_set(i))
            if not (head or state or pronoun) or self._is_trigger_word(i):
                continue
            if state:
                a = next((b for b in reversed(self.args) if b.last < i and not b.place
                          and b.type in ("Country", "Government")), None)
            elif head:
                a = next((b for b in reversed(self.args) if b.last < i and head in b.heads), None) \
                    or max(self.named.get(head, {}).values(), key=lambda x: x[:2], default=(0, 0, None))[2]
            else:
                pronoun = self.anaphoric_head(i)
                if not pronoun:
                    continue
                ks = self.antecedent(i, pronoun)
                a = self.args[ks[0]] if ks else self.previous
            if a is not None:
                tok = self.tokens[i]
                found.append(replace(a, first=i, last=i, start=tok.start, end=tok.end, nisba=False,
                                     person=False, clitic="", group=None))
        if found:
            self.args = sorted(self.args + found, key=lambda a: a.first)
            self._index_args()

    def _asides(self) -> dict[int, int]:
        """Clauses set off by commas after a noun (X، التي يقودها Y، …; X، وهي تحالف …،): the
        closing comma → the opening one. An argument searched for before the aside's end
        is not in it."""
        found = {}
        commas = [i for i, w in enumerate(self.norms) if w in _COMMAS]
        for a, b in zip(commas, commas[1:]):
            if a + 1 < b and (self.is_(a + 1, "relative") or self.norms[a + 1] in _ASIDE_OPENERS) \
                    and not any(self.stop(j) for j in range(a + 1, b)):
                found[b] = a
        return found

    def definite_anaphor(self, i: int) -> str:
        """The head noun (تنظيم) of word ``i`` when it is a definite anaphor (التنظيم), else ""."""
        words = self.rules.lexicons["definite_anaphor"]
        return next((s[2:] for s, _ in self.stems(i, _NOUN_PREFIXES) if s in words), "")

    def anaphoric_head(self, i: int) -> str:
        """The possessive pronoun of word ``i`` when it is an anaphoric actor noun, else ""."""
        heads = self.rules.lexicons["anaphoric_head"]
        for stem, _ in self.stems(i, ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")):
            for p in _PRONOUN_SUFFIXES:
                if stem.endswith(p) and stem[: -len(p)] in heads:
                    return p
        return ""

    def antecedent(self, pos: int, pronoun: str, allow_place: bool = False) -> list[int]:
        """What a pronoun at word ``pos`` refers to: the nearest argument before it in the
        sentence that agrees with it (a person not for ها, a state not for ه)."""
        for k in range(len(self.args) - 1, -1, -1):
            a = self.args[k]
            if a.last >= pos or k in self.skip or k in self.attached or (a.place and not allow_place) or a.media \
                    or (a.nisba and not self.licensed(k)):
                continue  # (an argument of another phrase is none: الفصائل المنضوية في X وتزودها)
            if (a.person and pronoun == "ها") or (pronoun == "ه" and a.feminine):
                continue
            return self.resolve(self.group(self.owner.get(k, k)))
        return []

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

    def agent_noun(self, i: int) -> bool:
        """Whether word ``i`` names an actor's people or arms (القوات، الطائرات، مقاتلو), not
        what it owns (المواقع، القواعد): a noun an actor's subject or coordination passes."""
        return self.is_(i, "actor_head") and not self.is_(i, "target_head")

    @cached_property
    def topics(self) -> dict[int, int]:
        """قد after an argument (وكانت الرياض قد قطعت …) → the argument: the subject of the
        verb that follows, though no trigger."""
        return {
            a.last + 1: k for k, a in enumerate(self.args)
            if a.last + 1 < len(self.tokens) and self.norms[a.last + 1] == "قد" and not a.place
            and not a.clitic.endswith(_PREPOSITION_CLITICS) and (not a.nisba or self.licensed(k, True))
        }

    def unnamed_noun(self, a: _Arg, lexicon: str = "actor_head") -> bool:
        """Whether an argument is a bare collective noun (الفصائل، الميليشيات), not a name."""
        return any(a is b for b in self.args) and all(self.is_(i, lexicon) for i in range(a.first, a.last + 1))

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
        """Whether a trigger starts at word ``i``, with all its words (أحد مكونات: not أحد alone)."""
        return any(s in self.rules.index and any(
            tuple(self.norms[i + 1 : i + len(words)]) == words[1:] for _, words in self.rules.index[s]
        ) for s in self.stem_set(i))

    def _name_at(self, j: int, strip_waw: bool) -> tuple[int, int, int] | None:
        """A toponym starting at word ``j``: (first, last, letters of و to strip) or None."""
        n = len(self.tokens)
        while j < n and self.norms[j] in _COORD_SEP:
            j += 1
        if j >= n or self.punct[j] or self.stop(j):
            return None
        lex = self.rules.lexicons
        opener = self.phrase_at(j, "list_opener")[0] or int(self.norms[j] in lex["list_opener"])
        if opener and not strip_waw:
            return self._name_at(j + opener, False)  # بلدات عدة بينها X وY: the list follows
        word = self.norms[j]
        strip = 0
        if strip_waw and word.startswith("و") and len(word) > 2:
            strip, word = 1, word[1:]
        if (word in lex["toponym_stop"] or word in lex["toponym_head"] or word in lex["locative"]
                or (word.startswith("و") and word[1:] in lex["toponym_head"])  # قرى وبلدات
                or self.is_(j, "actor_head")  # قصف أحياء X وY بالمروحيات والمدفعية: the arms
                or self._head_noun(word)  # أحياء المدينة ومطارها: the city spoken of, no name
                or word in lex["boundary"] or word.isdigit() or len(word) < 2
                or (word[:1] in _PREPOSITION_CLITICS and word[1:] in _PRONOUN_SUFFIXES)):  # قاعدة لها
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
        elif self._overlapping(j, j) is None and self._name_tail(j + 1):
            last = j + 1  # (a name the gazetteer knows is whole: درعا البلد is its own entry)
        return j, last, strip

    def _name_tail(self, i: int) -> bool:
        """A definite noun that ends a two-word toponym (حي صلاح الدين، قرية نبع الصخر): not
        an adjective or participle after the name (الشرقية، الواقعة، المحاصر), a time word,
        an actor noun or another place or actor."""
        if i >= len(self.tokens) or self.punct[i] or self.stop(i) or self._overlapping(i, i) is not None:
            return False
        word = self.norms[i]
        lex = self.rules.lexicons
        return word.startswith("ال") and not word.startswith("الم") and len(word) > 4 \
            and not word.endswith("ه") and _NISBA_LIKE.match(word) is None \
            and word not in lex["toponym_stop"] and not self.is_(i, "time_word") and not self.is_(i, "locative") \
            and not self._head_noun(word) and not self.is_(i, "actor_head") and not self._is_trigger_word(i)

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
                inside = [a for a in self.args if a.first <= last and first <= a.last]
                if inside and all(a.place and first <= a.first and a.last <= last
                                  and a.last - a.first < last - first for a in inside):
                    # a place named in part or in pieces (دير + سنبل): the toponym pattern is longer
                    self.args = [a for a in self.args if a not in inside]
                existing = self._overlapping(first, last)
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

    def _head_noun(self, word: str) -> bool:
        """A toponym head with the article or a pronoun (المدينة، مطارها): a place spoken of."""
        heads = self.rules.lexicons["toponym_head"]
        return (word.startswith("ال") and word[2:] in heads) or any(
            word.endswith(p) and word[: -len(p)] in heads for p in _PRONOUN_SUFFIXES)

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
        opener = self.phrase_at(j, "list_opener")[0] or int(word in self.rules.lexicons["list_opener"])
        if opener and word.startswith(("بين", "من")):
            # أحياء في مدينة X بينها Y وZ: the places named among those spoken of join the list
            return j + opener, False
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
        if size >= 2 and (self.is_(j, "locative") or word.startswith("ب")) and not self.is_(j, "actor_head"):
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
        while m + 1 < len(self.args) and (self._coordinated(m, m + 1) or self._past_apposition(m, m + 2)):
            m += 1 if self._coordinated(m, m + 1) else 2
            members.append(m)
        m = k
        while m > 0 and (self._coordinated(m - 1, m) or self._past_apposition(m - 2, m)):
            m -= 1 if self._coordinated(m - 1, m) else 2
            members.insert(0, m)
        role = min((r for r, person in self.owner.items() if person == k and r < k), default=None)
        if len(members) == 1 and role is not None and self.args[role].group is None:
            # وزيرا الدفاع التركي X والسوري Y: Y is coordinated through the first word of its role phrase
            return sorted(set(self.group(role)) | {k})
        return members

    def _past_apposition(self, k: int, m: int) -> bool:
        """Whether argument ``m`` is joined by و to ``k`` past an apposition about ``k``
        between commas (عناصر X، حليف Y، وZ: X and Z)."""
        if k < 0 or m >= len(self.args):
            return False
        a, y, b = self.args[k], self.args[k + 1], self.args[m]
        words = self.norms[a.last + 1 : b.first]
        return (m == k + 2 and len(words) >= 3 and words[0] in _COMMAS and self._is_trigger_word(a.last + 2)
                and self.norms[y.last + 1] in _COMMAS and y.last + 2 == b.first and b.clitic.startswith("و")
                and a.place == b.place)

    def _coordinated(self, k: int, m: int) -> bool:
        a, b = self.args[k], self.args[m]
        if a.place != b.place or b.first - a.last > 4:
            return False
        if _clitic_preposition(b.clitic) not in ("", _clitic_preposition(a.clitic)):
            return False  # مرتبطة بفيلق القدس التابع للحرس الثوري وبفصائل …: وب joins the ب noun
        between = self.norms[a.last + 1 : b.first]
        if any(w in _COMMAS for w in between) and any(
                self.norms[i] in _COMMAS and self._is_trigger_word(i + 1) for i in range(max(0, a.first - 4), a.first - 1)):
            return False  # X، حليف Y، وZ: Y closes an apposition, Z is coordinated with X
        if not between and b.nisba and not a.nisba and not b.clitic.startswith("و"):
            return a.id == b.id  # القوات الحكومية السورية: a nisba that restates its noun
        if between and any(w not in _COORD_SEP and w not in {"و", "،", ","} for w in between):
            # الشرطة العسكرية الروسية والجيش التركي، بوتين ونظيره التركي، قوات النظام
            # ومقاتلو حزب الله: و + an actor noun (or a role word before a nisba)
            heads = [i for i in range(a.last + 1, b.first) if self.norms[i] not in _COORD_SEP]
            return len(heads) == 1 and self.norms[heads[0]].startswith("و") and (
                self.agent_noun(heads[0]) or (b.nisba and self.is_(heads[0], "role"))
            )
        if "و" in between or b.clitic.startswith("و") or any(w in _COORD_SEP - {'"', "«", "»", "“", "”"} for w in between):
            return True
        return a.nisba and b.nisba and not any(w in _COMMAS for w in between)

    @cached_property
    def first_token(self) -> int:
        """Index of the sentence's first word among the document's tokens."""
        return self.text.tokens.index(self.tokens[0])

    def args_within(self, tokens: frozenset[int], allow_place: bool) -> list[int]:
        """Arguments whose words all lie in ``tokens`` (document token indices) and may
        fill a slot; a nisba there needs no licence, the parse puts it in the phrase."""
        offset = self.first_token
        return [
            k for k, a in enumerate(self.args)
            if all(offset + i in tokens for i in range(a.first, a.last + 1))
            and not (a.media or k in self.skip or a.type in self.unfit)
            and (allow_place or not a.place)
        ]

    def usable(self, k: int, allow_place: bool, subject: bool = False) -> bool:
        a = self.args[k]
        if a.media or k in self.attached or k in self.skip or a.type in self.unfit:
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

    def governed(self, k: int) -> bool:
        """An argument with a prepositional proclitic (للمعارضة، بالنظام): no subject, unless
        it is the antecedent of a relative clause (لجبهة النصرة التي كانت فرع …)."""
        end = self.args[k].last + 1
        antecedent = end < len(self.tokens) and self.is_(end, "relative")
        return _clitic_preposition(self.args[k].clitic) != "" and not antecedent

    def after_victim_word(self, first: int) -> bool:
        """Whether a word of killing or wounding stands shortly before word ``first``."""
        return any(self.is_(i, "victim") for i in range(max(0, first - 6), first))

    def locative(self, k: int) -> bool:
        """A place in a locative phrase (بسهل الغاب، في ريف حلب، قرب مطار X), or a state
        after في (غاراتها في سوريا) unless a member noun stands before (مسؤول في الحكومة):
        where, not what. A coordinated group is where its first member is (في العراق وسوريا),
        and so is a state joined by و to a place right before it (في سوريا والعراق)."""
        a = self.args[self.group(k)[0]]
        before = self.arg_at[a.first - 1] if a.first > 0 else None
        if not a.place and a.clitic.startswith("و") and before is not None and self.args[before].place:
            return self.locative(before)
        if not a.place:
            return a.type in ("Country", "Government") and a.first > 0 and self.norms[a.first - 1] == "في" and not (
                a.first > 1 and (self.is_(a.first - 2, "actor_head") or self.is_(a.first - 2, "role"))
            ) and not self._officials_of(a.first)
        if a.first > 1 and self.is_(a.first - 1, "outskirts") and (
                self.norms[a.first - 2] in _MARKERS_OF_TARGET or a.first - 2 in self.verbs):
            return False  # غارات على أطراف X، استهدف محيط X: the outskirts are X's, the target
        return a.clitic.endswith("ب") or (a.first > 0 and self.is_(a.first - 1, "locative")) or (
            a.first > 1 and self.is_(a.first - 1, "toponym_head") and self.is_(a.first - 2, "near")
        )

    def speaker_at(self, k: int) -> bool:
        """Whether argument ``k`` is the source of a verb of saying just before it (أعلن المرصد)."""
        i = self.args[k].first - 1
        while i >= 0 and (self.punct[i] or self.is_(i, "time_word")):
            i -= 1
        return i >= 0 and any(cue_at(self.norms, i, c) for c in self.rules.cues.of("attribution"))

    def vso_subject(self, start: int, allow_place: bool = False) -> list[int]:
        """The subject right after a verb ending before word ``start``, past adverbs of time,
        actor nouns and role phrases (قصفت أمس الطائرات الروسية، التقى الرئيس الروسي فلاديمير
        بوتين، انتقد قائد الحرس الثوري اللواء فلان)."""
        i = start
        affiliated = False  # الطيران المروحي التابع لقوات النظام: the unnamed noun stands for X
        while i < len(self.tokens) and self.arg_at[i] is None and i not in self.role_person and (
            self.punct[i] or self.is_(i, "time_word") or self.agent_noun(i) or self.is_(i, "role")
            or _resumptive(self.norms[i])
            or (self.norms[i] == "من" and i > start and self.agent_noun(i - 1))  # مقاتلون من X
            or tuple(self.norms[i : i + 2]) == _BOTH or (i > start and tuple(self.norms[i - 1 : i + 1]) == _BOTH)
            or (i > start and self.is_(i, "affiliation") and self.agent_noun(i - 1))
        ):
            affiliated = affiliated or self.is_(i, "affiliation")
            i += 1
        k = self.role_person.get(i, self.arg_at[i]) if i < len(self.tokens) else None
        clitic = self.args[k].clitic if k is not None else ""
        if k is not None and (not clitic.endswith(_PREPOSITION_CLITICS) or (affiliated and clitic.endswith("ل"))) and (
            self.usable(k, allow_place) or k in self.owner or k in self.role_person.values()
        ):
            return self.resolve(self.group(self.owner.get(k, k)))
        return []

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
             barrier: int = -1, subject: bool = True, verb: bool = False,
             places: bool = False, locatives: bool = False) -> list[int]:
        """The group of the nearest usable argument ending before word ``pos`` (and after
        word ``barrier``); a ``verb``'s subject searched past the word before it bears no
        preposition (وتجاهر أنقرة بدعمها للمعارضة، وتطالب …: أنقرة). With ``places``
        only a place is one; with ``locatives`` a place in a locative phrase is one too."""
        limit = 2 if near else limit
        seen = 0
        i = pos - 1
        while i > barrier and seen <= limit:
            if i in self.asides:
                i = self.asides[i] - 1  # الهيئة، التي يقودها الجولاني، الحليف …: past the aside
                continue
            if self.stop(i) or i in self.unnamed:
                return []
            k = self.arg_at[i]
            if k is not None:
                if (self.usable(k, allow_place, subject) or k in self.owner) and (subject or near or not self.speaker_at(k)) \
                        and (locatives or not self.locative(k)) and not (verb and limit > 0 and self.governed(k)) \
                        and not (places and not self.args[k].place):
                    # (X، حليف Y، وZ: searched from حليف, Z after it is no member)
                    return self.resolve([m for m in self.group(self.owner.get(k, k)) if self.args[m].first < pos])
                i = self.args[k].first - 1
                seen += 0 if k in self.attached else 1
                continue
            if near and self.agent_noun(i):
                return []  # فصائل المعارضة ميليشيات موالية لإيران: the participle's noun is unnamed
            if not (self.punct[i] or self.norms[i].isdigit() or self.is_(i, "time_word")
                    or i in self.attributive_words):
                # dates and the phrases of other triggers (بإسناد من الطيران الروسي) do not
                # put an argument further away (في 24 مارس الماضي)
                seen += 1
            i -= 1
        return []

    def relative_antecedent(self, pos: int, allow_place: bool, places: bool, near: bool = False) -> list[int]:
        """The antecedent of a relative clause whose verb is at word ``pos`` (``places``:
        the clause's object is a place). A place where the main clause happens is one
        (قرب مدينة X، التي استعادتها Y), but a locative phrase right after places
        qualifies them (بلدتي X وY في ريف إدلب، اللتين تحاصرهما Z: the two towns; مدناً
        وبلدات في ريف حمص تسيطر عليها Z: towns not named)."""
        found = self.left(pos, allow_place, near=near, subject=False, places=places)
        if found:
            return found
        found = self.left(pos, allow_place, near=near, subject=False, places=places, locatives=True)
        i = min((self.args[k].first for k in found), default=0) - 1
        after_in = False  # (مدناً وبلدات في ريف حمص تسيطر عليها X: the unnamed towns)
        while i >= 0 and self.arg_at[i] is None and (self.is_(i, "locative") or self.is_(i, "toponym_head")):
            if after_in and self.is_(i, "toponym_head"):
                return []
            after_in = after_in or self.norms[i] == "في"
            i -= 1
        k = self.arg_at[i] if i >= 0 else None
        return self.group(k) if k is not None and self.args[k].place else found

    def right(self, pos: int, allow_place: bool, limit: int = RIGHT_WINDOW,
              direct: bool = False, phrase: bool = False) -> tuple[list[int], int]:
        """The group of the first usable argument from word ``pos``; and the word after it.

        A ``direct`` object is searched only up to a preposition (object_stop), the object
        of a marker (``phrase``) only up to the next trigger word. A direct object with ل
        further on is taken only where no other follows (طالبت X خلال جلسة لمجلس الأمن
        موسكو: موسكو; حمّلت X مسؤوليتها لقوات Y: Y), unless it owns what the verb falls
        on (استهدفت مواقع لقوات X)."""
        seen = 0
        i = pos
        stops = self.rules.lexicons["object_stop"]
        only_places = ""  # a direct object after في is a place (استهدفت بلدات في محافظة X)
        fallback: tuple[list[int], int] | None = None
        while i < len(self.tokens) and seen <= limit:
            if (i > pos and self.is_(i, "relative")) or (direct and self.norms[i] in _DEMONSTRATIVES):
                break  # (بدعم من اسمتهم الإرهابيين الذين يقاتلون الجيش: not الجيش)
            if direct and self.norms[i] == "في" and i + 1 < len(self.tokens) and self.is_(i + 1, "statement"):
                i += 2  # اتهمت قسد في بيان النظام: where it was said, no place
                continue
            if direct and self.norms[i] == "في":
                # (but حمّل X، في تسجيل صوتي، Y: a phrase between commas ends at the second)
                only_places = "aside" if i > 0 and self.norms[i - 1] in _COMMAS else "phrase"
            if only_places == "aside" and self.norms[i] in _COMMAS:
                only_places = ""
            if direct and i > pos and self._complement_masdar(i):
                break  # متهمة سكانها بمساعدة الفصائل: the masdar's object, not the verb's
            if self.stop(i) or i in self.unnamed or (direct and self.norms[i] in stops and i not in self.attributive_words
                                and not (i > 0 and (self.is_(i - 1, "quantifier") or self.norms[i - 1].isdigit()))):
                break
            if phrase and i > pos and self.arg_at[i] is None and self._is_trigger_word(i) \
                    and not (self.is_(i, "affiliation") and any(
                        self.agent_noun(j) or self.is_(j, "target_head") for j in range(max(pos, i - 4), i))):
                # (but على عناصر موالية للنظام: the government's forces; على مستودعات أسلحة
                # ومراكز تابعة للجيش: the army's)
                break
            k = self.arg_at[i]
            if k is not None:
                # (a state after في is one where it qualifies an actor noun: حليفها في دمشق)
                if (self.usable(k, allow_place) or k in self.owner) and not ((direct or phrase) and self.locative(k)) \
                        and not (only_places and not self.args[k].place and not self._held_state(k)):
                    ks = self.group(self.owner.get(k, k))
                    found = self.resolve(ks), self.end_of(ks)
                    if not (direct and i > pos and _clitic_preposition(self.args[k].clitic) == "ل"
                            and not self.is_(i - 1, "actor_head")):
                        return found
                    fallback = fallback or found
                i = self.args[k].last + 1
                seen += 1
                continue
            if not self.punct[i]:
                seen += 1
            i += 1
        return fallback or ([], i)

    def _held_state(self, k: int) -> bool:
        """A state right after في that qualifies the actor noun before it (حليفها في دمشق)."""
        a = self.args[k]
        return a.type in ("Country", "Government") and a.first > 0 and self.norms[a.first - 1] == "في" \
            and not self.locative(k)

    def _complement_masdar(self, i: int) -> bool:
        """A noun trigger with ب and a named genitive at word ``i`` (بمساعدة الفصائل): a
        complement whose object is its own (an instrument or backing, بالصواريخ، بدعم روسي,
        is passed)."""
        t = self.noun_triggers.get(i)
        k = self.arg_at[i + 1] if i + 1 < len(self.tokens) else None
        return t is not None and t.first == i and self.norms[i].startswith("ب") and k is not None \
            and not self.args[k].nisba and not self.args[k].clitic

    def marker(self, pos: int, markers: Sequence[tuple[str, ...]],
               owner: _Trigger | None = None) -> tuple[int, int, bool] | None:
        """First marker after ``pos``: (its first word, the word after it, the pronoun of a
        resumptive marker (لها: ها) or "").

        The marker of an ``owner`` trigger is not searched past a noun that takes it too
        (الغارة … اتهام تركيا للنظام بشن هجوم على كفرنبل: على is هجوم's), unless the
        owner is a verb of the same relation (شنت X غارات على …)."""
        seen = 0
        i = pos
        while i < len(self.tokens) and seen <= RIGHT_WINDOW + 4:
            if self.stop(i):
                return None
            other = self.noun_triggers.get(i) if owner is not None else None
            if other is not None and other is not owner and not owner.rule.through_events \
                    and (owner.rule.pos == "noun" or other.rule.predicate != owner.rule.predicate):
                # its own markers are that noun's; the others may still be the owner's
                # (توعد بمد العملية إذا لم ينسحب X)
                markers = [mk for mk in markers if mk not in other.rule.object.markers]
                if not markers:
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
                    return i, i + len(mk), ""
                pronoun = next((h[len(mk[0]):] for h in heads if len(mk) == 1 and h.startswith(mk[0])
                                and h[len(mk[0]):] in _PRONOUN_SUFFIXES), "")
                if pronoun:
                    return i, i + 1, pronoun
            if not self.punct[i]:
                seen += 1
            i += 1
        return None

    def after(self, pos: int, slot: Slot, allow_place: bool,
              owner: _Trigger | None = None) -> tuple[list[int], str]:
        """Arguments of a ``right after M`` slot of trigger ``owner`` from word ``pos``; and
        the pronoun of a resumptive marker (لها), if the marker is one."""
        clitics = [mk[0] for mk in slot.markers if len(mk) == 1 and len(mk[0]) == 1]
        best: tuple[int, list[int], bool] | None = None
        found = self.marker(pos, slot.markers, owner)
        if found is not None:
            i, j, resumptive = found
            if resumptive:
                return [], resumptive
            # (على أي هجوم أمريكي: a marker that is an event noun licenses its agent's nisba)
            saved, self.event_nisba = self.event_nisba, self.event_nisba or self._is_trigger_word(i)
            ks, _ = self.right(j, allow_place, MARKER_GAP, phrase=True)
            self.event_nisba = saved
            if ks:
                best = (i, ks, False)
        if clitics and pos < len(self.tokens):
            pronoun = next((self.norms[pos][1:] for c in clitics if self.norms[pos].startswith(c)
                            and self.norms[pos][1:] in _PRONOUN_SUFFIXES), "")
            if pronoun and best is None:
                return [], pronoun  # موالية لها: the marker points back
            ks, _ = self.right(pos, allow_place, MARKER_GAP)
            if ks:
                a = self.args[ks[0]]
                prev = self.norms[a.first - 1] if a.first > 0 else ""
                # the proclitic may sit on the argument, stand alone, or sit on the noun a
                # nisba qualifies (للقوات الروسية), on a quantifier (بجميع الفصائل) or on the
                # toponym head of a place (بمعبر X)
                head = prev if a.first > 0 and (a.nisba and self.is_(a.first - 1, "actor_head")
                                                or self.is_(a.first - 1, "quantifier")
                                                or (a.place and self._indefinite_head(a.first - 1))) else ""
                if any(a.clitic.endswith(c) or a.clitic.endswith(c + "ل") or prev == c
                       or head.startswith(c) for c in clitics):
                    if best is None or a.first < best[0]:
                        best = (a.first, ks, False)
        return (best[1] if best else []), ""


def _clitic_preposition(clitic: str) -> str:
    """The preposition among an argument's proclitics (ب of وب, ل of لل), or ""."""
    rest = clitic.lstrip("وف")
    return rest[:1] if rest[:1] in _PREPOSITION_CLITICS else ""


def _name_heads(actor: Actor) -> frozenset[str]:
    """First nouns of an actor's names, without the article (تنظيم of تنظيم الدولة)."""
    firsts = (match_form(n.split()[0]) for n in (actor.name_ar, *actor.aliases_ar) if n.split())
    return frozenset(w[2:] if w.startswith("ال") else w for w in firsts)


def _feminine(actor: Actor | None, surface: str) -> bool:
    """An actor a feminine or plural pronoun refers to: a state (موسكو، تركيا) or one whose
    name (the gazetteer's, else the text's) is headed by a feminine or plural noun (هيئة
    تحرير الشام، وحدات حماية الشعب)."""
    words = (actor.name_ar if actor is not None else surface).split()
    head = match_form(words[0]) if words else ""
    return (actor is not None and actor.type == "Country") or head.endswith(("ه", "ات"))


def _countries(actors: Mapping[str, Actor]) -> dict[str, str]:
    """Country actors by the match form of their names and capitals (الأردن، أنقرة), and
    governments by their capitals (دمشق)."""
    found = {match_form(name): a.id for a in actors.values() if a.type == "Government" for name in a.metonyms_ar}
    return found | {
        match_form(name): _state_of(a, actors)
        for a in actors.values() if a.type == "Country"
        for name in (a.name_ar, *a.aliases_ar, *a.metonyms_ar)
    }


def _state_of(country: Actor, actors: Mapping[str, Actor]) -> str:
    """The actor a country named as a party stands for: itself, or for a country whose name
    denotes a territory (سوريا), the one government of its nisba (السورية of الجمهورية
    العربية السورية: syria.gov)."""
    if not country.territory:
        return country.id
    names = [match_form(n) for n in (country.name_ar, *country.aliases_ar)]
    states = [a.id for a in actors.values() if a.type == "Government" and not a.parent
              and any(match_form(nisba) in name for nisba in a.nisba_ar for name in names)]
    return states[0] if len(states) == 1 else country.id


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


def _role_phrases(sent: _Sentence, actors: Mapping[str, Actor]) -> list[tuple[int, str, int, int, str | None]]:
    """MEMBER_OF from role phrases: (person argument, org id, first word, last word, the
    larger org the org is in).

    Preposed (الرئيس الروسي فلاديمير بوتين، وزير الخارجية الألماني، هايكو ماس) or postposed
    (أحمد العودة القائد العام لفصيل "X"). The org is the first organization the phrase
    names (قائد فيلق القدس في الحرس الثوري: فيلق القدس, itself in the الحرس الثوري; نائب
    رئيس هيئة الحشد الشعبي العراقية: the هيئة, not the nationality), else a nisba, else the
    org the role finder read, else the person's parent in the gazetteer. Arguments of the
    phrase then stand for the person.
    """
    found = []
    for p, a in enumerate(sent.args):
        if not a.person:
            continue
        span = _role_span(sent, a.first - 1, -1) or _role_span(sent, a.last + 1, 1)
        if span is None:
            # a role the phrase walk does not read (after a rank, a parenthesis, a domain:
            # المتحدث باسم الوزارة الأميرال فلان), as the role finder read it
            if a.org and a.org != a.id:
                k = next((k for k in range(p - 1, -1, -1) if sent.args[k].id == a.org), None)
                if k is not None:
                    sent.owner.setdefault(k, p)
                found.append((p, a.org, a.first if k is None else sent.args[k].first, a.last, None))
            continue
        lo, hi = span
        orgs: list[int] = []
        posted = False
        for i in range(lo, hi + 1):
            if sent.norms[i] in sent.rules.lexicons["posted_at"]:
                posted = True
            k = sent.arg_at[i]
            if k is not None and k != p and not sent.args[k].place and not sent.args[k].person:
                if k not in sent.owner:
                    sent.owner[k] = p
                if not posted and k not in orgs:
                    orgs.append(k)
        # an org after the role word before one before it (وفد الفصائل رئيس المكتب السياسي لـX)
        head = next((i for i in range(lo, hi + 1) if sent.is_(i, "role")), lo)
        orgs = [k for k in orgs if sent.args[k].first > head] or orgs
        named = [k for k in orgs if not sent.args[k].nisba]
        actor = actors.get(a.id)
        org = sent.args[named[0] if named else orgs[-1]].id if orgs else (
            a.org or (actor.parent if actor is not None else None) or _pronoun_org(sent, lo, hi, actors))
        if a.org and org and _inside(actors, a.org, org):
            org = a.org  # وزير الدفاع الروسي: the ministry the role finder read, within the state
        larger = sent.args[named[1]].id if len(named) > 1 and "في" in sent.norms[
            sent.args[named[0]].last + 1 : sent.args[named[1]].first] else None
        if org and org != a.id:
            found.append((p, org, min(lo, a.first), max(hi, a.last), larger))
    return found


def _pronoun_org(sent: _Sentence, lo: int, hi: int, actors: Mapping[str, Actor]) -> str | None:
    """The organization a role names by a possessive pronoun (وزير خارجيتها، المتحدث باسمه،
    رئيس أركانه): the actor before the phrase the pronoun refers to, a person's own org."""
    for i in range(lo, hi + 1):
        if sent.norms[i] in sent.rules.lexicons["role_pronoun"]:
            pronoun = next(p for p in _PRONOUN_SUFFIXES if sent.norms[i].endswith(p))
            ks = sent.antecedent(lo, pronoun)
            if not ks:
                return None
            a = sent.args[ks[0]]
            actor = actors.get(a.id)
            return (a.org or (actor.parent if actor is not None else None)) if a.person else a.id
    return None


def _self_relation(predicate: str, s: _Arg, o: _Arg) -> bool:
    """Whether a relation between an actor and one of its own members or units would say
    nothing: a person and the organization they act for in anything but an arrest
    (بوتين وروسيا، الأسد والحكومة), a unit opposing or threatening its own organization;
    a state backing its proxy, or arresting its own commander, says something."""
    if predicate in ("MEMBER_OF", "PART_OF", "ATTACKS"):
        return False
    return s.person or o.person or predicate in ("OPPOSES", "THREATENS")


def _inside(actors: Mapping[str, Actor], unit: str, org: str) -> bool:
    """Whether actor ``unit`` is a part of ``org`` (russia.mod of russia)."""
    seen = set()
    actor = actors.get(unit)
    while actor is not None and actor.parent and actor.id not in seen:
        seen.add(actor.id)
        if actor.parent == org:
            return True
        actor = actors.get(actor.parent)
    return False


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
            if step > 0 and words == 0 and _conjoined_role(sent, i):
                return None  # X ورئيس Y Z: the role of the next person, Z
            has_role = True
            last_role = i
        elif k is not None:
            a = sent.args[k]
            if a.person and step < 0 and (coordinated or (words == 0 and _joined(sent, start + 1))) and not has_role:
                # the role of the first person of a coordination is the second's too
                has_role = _role_span(sent, a.first - 1, -1) is not None
                break
            if a.person or (a.place and not (a.first > 0 and sent.norms[a.first - 1] == "في")):
                break  # a place after في qualifies the role (المتحدث باسم X في حلب)
            coordinated = coordinated or (a.nisba and a.clitic.startswith("و"))
            i = a.first if step < 0 else a.last
        elif not (sent.is_(i, "role_filler") or w in sent.rules.lexicons["role_filler"] or w.isdigit()):
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


def _conjoined_role(sent: _Sentence, i: int) -> bool:
    """Whether the role word at ``i`` is read only with the conjunction و before it."""
    roles = sent.rules.lexicons["role"]
    prefixes = {p for s, p in sent.stems(i, _NOUN_PREFIXES) if s in roles}
    words, prefix = sent.phrase_at(i, "role")
    if words:
        prefixes.add(prefix)
    return bool(prefixes) and all(p.startswith("و") for p in prefixes)


def _joined(sent: _Sentence, i: int) -> bool:
    """Whether the argument at word ``i`` is joined by و to the one before it (الرئيسين X وY:
    the role of X is Y's too)."""
    k = sent.arg_at[i] if i < len(sent.tokens) else None
    return k is not None and sent.args[k].clitic.startswith("و")


# --------------------------------------------------------------------------- triggers


def _find_triggers(sent: _Sentence) -> list[_Trigger]:
    found: list[_Trigger] = []
    for i in range(len(sent.tokens)):
        if sent.punct[i] or sent.arg_at[i] is not None:
            continue  # a word of a name is no trigger (هيئة تحرير الشام)
        seen = set()
        for rule, words, prefix, pronoun in _word_triggers(sent.rules, sent.norms[i]):
            if (rule.id, i) in seen or tuple(sent.norms[i + 1 : i + len(words)]) != words[1:]:
                continue
            if rule.requires and not _followed_by(sent, i + len(words), rule.requires, rule.requires_window):
                continue
            if rule.preceded_by and not _preceded_by(sent, i, rule.preceded_by):
                continue
            seen.add((rule.id, i))
            found.append(_Trigger(rule, i, i + len(words) - 1, prefix, sum(map(len, words)), pronoun))
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


@lru_cache(maxsize=65536)  # runs for every word; words repeat
def _word_triggers(rules: RelationRules, word: str) -> tuple[tuple[RelationRule, tuple[str, ...], str, str], ...]:
    """Rules a word may start a trigger of, with their trigger words, the proclitic the word
    carries and the object pronoun of a verb: (rule, words, prefix, pronoun)."""
    index = rules.index
    out = []
    for prefixes, suffixes in ((_VERB_PREFIXES, _VERB_SUFFIXES), (_NOUN_PREFIXES, _SUFFIXES)):
        for stem, prefix in _readings(word, prefixes):
            for suffix in suffixes:
                if suffix and not (stem.endswith(suffix) and len(stem) - len(suffix) >= 2):
                    continue
                base = stem[: len(stem) - len(suffix)] if suffix else stem
                if prefix and suffix and len(base) < 4:
                    continue  # فائدة is no ف + أيد + ه
                for rule, words in index.get(base, ()):
                    allowed = _VERB_PREFIXES if rule.pos == "verb" else _NOUN_PREFIXES
                    if prefix not in allowed:
                        continue
                    if suffix and (rule.pos == "noun" and (len(words) > 1 or suffix not in _SUFFIXES)
                                   or len(words) > 1 and _object_pronoun(suffix)):
                        continue  # a phrase inflects its verb only (أرسلت أسلحة)
                    out.append((rule, words, prefix, _object_pronoun(suffix) if rule.pos == "verb" else ""))
    return tuple(out)


def _followed_by(sent: _Sentence, start: int, words: frozenset[str], window: int) -> bool:
    """Whether one of ``words`` stands within ``window`` words from ``start``, in the clause
    (وصفت X الهجوم بأنه عدوان: past a complementizer with ب, which introduces what is said)."""
    for i in range(start, min(len(sent.tokens), start + window)):
        if sent.boundary[i] or (sent.comp[i] and not sent.norms[i].startswith("ب")):
            return False
        if not words.isdisjoint(sent.stem_set(i)):
            return True
    return False


def _preceded_by(sent: _Sentence, end: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` stands within REQUIRES_WINDOW + 4 words before word ``end``,
    in its clause (قاتل فيها مئات من عناصر X إلى جانب Y: the verb before the subject)."""
    for i in range(end - 1, max(-1, end - REQUIRES_WINDOW - 5), -1):
        if sent.boundary[i] or sent.comp[i]:
            return False
        if not words.isdisjoint(sent.stem_set(i)):
            return True
    return False


def _object_pronoun(suffix: str) -> str:
    """The object pronoun at the end of a verb's suffix (ها of زودتها), if any."""
    return next((p for p in _PRONOUN_SUFFIXES if suffix.endswith(p)), "")


# --------------------------------------------------------------------------- slots


@dataclass
class _Reading:
    subjects: list[int]
    objects: list[int]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # symmetric groups
    event: _Trigger | None = None  # the event noun that is the subject, when it has no agent


def _allow_place(rules: RelationRules, predicate: str, role: str) -> bool:
    return "place" in rules.predicates[predicate].get(f"{role}_kinds", ("actor",))


def _only_places(rules: RelationRules, rule: RelationRule) -> bool:
    """Whether a rule's predicate takes only places as objects (CONTROLS)."""
    return _kinds(rules, rule.predicate, "object") == ("place",)


def _agent(sent: _Sentence, t: _Trigger, allow_place: bool, before: bool = True) -> list[int]:
    """The agent of a noun trigger (``before``: else an actor before it)."""
    n = len(sent.tokens)
    # a nisba right after the noun: الدعم التركي، بدعم جوي روسي (not one of a phrase or a
    # noun after it: اتصال بالطرف الروسي، المحادثات برعاية روسية)
    for i in range(t.last + 1, min(n, t.last + 5)):
        if sent.stop(i) or (sent.arg_at[i] is None and (_preposition(sent.norms[i]) or sent._is_trigger_word(i))):
            break
        if i > t.last + 2 and not all(sent.agent_noun(j) for j in range(t.last + 1, i)):
            break  # (بضربات طائرات مسيرة تركية: past the actor nouns of the construct)
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
        if not hit and sent.norms[i] == "من" and i <= t.last + 3 \
                and t.rule.object.side in ("left", "left near", "parties"):
            hit = 1  # بدعم من روسيا، بإسناد جوي ومدفعي من روسيا
        if hit:
            inside = [k for k in range(len(sent.args)) if t.last < sent.args[k].first and sent.args[k].last < i
                      and sent.usable(k, False, True) and not sent.governed(k)]
            if inside and any(sent.is_(j, "relative") for j in range(t.last + 1, sent.args[inside[0]].first)):
                # الحملة التي كانت قوات النظام تشنها على X: the relative clause's subject; none
                # where it only intends the act (العملية التي كانت أنقرة تعتزم شنها: a threat)
                if any(cue_at(sent.norms, i - 1, c) for c in sent.rules.cues.of("future")):
                    return []
                return sent.resolve(sent.group(inside[0]))
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
    if g + 1 < n and sent.arg_at[g] is None and sent.agent_noun(g) and not sent.norms[g].startswith("ال") \
            and sent.arg_at[g + 1] is not None:
        g += 1  # a construct of an actor noun (إلقاء مروحيات النظام، قصف طائرات التحالف): its genitive
    if g < n and (sent.norms[g] in _DEMONSTRATIVES or (
            g == t.last + 1 and sent.arg_at[g] is None and sent.norms[g].startswith("ال")
            and sent.agent_noun(g) and not sent.is_(g, "role"))):
        return []  # سيطرة هذا التنظيم، قصف الطيران: a genitive the gazetteer does not know
    if g < n and not _definite(sent, t):
        k = sent.arg_at[g]
        if k is not None and sent.usable(k, False) and not sent.args[k].clitic.endswith(_PREPOSITION_CLITICS) \
                and not sent.args[k].place and not _objective_genitive(sent, t, k):
            return sent.resolve(sent.group(sent.owner.get(k, k)))
    # else the nearest actor before, unless the noun is a cause (قتل X جراء قصف): X is its victim
    if not before or any(sent.is_(i, "cause") for i in range(max(0, t.first - 2), t.first)):
        return []
    ks = sent.left(t.first, False, limit=AGENT_WINDOW)
    if ks and sent.args[ks[0]].nisba and sent.noun_triggers.get(sent.args[ks[0]].first - 1) is not None:
        return []  # (بوساطة روسية، إلى اتفاق: the nisba is the agent of the noun before it)
    if ks:
        first = min(sent.args[k].first for k in ks)
        if sent.after_victim_word(first) or any(sent.is_(i, "victim") for i in range(first, t.first)):
            return []  # قتل عناصر من X في غارات …، X قتل فيها …: X is the victim
    return ks


def _objective_genitive(sent: _Sentence, t: _Trigger, k: int) -> bool:
    """Whether the genitive ``k`` of a masdar whose object follows it is that object: when the
    masdar is governed by a verb or a preposition (قررت دعم الفصائل، تعهدت بدعم المعارضة)
    rather than standing after its own subject (انتقدت روسيا دعم واشنطن), and no other
    complement follows the genitive (دعم روسيا للنظام: روسيا is the agent)."""
    if t.rule.object.side not in ("right", "right near"):
        return False
    if not _governed(t) and t.first > 0 and sent.arg_at[t.first - 1] is not None:
        return False
    end = sent.end_of(sent.group(k))
    return not (end < len(sent.tokens) and (sent.norms[end] in {"على", "ضد"} or (
        sent.norms[end].startswith("ل") and sent.norms[end] not in _VSO_OPENERS and not sent.is_(end, "boundary"))))


def _governed(t: _Trigger) -> bool:
    """A noun trigger with a prepositional proclitic (بالاتفاق، لدعم، للقصف)."""
    proclitic = t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix
    return proclitic.endswith(("ب", "ل"))


def _preposition(word: str) -> bool:
    """A preposition, or a noun with a prepositional proclitic and the article (بالجانب)."""
    return word in _PREPOSITIONS or word.startswith(("بال", "لل", "وبال", "ولل", "فبال", "فلل"))


def _definite(sent: _Sentence, t: _Trigger) -> bool:
    """A noun trigger ending in a word with the article: it takes no genitive (يستثني
    الاتفاق هيئة تحرير الشام: الهيئة is the verb's object, not a party to the agreement)."""
    if t.last == t.first:
        return t.prefix.endswith(("ال", "لل"))
    return sent.norms[t.last].startswith(("ال", "لل"))


def _slot(sent: _Sentence, t: _Trigger, slot: Slot, allow_place: bool, start: int,
          subject: bool) -> tuple[list[int], int, str]:
    """Arguments of a slot: (arguments, the word after them, the pronoun of a resumptive
    marker or "")."""
    if slot.side == "left":
        barrier = _verb_barrier(sent, t) if subject else -1
        return sent.left(t.first, allow_place, barrier=barrier, subject=subject,
                         verb=subject and t.rule.pos == "verb"), start, ""
    if slot.side == "left near":
        ks = sent.left(t.first, allow_place, near=True, subject=subject)
        return _aside_antecedent(sent, ks) or ks, start, ""
    if slot.side in ("clause", "parties"):
        return [], start, ""  # the verb before's (see _carried); the other relations' (_parties)
    if slot.side == "possessor":
        # حليفها السوري: the one the noun's possessive pronoun refers to
        word = sent.norms[t.last]
        pronoun = next((p for p in ("هما", "هم", "ها", "ه") if word.endswith(p)), "")
        return (sent.antecedent(t.first, pronoun) if pronoun else []), start, ""
    if slot.side == "left victim":
        ks = sent.left(t.first, allow_place, subject=subject)
        first = min((sent.args[k].first for k in ks), default=0)
        if not sent.after_victim_word(first):
            ks = []
        return ks, start, ""
    if slot.side in ("agent", "agent after"):
        # رحبت طهران ودمشق بالاتفاق: a noun governed by a preposition is another verb's
        # complement, the actors before it are not its parties
        # (nor after an adverbial one: توصل X ونظيره Y، بعد محادثات …: see _arguments)
        governed = t.rule.pos == "noun" and (_governed(t) or (t.first > 0 and sent.is_(t.first - 1, "adjunct")
                                                            and sent.norms[t.first - 1] not in _PREPOSITIONS)) \
            and sent.rules.predicates[t.rule.predicate].get("symmetric")
        return _agent(sent, t, allow_place, before=slot.side == "agent" and not governed), start, ""
    if slot.side in ("right", "right near"):
        limit = 2 if slot.side == "right near" else RIGHT_WINDOW
        ks, end = sent.right(start, allow_place, limit=limit, direct=True)
        return ks, end, ""
    if slot.side == "around":
        if _masdar(sent, t) and t.pronoun and t.rule.object.side == "after":
            # بعد سيطرتها على معبر X: the masdar's possessive pronoun is its agent, an actor
            # in a subject's position (أعلنت X القضاء على خلافة Y، بعد سيطرتها: X)
            ks = next((sent.resolve(sent.group(k)) for k in range(len(sent.args) - 1, -1, -1)
                       if sent.args[k].last < t.first and sent.usable(k, False, True)
                       and _subject_position(sent, k)), [])
            return ks, start, ""
        if _masdar(sent, t):
            # بالرغم من شن الطائرات الروسية الغارات: after a preposition the verb is a masdar,
            # its agent follows it
            ks = sent.vso_subject(start, allow_place)
            return ks, (sent.end_of(ks) if ks else start), ""
        # SVO when an actor stands right before the verb (الحرس الثوري يزود حزب الله); a
        # verb with و or ف opens a clause of its own, what stands before it is no subject
        adjacent = [] if _conjoined(t) else sent.left(t.first, allow_place, limit=0)
        if adjacent and min(sent.args[k].first for k in adjacent) - 1 in sent.verbs:
            adjacent = []  # انتقدت روسيا دعم واشنطن: after a verb and its subject, a masdar
        if adjacent:
            return adjacent, start, ""
        if _after_relative(sent, t) and not t.pronoun and not (t.last + 1 < len(sent.tokens)
                                                              and _resumptive(sent.norms[t.last + 1])):
            # المعارضة التي تقاتل داعش: with no pronoun pointing back to it, the antecedent
            # of a relative clause is its subject (none where it is unnamed: المسلحين الذين)
            found = sent.left(t.first, allow_place, near=True)
            if not found and _vso_in_relative(sent, t, allow_place):
                # الهجوم الذي تتهم واشنطن قوات الأسد بشنه: an antecedent that is no actor
                # leaves the subject after the verb, with the object after it
                ks = sent.vso_subject(start, allow_place)
                return ks, sent.end_of(ks), ""
            return found, start, ""
        if _vso_possible(sent, t) and not _complement_phrase(t):
            ks = sent.vso_subject(start, allow_place)
            if ks:
                return ks, sent.end_of(ks), ""
        if _shares_subject(sent, t):
            return [], start, False  # the subject of the verb before: see _carried
        return sent.left(t.first, allow_place, barrier=_verb_barrier(sent, t), verb=True), start, ""
    if (sent.norms[t.last],) in slot.markers and t.last > t.first:
        # the marker closes the trigger (تسعى مع، اتصال هاتفي مع): the argument follows
        ks, _ = sent.right(t.last + 1, allow_place, MARKER_GAP)
        return ks, start, ""
    ks, resumptive = sent.after(start, slot, allow_place, t)
    return ks, start, resumptive


def _parsed(sent: _Sentence, t: _Trigger) -> _Reading | None:
    """The subject and object of a verb trigger read from the dependency parse, where one
    was made (:mod:`kg.syntax`) and it names both; None leaves the reading to the slots.

    The subject is the active verb's ``nsubj``; the object its ``obj``, or, where the rule
    takes its object after a marker (على، مع …), the oblique with that preposition. Each
    is the arguments inside the phrase that names the participant (its core), so an
    actor in a relative clause of the subject (الفصائل المدعومة من تركيا) is not taken.
    Passives, subjectless clauses and nouns stay with the surface patterns.
    """
    rule = t.rule
    if not sent.text.words or rule.pos != "verb":
        return None
    deps = dependents(sent.text.words, sent.first_token + t.first)
    subject = next((d for d in deps if d.deprel == "nsubj"), None)
    if rule.object.side in ("right", "right near"):
        obj = next((d for d in deps if d.deprel == "obj"), None)
    else:
        markers = {m[0] for m in rule.object.markers if len(m) == 1}
        obj = next((d for d in deps if d.deprel.split(":")[0] in ("obl", "nmod") and d.marker in markers), None)
    if subject is None or obj is None:
        return None
    s_place = _allow_place(sent.rules, rule.predicate, "subject")
    o_place = _allow_place(sent.rules, rule.predicate, "object")
    subjects = sent.args_within(subject.core, s_place)
    objects = [k for k in sent.args_within(obj.core, o_place) if k not in subjects]
    return _Reading(subjects, objects) if subjects and objects else None


def _read(sent: _Sentence, t: _Trigger) -> _Reading:
    parsed = _parsed(sent, t)
    if parsed is not None:
        return parsed
    rules = sent.rules
    rule = t.rule
    symmetric = bool(rules.predicates[rule.predicate].get("symmetric")) or rule.mutual
    # (برعاية روسية تركية: two mediators; يقاتل إلى جانب X وY، سيواصل قتال X وY: a phrase
    # whose complement is its object names one side only)
    sides = _sides(sent, t) if symmetric and rule.object.side != "parties" else None
    if sides is not None:
        # اشتباكات بين X وY من جهة، وZ من جهة أخرى: each side against the other only
        return _Reading([], [], pairs=[(a, b) for a in sides[0] for b in sides[1]])
    if symmetric and rule.object.side != "parties" and not _complement_phrase(t):
        pairs = _symmetric_group(sent, t)
        if len(pairs) >= 2:
            return _Reading([], [], pairs=[(a, b) for x, a in enumerate(pairs) for b in pairs[x + 1 :]])
    s_place = _allow_place(rules, rule.predicate, "subject")
    o_place = _allow_place(rules, rule.predicate, "object")
    subjects = _embedded_subject(sent, t) if rule.subject.side == "around" else []
    end = t.last + 1
    s_pronoun = ""
    event = _event_before(sent, t) if rule.pos == "verb" and rule.subject.side in ("around", "left") \
        and not _masdar(sent, t) else None
    if event is not None and not subjects:
        # غارات جوية استهدفت …: the verb's subject is the event, its agent is the actor
        subjects = _agent(sent, event, False) or [-1]
    after = sent.noun_triggers.get(t.last + 1) if rule.pos == "verb" and rule.subject.side == "around" \
        and not subjects and not _masdar(sent, t) else None
    if after is not None and after.first == t.last + 1 and after.rule.predicate == rule.predicate:
        # واستهدف هجوم تبنته X قاعدة Y: the subject after the verb is the event, its agent
        # the actor, and the object follows the agent
        subjects = _agent(sent, after, False, before=False)
        if subjects:
            end = sent.end_of(subjects)
    if not subjects:
        # the nearest actor that can be the subject (… الوحدات، التي تعدها أنقرة الفرع السوري
        # لحزب العمال: a state is part of nothing)
        sent.unfit = frozenset(rules.predicates[rule.predicate].get("subject_not_types", ()))
        subjects, end, s_pronoun = _slot(sent, t, rule.subject, s_place, t.last + 1, subject=True)
        sent.unfit = frozenset()
    agentless = event if subjects == [-1] else None
    subjects = [k for k in subjects if k >= 0]  # -1: an event without a known agent
    # a direct object stands after a VSO subject; a marker is searched from the trigger on
    after_subject = rule.object.side in ("right", "right near") and bool(subjects) \
        and sent.args[subjects[0]].first > t.last
    sent.skip = frozenset(subjects)
    sent.event_nisba = bool(rules.predicates[rule.predicate].get("object_event_nisba"))
    if t.pronoun and rule.object.side in ("right", "right near"):
        # وتمدها طهران بالأسلحة: the object pronoun stands for an argument before the verb;
        # in a relative clause for its antecedent, if named (الإرهاب الذي تدعمه إيران: none)
        act = _act_author(sent, t) if rule.predicate == "OPPOSES" else []
        objects = act or (sent.relative_antecedent(t.first, o_place, _only_places(rules, rule), near=True)
                          if _after_relative(sent, t) else [] if _after_noun(sent, t)
                          else sent.antecedent(t.first, t.pronoun, o_place))
        resumptive = ""
    else:
        objects, _, resumptive = _slot(sent, t, rule.object, o_place, end if after_subject else t.last + 1,
                                       subject=False)
    sent.skip = frozenset()
    sent.event_nisba = False
    if s_pronoun and not subjects and len(objects) > 1:
        # تركيا وفصائل سورية موالية لها: the pronoun is the first of the coordinated nouns
        # the participle follows, the others are what it describes
        subjects, objects = objects[:1], objects[1:]
    if resumptive and not _after_relative(sent, t) and rule.subject.side == "left near" and len(subjects) >= 2:
        # القوات التركية والفصائل المتحالفة معها: the participle describes the last of the
        # coordinated nouns, its pronoun points to the ones before
        subjects, objects = subjects[-1:], subjects[:-1]
    elif resumptive or (not objects and not t.pronoun and rule.object.side == "right" and _after_relative(sent, t)):
        # التي تسيطر عليها المعارضة: the object is the antecedent of the relative pronoun
        objects = [k for k in sent.relative_antecedent(t.first, o_place, _only_places(rules, rule)) if k not in subjects]
    if symmetric and subjects and not objects and len(subjects) >= 2 and rule.object.side != "parties" and not (
        rule.object.side == "after" and sent.marker(t.last + 1, rule.object.markers)
    ):
        # several parties and no other (اتفقت روسيا وتركيا); with a marker the other party
        # is named, if unknown (معارك مع مسلحين مجهولين)
        return _Reading([], [], pairs=[(a, b) for x, a in enumerate(subjects) for b in subjects[x + 1 :]])
    if symmetric and objects and not subjects and len(objects) >= 2 and rule.object.side == "right" \
            and not _complement_phrase(t):
        # قمة جمعت الرئيسين X وY: the parties are the verb's direct objects
        return _Reading([], [], pairs=[(a, b) for x, a in enumerate(objects) for b in objects[x + 1 :]])
    return _Reading(subjects, objects, event=agentless)


def _arguments(sent: _Sentence, t: _Trigger, reading: _Reading, carried: list[_Arg],
               verb_subjects: Mapping[int, list[_Arg]],
               agents: Mapping[str, list[_Arg]]) -> tuple[list[_Arg], list[_Arg]]:
    """Subjects and objects of a reading, completed from the clause and the text where its
    slots found none: a shared subject (``carried``), the subject of the clause, the agent
    of an event the text spoke of."""
    rule = t.rule
    subjects = [sent.args[k] for k in reading.subjects]
    objects = [sent.args[k] for k in reading.objects]
    if reading.pairs:
        return subjects, objects
    if carried and subjects and not t.pronoun and sent.args[reading.subjects[0]].first > t.last \
            and rule.object.side in ("right", "right near") \
            and (not objects or _past_complement(sent, reading.subjects, reading.objects)):
        # قال X …، واتهم تركيا بـ…: the one argument after a verb that shares its subject is
        # its object (what follows بـ is the complement's)
        subjects, objects = carried, subjects
    if not subjects:
        if _conjoined(t):
            # coordinated verbs share their subject
            subjects = carried or list(verb_subjects.get(_previous_verb(sent, t), ()))
        elif rule.pos == "verb":
            subjects = carried or [sent.args[k] for k in _matrix_subject(sent, t)]
        elif rule.subject.side == "clause":
            subjects = carried
        elif objects and sent.rules.predicates[rule.predicate].get("symmetric"):
            subjects = _clause_agent(sent, t, verb_subjects)
        elif rule.pos == "noun" and sent.rules.predicates[rule.predicate].get("symmetric"):
            # توصل X ونظيره Y، بعد محادثات استمرت …، إلى اتفاق: the talks of the clause's parties
            parties = _clause_agent(sent, t, verb_subjects)
            if len(parties) >= 2:
                return parties, parties
        elif objects and rule.subject.side == "agent":
            # (وتمكن من تحرير المدينة: a masdar after a preposition is the clause's act)
            # (أكدت موسكو أنها ستواصل دعم دمشق: the masdar after the verb of the clause after
            # أن is the speaker's act)
            subjects = _event_agent(sent, t, agents) or _clause_agent(sent, t, verb_subjects) \
                or [sent.args[k] for k in _speaker_act(sent, t)]
        if reading.event is not None and _definite(sent, reading.event):
            # قال ناشطون إن الغارات دمرت مستشفى …: the strikes the text spoke of, by their agent
            subjects = [a for a in agents.get(reading.event.rule.predicate, ()) if all(a.id != o.id for o in objects)]
    genitive = sent.args[reading.subjects[0]].first == t.last + 1 and not sent.args[reading.subjects[0]].nisba \
        if reading.subjects else False
    if subjects and rule.subject.side == "agent after" and rule.object.side == "left near" and not genitive \
            and reading.objects and all(_after_preposition(sent, k) for k in reading.objects):
        objects = []  # المعارك ضد التنظيم بدعم من X: the one fought is not the one backed
    if subjects and rule.subject.side == "agent after" and rule.object.side == "left near" and not genitive \
            and (not objects or sent.norms[t.first - 1] in _COMMAS):
        # سيطرت X على … بعد هجوم … بدعم جوي روسي، هاجمت X مواقع Y، بدعم من Z: backing after a
        # comma or no actor is for the clause's subject (متهمة بمساعدة نظام الأسد: a masdar
        # with its object is no backing)
        v = max((v for v in sent.verbs if v < t.first), default=-1)
        if v < 0 and not objects:
            # أعادت X السيطرة على مدينة Y بإسناد جوي من Z: with no trigger verb, the actor
            # the clause opens with (a place or an actor after a preposition is none)
            pos, v_ks = t.first, sent.left(t.first, False)
            while v_ks and any(sent.governed(k) or _after_preposition(sent, k) for k in v_ks):
                pos = min(sent.args[k].first for k in v_ks)  # (بعد معارك ضد Y بدعم من Z: past Y)
                v_ks = sent.left(pos, False)
            objects = [sent.args[k] for k in v_ks if all(sent.args[k].id != b.id for b in subjects)]
        objects = [a for a in verb_subjects.get(v, ()) if all(a.id != b.id for b in subjects)] or objects
    if subjects and not objects and rule.object.side == "right" \
            and sent.rules.predicates[rule.predicate].get("object_event_nisba"):
        # أدانت دمشق الغارات، وصف بوتين الضربات بأنها عدوان: the strikes the text spoke of,
        # by their agents
        event = _event_object(sent, t, reading)
        if event is not None:
            objects = [a for a in agents.get(event.rule.predicate, ()) if all(a.id != b.id for b in subjects)]
    if {"actor", "place"} <= set(_kinds(sent.rules, rule.predicate, "object")):
        # (أطلقت X صواريخ على قاعدة Y الجوية التابعة للنظام: the base and its owner)
        objects = objects + [a for a in _place_owners(sent, objects) if all(a.id != b.id for b in objects)]
    return subjects, objects


def _subject_position(sent: _Sentence, k: int) -> bool:
    """Whether argument ``k`` stands where a subject does: after a word shaped like a verb
    (تعهدت فيه دمشق، وافقت أنقرة), a complementizer or a comma, not after a noun whose
    genitive it is (ملاحقة خلايا التنظيم، لطرد التنظيم)."""
    i = sent.args[k].first - 1
    while i >= 0 and (sent.punct[i] and sent.norms[i] not in _COMMAS or sent.is_(i, "time_word")
                      or sent.agent_noun(i) or sent.norms[i] in {"فيه", "فيها", "عليه", "عليها"}):
        i -= 1
    if i < 0 or sent.stop(i) or sent.norms[i] in _COMMAS or sent.speaker_at(k) or (
            sent.arg_at[i] is not None and k in sent.owner.values()):
        return True  # (قال رئيس النظام X: the person of a role phrase after a verb of saying)
    word = sent.norms[i][1:] if sent.norms[i].startswith(("و", "ف")) and len(sent.norms[i]) > 3 else sent.norms[i]
    return word.startswith(("ي", "ت", "أ", "ا")) and not word.startswith("ال")


def _aside_antecedent(sent: _Sentence, ks: Sequence[int]) -> list[int]:
    """The named actor an aside describes, where ``ks`` is the bare group noun the aside
    opens with (X، وهي تحالف فصائل مدعومة من طهران: X, not some factions), else []."""
    if len(ks) != 1 or not sent.unnamed_noun(sent.args[ks[0]], "irregular_head"):
        return []
    a = sent.args[ks[0]]
    opener = next((i for i in range(a.first - 1, max(0, a.first - 4), -1) if sent.norms[i] in _ASIDE_OPENERS), None)
    if opener is None or opener < 2 or sent.norms[opener - 1] not in _COMMAS:
        return []
    j = opener - 2
    while j > 0 and sent.punct[j] and sent.norms[j] not in _COMMAS:
        j -= 1  # (past the quotes of a name: «X»، وهي …)
    k = sent.arg_at[j]
    return sent.resolve(sent.group(k)) if k is not None and not sent.args[k].place else []


def _after_preposition(sent: _Sentence, k: int) -> bool:
    """Whether argument ``k`` follows a preposition, at most one word (its group noun) between
    (من تنظيم «X»، على مواقع X)."""
    words = [i for i in range(max(0, sent.args[k].first - 4), sent.args[k].first) if not sent.punct[i]][-2:]
    return any(sent.norms[i] in _PREPOSITIONS for i in words)


def _place_owners(sent: _Sentence, objects: Sequence[_Arg]) -> list[_Arg]:
    """The actors that places among ``objects`` belong to: a base is its owner's (قاعدة X
    الجوية التابعة للنظام: the government is attacked too)."""
    found = []
    for a in objects:
        if not a.place or not any(a is b for b in sent.args):
            continue
        i = a.last + 1
        while i < min(len(sent.tokens), a.last + 3) and sent.arg_at[i] is None and sent.norms[i].startswith("ال") \
                and not sent.is_(i, "affiliation"):
            i += 1  # (الجوية، العسكرية)
        k = sent.arg_at[i + 1] if i + 1 < len(sent.tokens) and sent.is_(i, "affiliation") else None
        if k is not None and not sent.args[k].place and _clitic_preposition(sent.args[k].clitic) == "ل":
            found += [sent.args[m] for m in sent.resolve(sent.group(k))]
    return found


def _event_object(sent: _Sentence, t: _Trigger, reading: _Reading) -> _Trigger | None:
    """A definite event noun without an agent of its own as a verb's direct object."""
    i = sent.end_of(reading.subjects) if reading.subjects and sent.args[reading.subjects[0]].first > t.last \
        else t.last + 1
    while i < len(sent.tokens) and (sent.punct[i] or sent.is_(i, "time_word")):
        i += 1
    event = next((e for e in sent.noun_triggers.values() if e.first == i), None)
    if event is None or not _definite(sent, event) or _agent(sent, event, False, before=False):
        return None
    return event


def _past_complement(sent: _Sentence, subjects: Sequence[int], objects: Sequence[int]) -> bool:
    """Whether a word with the preposition ب stands between a verb's subject and its object
    (اتهمت روسيا بمنح النظام …: النظام is the masdar's object)."""
    lo, hi = sent.end_of(subjects), min(sent.args[k].first for k in objects)
    return any(sent.arg_at[i] is None and sent.norms[i].startswith("ب") and len(sent.norms[i]) > 3
               for i in range(lo, hi))


def _masdar(sent: _Sentence, t: _Trigger) -> bool:
    """A verb trigger after a preposition, which makes it a masdar (مع قصف الطيران، من شن
    الطائرات الروسية الغارات)."""
    return t.rule.pos == "verb" and t.first > 0 and sent.norms[t.first - 1] in _GOVERNING and not t.prefix


def _conjoined(t: _Trigger) -> bool:
    """A verb with the conjunction و or ف (وقصفت، فاتهم)."""
    return t.rule.pos == "verb" and t.prefix.startswith(("و", "ف"))


def _after_comma(sent: _Sentence, t: _Trigger) -> bool:
    """A verb coordinated after a comma (…، واستهدفت): a clause of its own."""
    return _conjoined(t) and t.first > 0 and sent.norms[t.first - 1] in _COMMAS


def _previous_verb(sent: _Sentence, t: _Trigger) -> int:
    """The last verb before a trigger in its sentence (a trigger, a verb of saying, or the قد
    after a subject: وكانت الرياض قد قطعت علاقاتها …), or -1."""
    return max((v for v in (*sent.verbs, *sent.speakers, *sent.topics) if v < t.first), default=-1)


def _shares_subject(sent: _Sentence, t: _Trigger) -> bool:
    """A verb without a subject of its own that shares the subject of the verb before it: a
    clause coordinated after a comma (قصفت X …، واستهدفت …; قال X …، واتهم …) or a verb in
    a relative clause whose object pronoun is the antecedent (… الوحدات، التي تصنفها جماعة
    إرهابية). Without the comma و may join a masdar to a noun (حذر X الأسد من التهور وشن
    هجوم): the actor before is then its agent."""
    if t.rule.pos != "verb" and t.rule.subject.side != "clause":
        return False
    if not (_after_comma(sent, t) or (t.pronoun and _after_relative(sent, t)) or _plain_verb(sent, t)
            or t.rule.subject.side == "clause"):
        return False
    return _previous_verb(sent, t) >= 0


def _complement_phrase(t: _Trigger) -> bool:
    """A trigger phrase whose direct complement is its object (يقاتل إلى جانب X، سيواصل
    قتال X): the subject stands inside the phrase or before it, never right after it, and
    a group after it is one side only."""
    return t.last > t.first and t.rule.object.side in ("right", "right near")


def _plain_verb(sent: _Sentence, t: _Trigger) -> bool:
    """A verb with و that no masdar reads like: with an object pronoun or in the imperfect
    (وتدعم تركيا الفصائل وتزودها بالذخائر): a clause joined to the one before it."""
    return _conjoined(t) and (bool(t.pronoun) or sent.norms[t.first][len(t.prefix):].startswith("ي"))


def _clause_agent(sent: _Sentence, t: _Trigger, verb_subjects: Mapping[int, list[_Arg]]) -> list[_Arg]:
    """The agent of an event noun in an adjunct phrase (سيطرت X على … بعد معارك مع Y; وفي
    اتصال هاتفي مع Y، أكد X …; قصفت X … بالتنسيق مع Y): the subject of the clause, before
    or after the phrase; not an actor before it in another role (ملاحقة عناصر X بالتنسيق مع Y)."""
    i = t.first - 1
    governed = _governed(t) or _preposition(sent.norms[t.first])  # (بالتنسيق is listed with its ب)
    if not governed and (i < 0 or not sent.is_(i, "adjunct")):
        return []
    v = max((v for v in sent.verbs if v < t.first), default=-1)
    if v >= 0:
        # not past a relative clause (زار X موقعا قتل فيه جندي في اشتباكات مع Y)
        if any(sent.is_(j, "relative") or sent.stop(j) for j in range(v + 1, t.first)):
            return []
        if any(cue_at(sent.norms, v, c) for c in sent.rules.cues.of("hedge")):
            # اتهم X قسد بالتنسيق مع النظام: the accused is the one who coordinates
            return [sent.args[k] for k in sent.left(t.first, False, near=True)
                    if all(sent.args[k].id != a.id for a in verb_subjects.get(v, ()))]
        return list(verb_subjects.get(v, ()))
    if i > 1 or sent.arg_at[i] is not None:
        # تحضّر تركيا لعملية … بالتنسيق مع روسيا: with no trigger verb, the actor the
        # clause opens with (not a place, not one after a preposition)
        return [sent.args[k] for k in sent.left(t.first, False)
                if not sent.governed(k) and not _after_preposition(sent, k) and _subject_position(sent, k)]
    # a phrase opening the sentence: the subject follows the verb after its comma
    comma = next((j for j in range(t.last + 1, len(sent.tokens)) if sent.norms[j] in _COMMAS), None)
    if comma is None or any(sent.stop(j) for j in range(t.last + 1, comma)):
        return []
    return [sent.args[k] for k in sent.vso_subject(comma + 2)]


def _event_agent(sent: _Sentence, t: _Trigger, agents: Mapping[str, list[_Arg]]) -> list[_Arg]:
    """The agent of a noun whose clause opens with an event the text spoke of (إن الحملة
    تهدف إلى دعم الفصائل، أن الضربات جاءت دعما للمعارضة): that event's agent."""
    seen = 0
    i = t.first - 1
    while i >= 0 and seen < 3:
        if sent.stop(i) or sent.arg_at[i] is not None:
            return []
        event = sent.noun_triggers.get(i)
        if event is not None:
            opens = event.first == 0 or sent.stop(event.first - 1)
            if event.rule.predicate == t.rule.predicate or not _definite(sent, event) or not opens:
                return []
            return [sent.args[k] for k in _agent(sent, event, False, before=False)] \
                or list(agents.get(event.rule.predicate, ()))
        seen += 0 if sent.punct[i] else 1
        i -= 1
    return []


def _carried(sent: _Sentence, t: _Trigger, verb_subjects: Mapping[int, list[_Arg]]) -> list[_Arg]:
    """The subjects of the verb before a trigger: of a trigger verb, or the speaker of a verb
    of saying."""
    v = _previous_verb(sent, t)
    if v in sent.speakers:
        return [sent.args[k] for k in sent.resolve([sent.speakers[v]])]
    if v in sent.topics:
        return [sent.args[k] for k in sent.resolve(sent.group(sent.topics[v]))]
    return list(verb_subjects.get(v, ()))


def _verb_barrier(sent: _Sentence, t: _Trigger) -> int:
    """For a coordinated verb (وقصفت), the last verb trigger before it: its subject search
    stops there, the subject of the verb before is carried over instead."""
    if t.rule.pos != "verb" or not t.prefix.startswith(("و", "ف")):
        return -1
    return max((v for v in sent.verbs if v < t.first), default=-1)


def _act_author(sent: _Sentence, t: _Trigger) -> list[int]:
    """The author of the act a verb's object pronoun refers to, in an aside after a comma
    (…، وهو ما رفضته X; …، وهي رواية نفتها X; …، في خطوة انتقدتها X): the actor the
    sentence or its reported clause opens with, who did or said what is rejected."""
    i = t.first - 1
    if i < 2 or not sent.is_(i, "reported_act") or not (sent.norms[i - 1] in _ASIDE_OPENERS or sent.norms[i - 1] == "في") \
            or sent.norms[i - 2] not in _COMMAS:
        return []
    for k, a in enumerate(sent.args):
        if a.last >= i - 2:
            break
        opening = a.first <= OPENER_REACH or (a.first > 0 and sent.comp[a.first - 1])  # (أن الجانب الروسي أبلغ …)
        if opening and not (a.place or a.media or a.nisba or k in sent.skip or sent.governed(k)
                            or _after_preposition(sent, k)):
            return sent.resolve(sent.group(sent.owner.get(k, k)))
    return []


def _after_noun(sent: _Sentence, t: _Trigger) -> bool:
    """A verb right after an indefinite noun it describes (وهي خطوة تعارضها موسكو): its
    object pronoun is that noun, no actor."""
    i = t.first - 1
    return not t.prefix and i >= 0 and sent.arg_at[i] is None and not (
        sent.punct[i] or sent.stop(i) or sent.norms[i] in _VSO_OPENERS or sent.norms[i].startswith("ال")
        or sent.is_(i, "time_word") or sent.is_(i, "relative") or sent.norms[i] in _AUXILIARIES
    )


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
    """A noun trigger ending at most two words before a verb (غارات جوية استهدفت), unless the
    verb has a subject of its own (بغارة جوية حمّلت أنقرة النظام مسؤوليتها)."""
    if _vso_possible(sent, t) and sent.left(t.first, False, limit=0):
        return None
    seen = 0
    i = t.first - 1
    while i >= 0 and seen < 2:
        if sent.stop(i) or sent.arg_at[i] is not None:
            return None
        noun = sent.noun_triggers.get(i)
        if noun is not None:
            own = noun.rule.predicate != t.rule.predicate and _vso_possible(sent, t) \
                and sent.vso_subject(t.last + 1)
            return None if own else noun
        if sent.is_(i, "relative") and (t.pronoun or (t.last + 1 < len(sent.tokens)
                                                    and _resumptive(sent.norms[t.last + 1]))):
            return None  # الاتفاق الذي توصلت إليه X وY: the antecedent is the object
        if not sent.punct[i]:
            seen += 1
        i -= 1
    return None


def _speaker_act(sent: _Sentence, t: _Trigger) -> list[int]:
    """The agent of a masdar right after the verb of a clause whose أن carries the pronoun
    of the one who says it (أكدت موسكو أنها ستواصل دعم دمشق): that speaker; none where the
    masdar has a possessive of its own (أن دعمها للأسد) or the clause a subject (أن العملية
    تهدف إلى دعم …)."""
    i = t.first - 1
    while i >= 0 and sent.norms[i] in _AUXILIARIES:
        i -= 1
    comp = i - 1
    word = sent.norms[t.last]
    possessive = any(word.endswith(p) and word[: -len(p)] in sent.rules.index for p in _PRONOUN_SUFFIXES)
    if possessive or comp < 0 or not sent.comp[comp] or not sent.norms[comp].endswith(_PRONOUN_SUFFIXES) \
            or sent.arg_at[i] is not None or sent.punct[i] or sent.stop(i):
        return []
    return _matrix_subject(sent, t)


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
        if sent.boundary[i] or sent.arg_at[i] is not None or sent.agent_noun(i) or sent.is_(i, "irregular_head"):
            return []  # (بأن مقاتلين معارضين سيطروا: the verb has a subject, if unnamed)
        i -= 1
    if i < 0 or not sent.comp[i]:
        return []
    cues = [c for kind in ("attribution", "negation") for c in sent.rules.cues.of(kind)]
    for j in range(i - 1, max(-1, i - 8), -1):
        if sent.stop(j):
            break
        cue = next((c for c in cues if cue_at(sent.norms, j, c)), None)
        if cue is not None and j in sent.speakers and cue.speaker == "clause":
            return sent.resolve([sent.speakers[j]])  # …، مضيفا أنه ناقش: the speaker before
        if cue is not None:
            return sent.right(j + 1, False, 3)[0] or (
                sent.left(j, False, limit=0) if _bare(sent, j, cue) else []
            )
    return []


def _bare(sent: _Sentence, i: int, cue: CueList) -> bool:
    """Whether a cue at word ``i`` stands without و/ف: a verb with one (…، وقالت) opens a
    clause of its own, the actor right before it is not its subject."""
    return sent.norms[i] in cue.by_head


def _resumptive(word: str) -> bool:
    """A preposition with a pronoun (عليها، فيه، منها) pointing back to an antecedent."""
    return any(word.startswith(p) and word[len(p):] in _PRONOUN_SUFFIXES for p in _PREPOSITIONS)


def _adjunct(rule: RelationRule) -> bool:
    """Rules whose arguments after the trigger sit in a phrase of their own: participles and
    nouns whose object stands before them (بدعم من X، بغارة روسية)."""
    return _attributive(rule) or (rule.pos == "noun" and rule.object.side == "left")


def _attributive(rule: RelationRule) -> bool:
    """Participle rules (المدعومة من، التابع لـ، الخاضعة لسيطرة) describe a noun before them,
    possessive nouns (حليفها) the one their pronoun refers to."""
    return "left near" in (rule.subject.side, rule.object.side) or rule.subject.side == "possessor"


def _right_side(reading: _Reading, t: _Trigger, sent: _Sentence) -> list[int]:
    """Arguments of a reading that stand after its trigger."""
    return [k for k in (*reading.subjects, *reading.objects) if sent.args[k].first > t.last]


def _after_relative(sent: _Sentence, t: _Trigger) -> bool:
    i = t.first - 1
    return i >= 0 and any(s in sent.rules.lexicons["relative"] for s, _ in sent.stems(i, ("", "و")))


def _vso_in_relative(sent: _Sentence, t: _Trigger, allow_place: bool) -> bool:
    """Whether a verb right after a relative pronoun has its subject after it: the antecedent
    is no actor noun (الهجوم الذي, not المسلحين الذين), and two named arguments follow the
    verb at once, its subject and its object (الذي تتهم واشنطن قوات الأسد بشنه)."""
    before = t.first - 2
    while before >= 0 and sent.punct[before]:
        before -= 1
    if before < 0 or sent.arg_at[before] is not None or sent.agent_noun(before) or sent.is_(before, "irregular_head"):
        return False
    ks = sent.vso_subject(t.last + 1, allow_place)
    if not ks or min(sent.args[k].first for k in ks) != t.last + 1:
        return False
    end = sent.end_of(ks)
    return end < len(sent.tokens) and sent.arg_at[end] is not None


_SIDE = frozenset(match_form(w) for w in ("جهة", "طرف", "ناحية"))
_OTHER_SIDE = frozenset(match_form(w) for w in ("أخرى", "آخر", "ثانية", "ثان"))


def _sides(sent: _Sentence, t: _Trigger) -> tuple[list[int], list[int]] | None:
    """The two sides of بين … من جهة، و… من جهة أخرى after a trigger of two parties
    (المعارك بين X وY من جهة، وZ من جهة أخرى), each side's arguments; None where the
    parties are not set out so."""
    n = len(sent.tokens)

    def side_at(i: int) -> bool:
        return i + 1 < n and sent.norms[i] == "من" and sent.norms[i + 1] in _SIDE

    bayn = next((i for i in range(t.last + 1, min(n, t.last + RIGHT_WINDOW)) if sent.norms[i] in {"بين", "وبين"}), None)
    if bayn is None or any(sent.stop(i) for i in range(t.last + 1, bayn)):
        return None
    first = next((i for i in range(bayn + 1, n) if side_at(i) or sent.stop(i)), None)
    if first is None or not side_at(first):
        return None
    second = next((i for i in range(first + 2, n) if (side_at(i) and i + 2 < n and sent.norms[i + 2] in _OTHER_SIDE)
                   or sent.stop(i)), None)
    if second is None or not side_at(second):
        return None
    def members(lo: int, hi: int) -> list[int]:
        # (قوات النظام والمسلحين الموالين لها: a group named by its patron is on the patron's side)
        return sent.resolve([k for k, a in enumerate(sent.args) if lo < a.first and a.last < hi and not a.place
                             and not (a.last + 1 < n and sent.is_(a.last + 1, "affiliation"))])

    one, other = members(bayn, first), members(first + 1, second)
    return (one, other) if one and other else None


def _symmetric_group(sent: _Sentence, t: _Trigger) -> list[int]:
    """Members of بين X و Y after the trigger, or of a nisba chain right after it."""
    n = len(sent.tokens)
    seen = 0
    for i in range(t.last + 1, n):
        other = sent.noun_triggers.get(i)
        if sent.stop(i) or seen > RIGHT_WINDOW + 2 or (
            other is not None and sent.rules.predicates[other.rule.predicate].get("symmetric")
        ):
            break  # بين … belongs to the nearest noun of two parties (الاتفاق عقب محادثات بين …)
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
            and sent.norms[t.last] not in _PREPOSITIONS and (sent.args[k].nisba or not _definite(sent, t)):
        ks = sent.group(k)
        if t.first > 0 and sent.norms[t.first - 1] in _COMMAS:
            # X، حليف Y، وZ: an apposition ends at its comma, Z is coordinated with X
            ks = [m for m in ks if not any(w in _COMMAS for w in sent.norms[t.last + 1 : sent.args[m].first])]
        if len(ks) >= 2:
            return sent.resolve(ks)
    # a chain of nisba adjectives further on: الاتفاقات التي تم التوصل إليها خلال القمة الروسية – التركية
    # (up to a noun whose agent follows it, whose chain it is: المحادثات برعاية روسية تركية)
    seen = 0
    for i in range(t.last + 1, n):
        other = sent.noun_triggers.get(i)
        if sent.stop(i) or seen > RIGHT_WINDOW or (other is not None and other.rule.subject.side == "agent after"):
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
    # participles of saying (…، مضيفا أن …) come last: their speaker is the one before them
    for cue_list in sorted(sent.rules.cues.of("attribution"), key=lambda c: c.speaker == "clause"):
        for i in range(len(sent.tokens)):
            n = cue_at(sent.norms, i, cue_list)
            if not n:
                continue
            if cue_list.speaker == "clause":
                before = max((j for j in sent.speakers if j < i), default=None)
                if before is not None:
                    found.append((i, True, sent.args[sent.speakers[before]].id))
                    sent.speakers[i] = sent.speakers[before]
                continue
            ks, _ = sent.right(i + n, False, 3)
            ks = [k for k in ks if not sent.args[k].place]
            if not ks and cue_list.speaker == "around" and _bare(sent, i, cue_list):
                ks = sent.left(i, False, near=True)
            if not ks:  # a media outlet is a source even where it is no actor
                ks = [k for k, a in enumerate(sent.args) if a.media and i < a.first <= i + n + 3]
            if ks:
                found.append((i, cue_list.speaker == "around", sent.args[ks[0]].id))
                if cue_list.speaker == "around":
                    sent.speakers[i] = ks[0]
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
    if a.place and a.type == "Country":
        return False  # a whole country is no place an attack falls on or a party holds
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


def _parties(sent: _Sentence, statements, mediators: Sequence[_Arg]) -> list[_Arg]:
    """The parties of a sentence's agreements and talks, for their mediator (توصلت X، بوساطة
    روسية، إلى اتفاق مع Y: X and Y)."""
    ids = {m.id for m in mediators}
    found: list[_Arg] = []
    for st in statements:
        if st.predicate in ("COOPERATES_WITH", "NEGOTIATES_WITH"):
            for party in (st.subject, st.object):
                a = next((a for a in sent.args if a.id == party), None)
                if a is not None and party not in ids and all(b.id != party for b in found):
                    found.append(a)
    return found


def _fullest_names(mentions: Sequence[Mention], actors: Mapping[str, Actor]) -> dict[str, str]:
    """The name a statement gives each actor of a document, one per actor: its gazetteer
    name where the document writes it (a kunya in any case: بأبي محمد الجولاني → أبو محمد
    الجولاني), else the fullest name the document writes (عبد الله أوجلان, not أوجلان);
    an actor the document names only by its nisba gets its gazetteer name (قطر, not القطرية)."""
    best: dict[str, tuple[bool, bool, int, str]] = {}
    for m in mentions:
        if m.actor and not m.actor.startswith("place:"):
            name = citation_form(m.text)
            actor = actors.get(m.actor)
            own = actor is not None and _kunya(match_form(name)) == _kunya(match_form(actor.name_ar))
            key = (m.form != "nisba", own, len(name), name)
            if key[:3] > best.get(m.actor, (False, False, -1, ""))[:3]:
                best[m.actor] = key
    return {
        actor: actors[actor].name_ar if actor in actors and (key[1] or not key[0]) else key[3]
        for actor, key in best.items()
    }


def _kunya(name: str) -> str:
    """A name with its kunya in the nominative (ابي محمد → ابو محمد), match form."""
    first, _, rest = name.partition(" ")
    return f"ابو {rest}" if first in ("ابي", "ابا") and rest else name


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
    # head noun of a name → the actors named with it: (mentions so far, minus the sentence of
    # the first, argument): the most named, else the first named, is the one meant
    named: dict[str, dict[str, tuple[int, int, _Arg]]] = {}
    counts: Counter[str] = Counter()
    agents: dict[str, list[_Arg]] = {}  # predicate → the agents of its last asserted relation
    contexts = context_dates(doc.text, [(s.start, s.end) for s in text.sentences], doc.date)
    names = _fullest_names(mentions, actors)
    for sentence in text.sentences:
        tokens = by_sentence.get(sentence.index)
        if not tokens:
            continue
        sent = _Sentence(text, sentence.index, tokens, mentions_by.get(sentence.index, ()), actors, rules, cache,
                         previous_main, named)
        for a in sent.args:
            if not (a.place or a.person):
                counts[a.id] += 1
                for h in a.heads:
                    first = named.get(h, {}).get(a.id, (0, -sentence.index))[1]
                    named.setdefault(h, {})[a.id] = (counts[a.id], first, a)
        span = (sentence.start, sentence.end)
        found: dict[tuple[str, str, str], Statement] = {}

        def emit(s: _Arg, predicate: str, o: _Arg, trigger_words: tuple[int, int], confidence: float,
                 mod, words: Sequence[int], reported_by: str | None) -> None:
            if s.id == o.id or (_self_relation(predicate, s, o)
                                and (_inside(actors, s.id, o.id) or _inside(actors, o.id, s.id))) \
                    or ((s.media or o.media) and predicate not in ("MEMBER_OF", "PART_OF")):
                # no backing of a state by its own president (… بناء على طلب من الرئيس السوري);
                # a media outlet is a source, no party (نقلت وكالة سانا أن قوات الاحتلال التركي …)
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
                s_name=names.get(s.id, s.name), o_name=names.get(o.id, o.name), sentence=sentence.index,
                start=ev_start, end=ev_end, evidence=doc.text[ev_start:ev_end], trigger=trigger,
                date=date.iso if date else None,
                date_precision=date.precision if date else None,
                date_source=date.source if date else None,
                negated=mod.negated, hedged=mod.hedged, reported_by=reported_by,
                confidence=round(confidence * (0.8 if mod.hedged else 1.0), 3),
                modality=mod.modality,
            )

        plain = Modality()  # a role is a description, not an event
        for p, org, lo, hi, larger in _role_phrases(sent, actors):
            person = sent.args[p]
            org_arg = next((a for a in sent.args if a.id == org and lo <= a.first <= hi), None)
            o = org_arg or _Arg(0, 0, org, actors[org].name_ar if org in actors else org, 0, 0, False)
            emit(person, "MEMBER_OF", o, (lo, hi), 0.7, plain, (lo, hi), None)
            unit = next((a for a in sent.args if a.id == larger and lo <= a.first <= hi), None)
            if unit is not None:  # قائد فيلق القدس في الحرس الثوري: the one org is in the other
                emit(o, "PART_OF", unit, (lo, hi), 0.6, plain, (lo, hi), None)
            sent.role_person.update((i, p) for i in range(lo, hi + 1) if i < person.first or i > person.last)

        verb_subjects: dict[int, list[_Arg]] = {}  # first word of a verb trigger → its subjects
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
        # a mediator's parties are those of the sentence's other relations: read them first
        for t in sorted(triggers, key=lambda t: t.rule.object.side == "parties"):
            rule = t.rule
            # arguments of the other adjunct phrases are not this trigger's
            sent.attached = frozenset().union(
                *(ks for (a, b), ks in attached.items() if b < t.first or a > t.last)
            )
            reading = readings.get(id(t)) or _read(sent, t)
            carried = _carried(sent, t, verb_subjects) if _shares_subject(sent, t) else []
            subjects, objects = _arguments(sent, t, reading, carried, verb_subjects, agents)
            if rule.object.side == "parties":
                objects = _parties(sent, found.values(), subjects)
            if not subjects and not reading.pairs and opener and previous_main is not None \
                    and t.first <= OPENER_REACH and t is triggers[0]:
                subjects = [previous_main]
            if subjects and not objects and not reading.pairs and opener and previous_main is not None \
                    and t.first <= OPENER_REACH \
                    and rule.object.side in ("left", "left near") and all(a.id != previous_main.id for a in subjects):
                # وجاء التقدم بغطاء جوي روسي: backing for the previous sentence's actor
                objects = [previous_main]
            # a verb coordinated after a comma opens its own clause (لن تتراجع، واتهم …)
            clause = t.first if _after_comma(sent, t) else _clause_start(sent, t.first)
            if 0 < clause < t.first and not sent.punct[clause - 1] and sent.boundary[clause - 1]:
                clause -= 1  # …، متهما X بتهريب …، محذرا من أي هجوم: the participle opening the clause is its cue
            mod = modality_before(
                sent.norms, t.first, clause, rules.cues,
                verb_prefix=t.prefix.lstrip("وف") if rule.pos == "verb" else "", barriers=barriers,
                imperfect=rule.pos == "verb" and sent.norms[t.first][len(t.prefix):].startswith(("ي", "ت", "ن")),
            )
            event = _event_before(sent, t) if rule.pos == "verb" else None
            if event is not None and event.rule.predicate == rule.predicate:
                # نفت X أي صلة بالهجوم الذي استهدف Y: the act a relative clause describes is
                # denied or alleged as its event noun is
                of_event = modality_before(sent.norms, event.first, _clause_start(sent, event.first), rules.cues,
                                           barriers=barriers)
                mod = replace(mod, negated=mod.negated or of_event.negated, hedged=mod.hedged or of_event.hedged)
            if _attributive(rule):
                mod = replace(mod, modality=None)  # a description holds whatever the clause says
            # قال X …، واتهم Y: a verb sharing the speaker's subject is no claim of the speech
            # (…، وهو ما رفضته X: the aside is the narrator's, not the opening speaker's)
            reported_by = None if (carried and _previous_verb(sent, t) in sent.speakers) \
                or (t.pronoun and rule.predicate == "OPPOSES" and _act_author(sent, t)) \
                else _speaker(sources, t.first)
            s_kinds = _kinds(rules, rule.predicate, "subject")
            o_kinds = _kinds(rules, rule.predicate, "object")
            pairs = [(sent.args[a], sent.args[b]) for a, b in reading.pairs] or [
                (a, b) for a in subjects for b in objects
            ]
            if rule.mutual:
                pairs += [(b, a) for a, b in pairs]  # اتهامات متبادلة بين X وY: each way
            s_not = rules.predicates[rule.predicate].get("subject_not_types", ())
            o_not = rules.predicates[rule.predicate].get("object_not_types", ())
            for a, b in pairs:
                if not (_fits(a, s_kinds) and _fits(b, o_kinds)) or a.type in s_not or b.type in o_not \
                        or (rule.named_subject and sent.unnamed_noun(a)):
                    continue
                emit(a, rule.predicate, b, (t.first, t.last), rule.confidence, mod,
                     _words_of(sent, t, a, b), reported_by)
            if rule.pos == "verb":  # (the parties of a verb of two: اتفقت روسيا وتركيا)
                verb_subjects[t.first] = subjects or list({id(a): a for pair in pairs for a in pair}.values())
            if subjects and not mod.negated and not mod.modality:
                agents[rule.predicate] = subjects
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
