"""Arabic temporal expressions and document dates, normalized to ISO dates with a precision.

The words (month names of both systems, Hijri months, weekdays, ordinals, relative words,
markers such as الماضي/الجاري/المقبل) are data in ``schema/time.jsonl``; this module holds
the small grammar that combines them and the calendar arithmetic that resolves them
against a reference (document) date.

Matching runs on the normalized matching form of the text (kg.text.normalize, then
kg.text.match_form: diacritics and tatweel removed, Arabic-Indic digits to ASCII, hamza
seats unified), and every span is mapped back to offsets into the original text.
"""
from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

from kg.model import DateValue, Document
from kg.resources import DataFileError, read_data_file, schema_file
from kg.text import match_form, normalize, split_sentences

__all__ = [
    "TimeExpression",
    "TimeLexicon",
    "TimeLexiconError",
    "KINDS",
    "WORD_KINDS",
    "load_time_lexicon",
    "find_time_expressions",
    "statement_date",
    "context_dates",
    "document_date",
    "precision_of",
    "hijri_to_gregorian",
]

#: Kinds of expression. Only "date" states when something happened; the others are
#: found so that statement_date can rank them below a plain date.
KINDS = ("date", "future", "since", "until", "vague")


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in a text and its normalized value.

    ``start``/``end`` index the original text; ``kind`` is one of ``KINDS``: "future"
    for الأسبوع المقبل and the like, "since"/"until" after منذ/حتى, "vague" for مؤخرا;
    ``rule`` names the grammar rule that matched ("relative_day", "weekday", "day_month",
    "month", "year", "hijri", ...).
    """

    start: int
    end: int
    text: str
    value: DateValue
    kind: str = "date"
    rule: str = ""


#: Kinds of lexicon entry the grammar uses (schema/time.jsonl, ``_meta.fields``).
WORD_KINDS = (
    "month", "hijri_month", "weekday", "ordinal_day", "cardinal", "relative_day", "day_part",
    "unit", "marker", "demonstrative", "part", "vague", "ago", "ago_unit", "month_word",
    "day_word", "year_word", "year_preposition", "since", "until", "gregorian_era",
    "hijri_era", "background_opener",
)


class TimeLexiconError(DataFileError):
    """A time lexicon file that does not follow its format."""


@dataclass(frozen=True)
class _Entry:
    number: int | None
    unit: str | None
    offset: int | None
    count: int | None
    needs_context: bool
    not_followed_by: tuple[str, ...]


@dataclass(frozen=True)
class TimeLexicon:
    """The time words by kind: ``{kind: {matching form: entry}}``."""

    words: dict[str, dict[str, _Entry]]

    def forms(self, *kinds: str) -> list[str]:
        """All matching forms of the given kinds."""
        return [f for k in kinds for f in self.words.get(k, {})]

    def entry(self, kind: str, surface: str) -> _Entry:
        """The entry of a matched (matching-form) surface of ``kind``."""
        key = _key(surface)
        words = self.words[kind]
        # للعام was matched as العام after the clitic ل (see _form_pattern)
        return words[key] if key in words else words["ا" + key]


def _key(form: str) -> str:
    return " ".join(match_form(normalize(form).text).split())


def load_time_lexicon(path: str | Path | None = None) -> TimeLexicon:
    """Read a time lexicon (default: ``schema/time.jsonl``).

    Parameters
    ----------
    path : str or Path, optional
        A JSON Lines file: a ``{"_meta": ...}`` line, then objects with ``kind`` and
        ``forms`` and, by kind, ``number``, ``unit``, ``offset``, ``count``,
        ``needs_context``, ``not_followed_by``.

    Returns
    -------
    TimeLexicon

    Raises
    ------
    TimeLexiconError
        when a line is not a JSON object, lacks ``kind``/``forms`` or has an unknown kind.
    """
    path = Path(path) if path else schema_file("time.jsonl")
    words: dict[str, dict[str, _Entry]] = {}
    for n, row in read_data_file(path):
        if "kind" not in row or not row.get("forms"):
            raise TimeLexiconError(f"{path}:{n}: an entry needs 'kind' and 'forms'")
        if row["kind"] not in WORD_KINDS:
            raise TimeLexiconError(
                f"{path}:{n}: unknown kind {row['kind']!r}; known: {', '.join(WORD_KINDS)}")
        entry = _Entry(
            row.get("number"),
            row.get("unit"),
            row.get("offset"),
            row.get("count"),
            bool(row.get("needs_context")),
            tuple(_key(w) for w in row.get("not_followed_by", ())),
        )
        for form in row["forms"]:
            words.setdefault(row["kind"], {})[_key(form)] = entry
    return TimeLexicon(words)


@cache
def _default_lexicon() -> TimeLexicon:
    return load_time_lexicon()


# ---------------------------------------------------------------------------- reference


@dataclass(frozen=True)
class _Ref:
    year: int
    month: int | None
    day: int | None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_ref(ref: str | None) -> _Ref | None:
    if not ref:
        return None
    m = _ISO.match(ref.strip()[:10])
    if not m:
        raise ValueError(f"reference date {ref!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        date(y, mo or 1, d or 1)
    except ValueError as e:
        raise ValueError(f"reference date {ref!r} does not exist: {e}") from e
    return _Ref(y, mo, d)


def precision_of(iso: str) -> str:
    """Precision of an ISO date by its length: "day", "month" or "year".

    >>> precision_of("2020-07"), precision_of("2018-09-04"), precision_of("2011")
    ('month', 'day', 'year')
    """
    return {4: "year", 7: "month"}.get(len(iso), "day")


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _value(iso: str) -> DateValue:
    return DateValue(iso, precision_of(iso), "text")


def _ref_iso(ref: _Ref) -> str:
    return _iso(ref.year, ref.month, ref.day)


def _day(y: int, m: int, d: int) -> str | None:
    """ISO day, or None when the day does not exist in that month."""
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return _iso(y, m, d)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


# ---------------------------------------------------------------------------- Hijri


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri date by the tabular (arithmetic) Islamic calendar.

    The arithmetic calendar (30-year cycle, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
    29) differs from sighted or Umm al-Qura months by a day or two, which is within what
    a news date needs.

    >>> hijri_to_gregorian(1440, 9, 1)
    datetime.date(2019, 5, 6)
    """
    # Julian day (Fourmilab's islamic_to_jd; epoch 1948439.5), then the proleptic
    # Gregorian ordinal (JD 1721425.5 is 0001-01-01)
    days = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    jd = days + 1948439.5 - 1
    return date.fromordinal(int(jd - 1721424.5))


def _hijri_year_of(d: date) -> int:
    """Hijri year in which Gregorian ``d`` falls (tabular calendar)."""
    y = int((d.year - 622) * 33 / 32) + 1
    while hijri_to_gregorian(y + 1, 1, 1) <= d:
        y += 1
    while hijri_to_gregorian(y, 1, 1) > d:
        y -= 1
    return y


# ---------------------------------------------------------------------------- grammar

_LB = r"(?<![^\W_])(?P<cl>(?:[وف]?[بلك]|[وف])(?=[^\W_]))?"  # proclitics: وبأيلول، و12 تموز
_RB = r"(?![^\W_])"


def _trie(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, factored by common prefixes so that it costs
    one character test per position, not one per form; spaces match any whitespace."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a form ends here; longer ones are tried first
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return emit(root)


def _alt(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``. After the clitic ل the article loses its alef
    (للعام، لليوم), so a form opening with ال also matches as ل after a ل."""
    forms = set(forms)
    article = {f[2:] for f in forms if f.startswith("ال") and len(f) > 2}
    plain = {f for f in forms if not (f.startswith("ال") and len(f) > 2)}
    parts = []
    if article:
        parts.append("(?:ال|(?<=ل)ل)" + f"(?:{_trie(article)})")
    if plain:
        parts.append(_trie(plain))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    resolve: Callable  # (match, lexicon, ref) -> (iso, kind) | None; None rejects the match
    needs: tuple[str, ...] = ()  # substrings one of which any match contains (a fast pre-check)


_DIGITS = tuple("0123456789")


def _needs(lx: TimeLexicon, *kinds: str) -> tuple[str, ...]:
    """Substrings every form of ``kinds`` contains: its first word without the article."""
    keys = set()
    for form in lx.forms(*kinds):
        word = form.split()[0]
        keys.add(word[2:] if word.startswith("ال") and len(word) > 2 else word)
    return tuple(sorted(keys))


def _rules(lx: TimeLexicon) -> list[_Rule]:
    month = _alt(lx.forms("month"))
    hmonth = _alt(lx.forms("hijri_month"))
    wd = _alt(lx.forms("weekday"))
    mark = _alt(lx.forms("marker"))
    dem = _alt(lx.forms("demonstrative"))
    part = _alt(lx.forms("part"))
    unit = _alt(lx.forms("unit"))
    month_unit = _alt(f for f, e in lx.words.get("unit", {}).items() if e.unit == "month")
    relday = _alt(lx.forms("relative_day"))
    daypart = _alt(lx.forms("day_part"))
    vague = _alt(lx.forms("vague"))
    ago = _alt(lx.forms("ago"))
    agounit = _alt(lx.forms("ago_unit"))
    card = _alt(lx.forms("cardinal"))
    ordinal = _alt(lx.forms("ordinal_day"))
    mword = _alt(lx.forms("month_word"))
    dword = _alt(lx.forms("day_word"))
    yword = _alt(lx.forms("year_word"))
    yprep = _alt(lx.forms("year_preposition", "since", "until"))
    gera = _alt(lx.forms("gregorian_era"))
    hera = _alt(lx.forms("hijri_era"))

    def pair(a: str, b: str) -> str:
        return rf"(?P<{a}>{month})(?:(?:\s*[/\\(\-–]\s*|\s+)(?P<{b}>{month})\s*\)?)?"

    day = rf"(?:(?:ال\s?)?(?P<dn>[0-3]?\d)(?!\d)|(?P<do>{ordinal})(?=\s+من{_RB}))"
    year = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:{yword}\s*)?(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*{gera}{_RB})?)"

    def c(body: str) -> re.Pattern:
        return re.compile(_LB + body + _RB)

    return [
        _Rule("numeric", c(r"(?P<a>\d{1,2})\s*(?P<sep>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
                           r"(?P<c>(?:19|20)\d\d)(?!\d)"), _numeric, _DIGITS),
        _Rule("iso", c(r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"), _iso_date, _DIGITS),
        _Rule("day_month", c(
            rf"(?:(?:{dword}\s+)?(?P<wd>{wd})\s*[،,]?\s*)?{day}\s*[،,]?\s*(?:من\s+)?(?:{mword}\s+)?"
            rf"{pair('m1', 'm2')}(?:{year}|\s+(?P<mk>{mark}))?"), _day_month, _needs(lx, "month")),
        _Rule("day_of_month", c(
            rf"{day}\s+(?:من\s+)?(?:(?P<dem>{dem})\s+)?(?P<u>{month_unit})(?:\s+(?P<mk>{mark}))?"),
            _day_of_month, _needs(lx, "unit")),
        _Rule("month", c(
            rf"(?:(?P<pt>{part})\s+(?:{mword}\s+)?|(?P<mw>{mword})\s+)?{pair('m1', 'm2')}"
            rf"(?:{year}|\s+(?P<mk>{mark}))?"), _month, _needs(lx, "month")),
        _Rule("year", c(
            rf"(?:(?P<pre>{yprep})\s+)?(?:(?P<pt>{part})\s+(?:من\s+)?)?(?:(?P<yw>{yword})\s*)?"
            rf"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?P<era>{gera}){_RB})?"), _year, _DIGITS),
        _Rule("hijri", c(
            rf"(?:(?:(?:ال\s?)?(?P<hdn>[0-3]?\d)(?!\d)|(?P<hdo>{ordinal}))\s*(?:من\s+)?)?"
            rf"(?:(?P<mw>{mword})\s+)?(?P<hm>{hmonth})(?:\s*[،,]?\s*(?:{yword}\s*)?"
            rf"(?P<hy>1[34]\d\d)(?!\d)(?:\s*(?P<he>{hera}){_RB})?)?"), _hijri,
            _needs(lx, "hijri_month")),
        _Rule("hijri_year", c(rf"(?:{yword}\s*)?(?P<hy>1[34]\d\d)\s*(?P<he>{hera})"), _hijri_year,
              _DIGITS),
        _Rule("relative_day", c(
            rf"(?:(?P<dp>{daypart})\s+)?(?P<rd>{relday})"
            rf"(?:\s*[،,(]?\s*(?:{dword}\s+)?(?P<wd>{wd})\)?)?"),
            _relative_day, _needs(lx, "relative_day")),
        _Rule("weekday", c(
            rf"(?:(?P<dp>{daypart})\s+)?(?:(?P<dw>{dword})\s+)?(?P<wd>{wd})(?:\s+(?P<mk>{mark}))?"),
            _weekday, _needs(lx, "weekday")),
        _Rule("unit", c(
            rf"(?:(?P<pt>{part})\s+(?:من\s+)?)?(?:(?P<dem>{dem})\s+)?(?P<u>{unit})"
            rf"(?:\s+(?P<mk>{mark}))?"),
            _unit, _needs(lx, "unit")),
        _Rule("vague", c(rf"(?P<vg>{vague})"), _vague, _needs(lx, "vague")),
        _Rule("ago", c(rf"(?P<ago>{ago})\s+(?:(?P<n>\d{{1,3}})\s+|(?P<cn>{card})\s+)?"
                       rf"(?P<au>{agounit})(?!\s*\d)"), _ago, _needs(lx, "ago")),
    ]


@cache
def _default_rules() -> tuple[_Rule, ...]:
    return tuple(_rules(_default_lexicon()))


def _rules_for(lexicon: TimeLexicon | None) -> tuple[TimeLexicon, tuple[_Rule, ...]]:
    """The lexicon and its compiled rules (compiled once for the default lexicon)."""
    if lexicon is None:
        return _default_lexicon(), _default_rules()
    return lexicon, tuple(_rules(lexicon))


# ---------------------------------------------------------------------------- resolvers
# Each resolver returns (iso, kind) or None. None means "not a date here" (a bare
# ambiguous word) or "cannot be resolved" (a relative expression without reference).


def _g(m: re.Match, name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _marker(m: re.Match, lx: TimeLexicon) -> int | None:
    mk = _g(m, "mk")
    return lx.entry("marker", mk).offset if mk else None


def _kind_of_offset(offset: int | None) -> str:
    return "future" if offset and offset > 0 else "date"


def _numeric(m, lx, ref):
    iso = _day(int(m["c"]), int(m["b"]), int(m["a"]))
    return (iso, "date") if iso else None


def _iso_date(m, lx, ref):
    iso = _day(int(m["iy"]), int(m["im"]), int(m["id"]))
    return (iso, "date") if iso else None


def _day_number(m: re.Match, lx: TimeLexicon, num: str = "dn", word: str = "do") -> int | None:
    if _g(m, num):
        return int(m[num])
    if _g(m, word):
        return lx.entry("ordinal_day", m[word]).number
    return None


def _year_of_month(month: int, offset: int | None, ref: _Ref) -> int:
    """Year of a month named without a year: the latest not after ``ref`` by default,
    the previous occurrence with الماضي, the next one with المقبل, ref's year with الجاري."""
    if ref.month is None or offset == 0:
        return ref.year
    if offset is None:
        return ref.year if month <= ref.month else ref.year - 1
    if offset < 0:
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month > ref.month else ref.year + 1


def _day_month(m, lx, ref):
    day = _day_number(m, lx)
    month = lx.entry("month", m["m1"]).number
    offset = _marker(m, lx)
    if m["y"]:
        year = int(m["y"])
    elif ref:
        year = _year_of_month(month, offset, ref)
    else:
        return None
    iso = _day(year, month, day)
    return (iso, _kind_of_offset(offset)) if iso else None


def _day_of_month(m, lx, ref):
    if not (m["dem"] or m["mk"]) or not ref:
        return None
    offset = _marker(m, lx) or 0
    if ref.month is None:
        return _iso(ref.year), _kind_of_offset(offset)
    y, mo = _add_months(ref.year, ref.month, offset)
    iso = _day(y, mo, _day_number(m, lx))
    return (iso, _kind_of_offset(offset)) if iso else None


def _month(m, lx, ref):
    entry = lx.entry("month", m["m1"])
    if entry.needs_context and not (m["pt"] or m["mw"] or m["m2"] or m["mk"] or m["y"]):
        return None
    offset = _marker(m, lx)
    if m["y"]:
        return _iso(int(m["y"]), entry.number), "date"
    if not ref:
        return None
    return _iso(_year_of_month(entry.number, offset, ref), entry.number), _kind_of_offset(offset)


def _year(m, lx, ref):
    if not (m["pre"] or m["pt"] or m["yw"] or m["era"]):
        return None
    kind = "date"
    if m["pre"] and _key(m["pre"]) in lx.words.get("since", {}):
        kind = "since"
    elif m["pre"] and _key(m["pre"]) in lx.words.get("until", {}):
        kind = "until"
    return _iso(int(m["y"])), kind


def _hijri(m, lx, ref):
    month = lx.entry("hijri_month", m["hm"]).number
    day = _day_number(m, lx, "hdn", "hdo")
    if m["hy"]:
        hy = int(m["hy"])
    elif (day or m["mw"]) and ref:
        # the latest such Hijri month that began on or before the reference
        last_month = ref.month or 12
        end = ref.date or date(ref.year, last_month, calendar.monthrange(ref.year, last_month)[1])
        hy = _hijri_year_of(end)
        if hijri_to_gregorian(hy, month, 1) > end:
            hy -= 1
    else:
        return None
    if day:
        if day > 30:
            return None
        return hijri_to_gregorian(hy, month, day).isoformat(), "date"
    mid = hijri_to_gregorian(hy, month, 15)
    return _iso(mid.year, mid.month), "date"


def _hijri_year(m, lx, ref):
    # the Gregorian year holding most of the Hijri year: the one of its middle
    return _iso(hijri_to_gregorian(int(m["hy"]), 7, 1).year), "date"


def _shift_days(ref: _Ref, days: int) -> str:
    """ref + days at day precision; a month- or year-precision ref degrades to itself."""
    if ref.day is None:
        return _ref_iso(ref)
    return (ref.date + timedelta(days=days)).isoformat()


def _weekday_date(ref: _Ref, weekday: int, mode: str) -> str:
    """The ``weekday`` before ("before"), on or before ("on_or_before") or after ref."""
    if ref.day is None:
        return _ref_iso(ref)
    back = (ref.date.weekday() - weekday) % 7
    if mode == "before":
        back = back or 7
    elif mode == "after":
        back = -((weekday - ref.date.weekday()) % 7 or 7)
    return (ref.date - timedelta(days=back)).isoformat()


def _followed_by(m: re.Match, words: tuple[str, ...]) -> bool:
    rest = m.string[m.end():m.end() + 30].split()
    return bool(rest) and any(" ".join(rest[: len(w.split())]) == w for w in words)


def _relative_day(m, lx, ref):
    entry = lx.entry("relative_day", m["rd"])
    if entry.needs_context and not (m["dp"] or m["wd"]):
        return None
    if not m["wd"] and _followed_by(m, entry.not_followed_by):
        return None
    if not ref:
        return None
    kind = _kind_of_offset(entry.offset)
    if not m["wd"]:
        return _shift_days(ref, entry.offset), kind
    weekday = lx.entry("weekday", m["wd"]).number
    if ref.day is not None:
        candidate = ref.date + timedelta(days=entry.offset)
        if candidate.weekday() == weekday:
            return candidate.isoformat(), kind
    mode = "before" if entry.offset < 0 else "after" if entry.offset > 0 else "on_or_before"
    return _weekday_date(ref, weekday, mode), kind


def _between_commas(m: re.Match) -> bool:
    """A weekday set off by commas (قال ترامب، الإثنين، إن ...) is a date, not "the two"."""
    before = m.string[:m.start()].rstrip()
    after = m.string[m.end():].lstrip()
    return before.endswith(("،", ",")) and after.startswith(("،", ",", "."))


def _weekday(m, lx, ref):
    entry = lx.entry("weekday", m["wd"])
    if entry.needs_context and not (m["dp"] or m["dw"] or m["mk"] or _between_commas(m)):
        return None
    if not m["mk"] and _followed_by(m, entry.not_followed_by):
        return None
    if not ref:
        return None
    offset = _marker(m, lx)
    mode = "before" if offset == -1 else "after" if offset == 1 else "on_or_before"
    return _weekday_date(ref, entry.number, mode), _kind_of_offset(offset)


def _unit(m, lx, ref):
    u = lx.entry("unit", m["u"]).unit
    if not (m["dem"] or m["mk"] or (m["pt"] and u in ("month", "year"))):
        return None
    if not ref:
        return None
    offset = _marker(m, lx) or 0
    kind = _kind_of_offset(offset)
    if u == "year":
        return _iso(ref.year + offset), kind
    if u == "month":
        if ref.month is None:
            return _iso(ref.year), kind
        return _iso(*_add_months(ref.year, ref.month, offset)), kind
    # a week: the month it falls in; a finer date would claim more than the text says
    if ref.day is None:
        return _ref_iso(ref), kind
    d = ref.date + timedelta(days=7 * offset)
    return _iso(d.year, d.month), kind


def _vague(m, lx, ref):
    # "recently" names no month: the year of the reference is all it says
    return (_iso(ref.year), "vague") if ref else None


def _ago(m, lx, ref):
    entry = lx.entry("ago_unit", m["au"])
    count = entry.count
    if count is None:
        if m["n"]:
            count = int(m["n"])
        elif m["cn"]:
            count = lx.entry("cardinal", m["cn"]).number
        else:
            return None
    elif m["n"] or m["cn"]:
        return None
    if not ref:
        return None
    if entry.unit == "day":
        return _shift_days(ref, -count), "date"
    if entry.unit == "week":
        if ref.day is None:
            return _ref_iso(ref), "date"
        d = ref.date - timedelta(days=7 * count)
        return _iso(d.year, d.month), "date"
    if entry.unit == "month" and ref.month is not None:
        return _iso(*_add_months(ref.year, ref.month, -count)), "date"
    return _iso(ref.year - count), "date"


# ---------------------------------------------------------------------------- API

def _prefix_kind(mtext: str, start: int, lx: TimeLexicon) -> str | None:
    """"since" or "until" when منذ/حتى ... directly precede the expression."""
    before = mtext[max(0, start - 25):start]
    for kind in ("since", "until"):
        forms = lx.forms(kind)
        if forms and re.search(rf"(?:^|\s)[وف]?{_alt(forms)}\s+$", before):
            return kind
    return None


def _present_after(rule: _Rule, m: re.Match, lx: TimeLexicon, iso: str,
                   present: _Ref | None) -> _Ref | None:
    """The writer's month once the text names another month as current (أبريل الجاري
    in a text dated September, a reprinted item): later relative expressions
    (13 الشهر الجاري) count from it, not from the document date."""
    if rule.name in ("day_month", "month") and not m["y"] and _marker(m, lx) == 0:
        year, month = int(iso[:4]), int(iso[5:7])
        if present is None or (present.year, present.month) != (year, month):
            return _Ref(year, month, None)
    return None


def find_time_expressions(text: str, ref: str | None,
                          lexicon: TimeLexicon | None = None) -> list[TimeExpression]:
    """Every temporal expression of ``text``, normalized against the reference date.

    Parameters
    ----------
    text : str
        Any Arabic text (a sentence or a whole document).
    ref : str or None
        The reference (document) date, ISO at any precision ("2018-09-04", "2020-07",
        "2020"). Relative expressions (أمس، الشهر الماضي، تموز) need it and are left out
        without it; a month-precision reference degrades day expressions to the month.
    lexicon : TimeLexicon, optional
        Defaults to ``schema/time.jsonl``.

    Returns
    -------
    list of TimeExpression
        In text order, non-overlapping (the longest expression wins), offsets into
        ``text``, values with ``source="text"``.

    Raises
    ------
    ValueError
        when ``ref`` is not an ISO date or names a day that does not exist.

    Notes
    -----
    Resolution rules: a month without a year is its latest occurrence not after the
    reference (with الماضي the latest before the reference's month, with الجاري the
    reference's year, with المقبل the next one); a bare weekday is the latest such day on
    or before the reference, with الماضي or after أمس the latest before it; الأسبوع
    الماضي is the month of the day a week before. Once the text names another month as
    current (أبريل الجاري in a September text), later relative expressions count from
    that month. Durations (منذ 7 سنوات، بعد 64 يوما، خلال الشهرين الماضيين) are not dates
    and are not returned; منذ/حتى before a date make its kind "since"/"until".

    Examples
    --------
    >>> found = find_time_expressions("قصفت الطائرات البلدة أمس الاثنين", "2018-09-04")
    >>> [(e.text, e.value.iso) for e in found]
    [('أمس الاثنين', '2018-09-03')]
    >>> [e.value.iso for e in find_time_expressions("في 19 كانون الأول ٢٠١٩", None)]
    ['2019-12-19']
    """
    if lexicon is None:
        return list(_find_with_default_lexicon(text, ref))
    return _find(text, ref, lexicon)


@lru_cache(maxsize=4096)
def _find_with_default_lexicon(text: str, ref: str | None) -> tuple[TimeExpression, ...]:
    # a sentence is dated once per statement in it: the same (text, ref) comes back often
    return tuple(_find(text, ref, None))


def _find(text: str, ref: str | None, lexicon: TimeLexicon | None) -> list[TimeExpression]:
    lx, rules = _rules_for(lexicon)
    reference = _parse_ref(ref)
    norm = normalize(text)
    mtext = match_form(norm.text)
    candidates = []
    for rule in rules:
        if rule.needs and not any(k in mtext for k in rule.needs):
            continue
        for m in rule.pattern.finditer(mtext):
            start = m.end("cl") if m.group("cl") else m.start()
            if m.group("cl") and mtext[start - 1:start + 1] == "لل":
                start -= 1  # للعام: the second ل is the article's
            if "pre" in m.re.groupindex and m.group("pre"):
                start = m.start("pre") + len(m.group("pre"))
                while start < m.end() and mtext[start].isspace():
                    start += 1
            if start >= m.end():
                continue
            resolved = rule.resolve(m, lx, reference)
            if resolved and resolved[0]:
                candidates.append((start, m.end(), rule, m, resolved))
    chosen: list[tuple] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    result = []
    present = reference
    for s, e, rule, m, (iso, kind) in sorted(chosen, key=lambda c: c[0]):
        if present is not reference:
            iso, kind = rule.resolve(m, lx, present) or (iso, kind)
        present = _present_after(rule, m, lx, iso, present) or present
        if kind == "date":
            kind = _prefix_kind(mtext, s, lx) or kind
        os_, oe = norm.original_span(s, e)
        result.append(TimeExpression(os_, oe, text[os_:oe], _value(iso), kind, rule.name))
    return result


# A date more than this many commas away from the trigger belongs to another clause.
_CLAUSE_BREAK = re.compile("[،,؛;]")
_MAX_CLAUSE_BREAKS = 2
_COMPLEMENTIZER = re.compile(r"(?<![^\W_])ب?[أإا]ن(?![^\W_])")


def statement_date(sentence_text: str, ref: str | None, anchor: int | None = None,
                   lexicon: TimeLexicon | None = None,
                   context: DateValue | None = None) -> DateValue | None:
    """The date a sentence states, else the document date.

    Parameters
    ----------
    sentence_text : str
        The sentence.
    ref : str or None
        The document date (ISO, any precision).
    anchor : int, optional
        An offset in the sentence (the trigger): the expression nearest to it wins, and
        expressions more than two clause breaks (commas) away from it are ignored.
        Without it, the first expression wins.
    lexicon : TimeLexicon, optional
        Defaults to ``schema/time.jsonl``.
    context : DateValue, optional
        The date of the news item the sentence belongs to (see :func:`context_dates`),
        used before the document date when the sentence states none.

    Returns
    -------
    DateValue or None
        ``source="sentence"`` for a date the sentence states. Plain dates are preferred;
        future expressions (الأسبوع المقبل), منذ/حتى bounds and vague words (مؤخرا) are
        used only when the sentence has nothing else. Durations (منذ 7 سنوات، بعد 64
        يوما) are not dates at all. Else the document date with ``source="document"``;
        None when neither exists. A ``context`` comes back as given (source "context").

    Examples
    --------
    >>> statement_date("وقصفت الطائرات الروسية البلدة الجمعة الماضية", "2018-09-04")
    DateValue(iso='2018-08-31', precision='day', source='sentence')
    >>> statement_date("وقصفت الطائرات الروسية البلدة", "2020-07")
    DateValue(iso='2020-07', precision='month', source='document')
    """
    found = find_time_expressions(sentence_text, ref, lexicon)
    if found:
        rank = {k: i for i, k in enumerate(("date", "since", "vague", "until", "future"))}

        def closeness(e: TimeExpression) -> tuple[int, int]:
            """(clause breaks, characters) between the anchor and the expression."""
            if anchor is None:
                return 0, e.start
            if e.start <= anchor < e.end:
                return 0, 0
            a, b = (anchor, e.start) if anchor < e.start else (e.end, anchor)
            if e.end <= anchor and _COMPLEMENTIZER.search(sentence_text, a, b):
                # the date of the saying verb dates what is said: أكد يوم أمس، أن ...
                return 0, b - a
            return len(_CLAUSE_BREAK.findall(sentence_text, a, b)), b - a

        near = [e for e in found if closeness(e)[0] <= _MAX_CLAUSE_BREAKS]
        if near:
            best = min(near, key=lambda e: (rank[e.kind], closeness(e)))
            return DateValue(best.value.iso, best.value.precision, "sentence")
    if context:
        return context
    if ref:
        iso = _ref_iso(_parse_ref(ref))
        return DateValue(iso, precision_of(iso), "document")
    return None


# A sentence opening a line with one of these continues the item before it.
_CONTINUATION = re.compile(r"[\"'(«\s-]*[وف]")
# Rules whose expressions date the item they stand in (كشفت القناة أمس الاثنين ...),
# unlike a date of some earlier event (نفذت الرحلة في 9 يوليو).
_ITEM_RULES = ("relative_day", "weekday")
_LEAD_SENTENCES = 2


def context_dates(text: str, sentences: Iterable[tuple[int, int]], ref: str | None,
                  lexicon: TimeLexicon | None = None) -> list[DateValue | None]:
    r"""The date of the news item each sentence belongs to, where the item states one.

    News dumps and wire digests string items together; an item's lead dates it (كشفت
    القناة أمس الاثنين ...) and its later sentences (ونقلت القناة ...) carry no date of
    their own. An item starts at a sentence that opens a line without a continuation
    (و، ف) and runs to the next. A sentence states an item date with a day expression
    relative to the reference (أمس، اليوم، a weekday) in its first clauses, unless it
    opens as background (وكان ...، يذكر أن ...: ``background_opener`` in the lexicon).
    Each sentence takes the latest item date stated up to it; sentences before the
    first one take it when it is stated in the item's first two sentences.

    Parameters
    ----------
    text : str
        The document text.
    sentences : iterable of (start, end)
        Sentence spans of ``text``, in order (``[(s.start, s.end) for s in analyzed.sentences]``).
    ref : str or None
        The document date.
    lexicon : TimeLexicon, optional

    Returns
    -------
    list of DateValue or None
        One per sentence, source "context"; None where the item states no such date.

    Examples
    --------
    >>> t = "قصفت الطائرات البلدة أمس الاثنين.\nوقالت مصادر إن الغارات استمرت.\nأعلن الجيش النفير."
    >>> [d.iso if d else None for d in context_dates(t, split_sentences(t), "2018-09-04")]
    ['2018-09-03', '2018-09-03', None]
    """
    spans = list(sentences)
    items: list[list[int]] = []
    for i, (a, _) in enumerate(spans):
        j = a - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        line_start = j < 0 or text[j] == "\n"
        if not items or (line_start and not _CONTINUATION.match(text, a)):
            items.append([])
        items[-1].append(i)
    lx, _ = _rules_for(lexicon)
    background = re.compile(rf"^[\"'(«\s-]*{_alt(lx.forms('background_opener'))}(?![^\W_])")
    result: list[DateValue | None] = [None] * len(spans)
    for item in items:
        stated: list[DateValue | None] = []
        for i in item:
            a, b = spans[i]
            sentence = text[a:b]
            found = [] if background.match(match_form(sentence)) else [
                e for e in find_time_expressions(sentence, ref, lexicon)
                if e.rule in _ITEM_RULES and e.kind == "date"
                and len(_CLAUSE_BREAK.findall(sentence, 0, e.start)) <= _MAX_CLAUSE_BREAKS]
            stated.append(DateValue(found[0].value.iso, found[0].value.precision, "context")
                          if found else None)
        # a lead may name its date in the sentence after it (عبرت روسيا عن قلقها ...
        # وقال المسؤول اليوم الاثنين ...); a date further on starts a new episode
        current = next((d for d in stated[:_LEAD_SENTENCES] if d), None)
        for i, d in zip(item, stated):
            current = d or current
            result[i] = current
    return result


# Wire agencies in a dateline: (د ب أ)، (رويترز)، (أ ف ب) ...; any short parenthesized
# run of letters passes, so new agencies need no list.
_DATELINE_MAX_WORDS = 8
_DATELINE_PREFIX = re.compile(r"^[\w\s\-–—:،,()/.]*$")


def _is_dateline(doc_text: str, e: TimeExpression, lx: TimeLexicon) -> bool:
    """A date opening the first line after a place, an agency or another date, not one
    a sentence gives (نشرت المجلة في 4 يناير 2015 ...: a preposition precedes it)."""
    first_line_end = doc_text.find("\n")
    if first_line_end != -1 and e.start > first_line_end:
        return False
    prefix = doc_text[: e.start]
    words = match_form(normalize(prefix).text).split()
    if words and words[-1] in lx.words.get("year_preposition", {}):
        return False
    return len(words) <= _DATELINE_MAX_WORDS and bool(_DATELINE_PREFIX.match(prefix))


def _weekday_year(doc_text: str, lexicon: TimeLexicon | None,
                  years: list[int]) -> DateValue | None:
    """A weekday with a day and a month and no year, dated by the year that fits."""
    if not years:
        return None
    lx, rules = _rules_for(lexicon)
    rule = next(r for r in rules if r.name == "day_month")
    mtext = match_form(normalize(doc_text).text)
    for m in rule.pattern.finditer(mtext):
        if not m["wd"] or m["y"] or m["mk"]:
            continue
        weekday = lx.entry("weekday", m["wd"]).number
        month = lx.entry("month", m["m1"]).number
        day = _day_number(m, lx)
        fits = [y for y in range(min(years) - 1, max(years) + 8)
                if _day(y, month, day) and date(y, month, day).weekday() == weekday]
        if fits:
            best = min(fits, key=lambda y: (min(abs(y - x) for x in years), -y))
            return DateValue(_iso(best, month, day), "day", "weekday")
    return None


def document_date(document: Document, lexicon: TimeLexicon | None = None,
                  head_sentences: int = 3) -> DateValue | None:
    """The date of a document: its metadata, else what its text shows.

    Parameters
    ----------
    document : Document
    lexicon : TimeLexicon, optional
    head_sentences : int
        How many opening sentences may hold a full date (source "text").

    Returns
    -------
    DateValue or None
        source "metadata" (``document.date``), "dateline" (a full date opening the text:
        ``دمشق - 12 آذار 2019 (د ب أ) -``), "weekday" (a weekday with day and month and
        no year: the year near the years the text mentions in which that day falls on that
        weekday), "text" (the year of the first full date in the opening sentences: the
        date itself is usually an event's, not the day of writing); None otherwise.

    Examples
    --------
    >>> document_date(Document("d", "دمشق - 12 آذار 2019 (د ب أ) - قصفت الطائرات البلدة")).iso
    '2019-03-12'
    """
    if document.date:
        iso = _ref_iso(_parse_ref(document.date))
        return DateValue(iso, precision_of(iso), document.date_source or "metadata")
    text = document.text
    lx, _ = _rules_for(lexicon)
    found = [e for e in find_time_expressions(text, None, lexicon) if e.kind == "date"]
    full = [e for e in found if e.value.precision in ("day", "month")]
    dateline = [e for e in full[:2] if _is_dateline(text, e, lx)]
    if dateline:
        # واشنطن 15 شوال 1436 هـ الموافق 31 يوليو 2015: the Gregorian date is exact,
        # the arithmetic Hijri one may be a day off
        e = min(dateline, key=lambda e: e.rule in ("hijri", "hijri_year"))
        return DateValue(e.value.iso, e.value.precision, "dateline")
    years = [int(e.value.iso[:4]) for e in found]
    by_weekday = _weekday_year(text, lexicon, years)
    if by_weekday:
        return by_weekday
    spans = split_sentences(text)
    head_end = spans[min(head_sentences, len(spans)) - 1][1] if spans else 0
    for e in full:
        if e.start < head_end and e.value.precision == "day":
            # a full date in the body names an event, not the day of writing: on
            # SaudiNewsNet its year is the publication year 3 times in 5, its day almost never
            return DateValue(e.value.iso[:4], "year", "text")
    return None
