"""Text normalization with an offset map, sentence splitting and tokenization.

The original text is the single source of truth: :func:`normalize` returns the normalized
text together with, for every normalized character, the span of original characters it
came from, so any normalized span maps back to exact original offsets.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from kg.model import AnalyzedText, Document, Sentence, Token

__all__ = [
    "Normalized",
    "normalize",
    "match_form",
    "split_sentences",
    "tokenize",
    "analyze",
    "NOUN_PROCLITICS",
    "clitic_letters",
    "citation_form",
    "in_lexicon",
    "letters_offset",
]

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Persian/Urdu letters and odd quotes: one character each, to its Arabic/ASCII equivalent.
_CHAR_MAP = str.maketrans(
    {
        "\u06cc": "\u064a",  # ی Farsi yeh
        "\u06d2": "\u064a",  # ے yeh barree
        "\u06a9": "\u0643",  # ک keheh
        "\u06af": "\u0643",  # گ gaf
        "\u06c0": "\u0629",  # ۀ heh with yeh above
        "\u06c1": "\u0647",  # ہ heh goal
        "\u06be": "\u0647",  # ھ heh doachashmee
        "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u201f": '"', "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'",
        "\u00a0": " ", "\u200f": "", "\u200e": "", "\u200b": "", "\u200c": "",
        "\u200d": "", "\ufeff": "",
    }
    | {chr(0x0660 + i): str(i) for i in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + i): str(i) for i in range(10)}  # Eastern Arabic-Indic digits
)
_ARABIC_LETTER = "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]"
# Units removed or replaced whole: HTML tags, HTML entities, and in-word obfuscation
# (tatweel followed by dots or stars between letters: قصـ.ف, اشـ.تباكات).
_UNITS = re.compile(
    r"<[A-Za-z/!][^<>]{0,200}>"
    r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#[xX][0-9A-Fa-f]{1,5});"
    rf"|(?<={_ARABIC_LETTER})\u0640+[.*·]+\u0640*(?={_ARABIC_LETTER})"
    rf"|(?<={_ARABIC_LETTER})[.*·]+\u0640+(?={_ARABIC_LETTER})"
)
_MATCH_MAP = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


@dataclass(frozen=True)
class Normalized:
    """Normalized text and, per normalized character, its original span."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``[start, end)``."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


@lru_cache(maxsize=4096)  # a text has few distinct characters; NFKC per character is slow
def _normalize_char(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch).translate(_CHAR_MAP)
    out = _DIACRITICS.sub("", out).replace(_TATWEEL, "")
    return out


def normalize(text: str) -> Normalized:
    """Normalize Arabic news text for analysis, keeping an offset map to the original.

    NFKC; tatweel, diacritics and zero-width marks removed; Persian/Urdu letters to
    Arabic; Arabic-Indic digits to ASCII; odd quotes to ``"``; HTML tags dropped and
    entities decoded; in-word obfuscation (``قصـ.ف``) removed.

    Examples
    --------
    >>> n = normalize("قصـ.ف عنيف")
    >>> n.text
    'قصف عنيف'
    >>> n.original_span(0, 3)
    (0, 5)
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(chars: str, start: int, end: int) -> None:
        for c in chars:
            out.append(c)
            starts.append(start)
            ends.append(end)

    pos = 0
    for m in _UNITS.finditer(text):
        for i in range(pos, m.start()):
            emit(_normalize_char(text[i]), i, i + 1)
        unit = m.group()
        if unit.startswith("&"):
            emit(_normalize_char(html.unescape(unit)), m.start(), m.end())
        elif unit.startswith("<"):
            # a tag separates words; keep a space in its place when it stood between two
            if out and not out[-1].isspace():
                emit(" ", m.start(), m.end())
        pos = m.end()
    for i in range(pos, len(text)):
        emit(_normalize_char(text[i]), i, i + 1)
    return Normalized("".join(out), tuple(starts), tuple(ends))


def match_form(s: str) -> str:
    """The form used to match names: hamza seats, alef maqsura and taa marbuta unified.

    >>> match_form("إدلب") == match_form("ادلب")
    True
    """
    return _DIACRITICS.sub("", s).replace(_TATWEEL, "").translate(_MATCH_MAP)


#: Proclitic prefixes a noun or name may carry (match form), shortest first: conjunction
#: و/ف, preposition ب/ل/ك, article ال, and ``لل`` (ل fused with the article).
NOUN_PROCLITICS = tuple(
    sorted(
        {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
        | {c + "لل" for c in ("", "و", "ف")},
        key=len,
    )
)


def clitic_letters(prefix: str) -> int:
    """Letters of a removed proclitic that are not the article: a mention keeps ال
    (``الروسية``) but not و / ب / ل (``وموسكو`` → ``موسكو``); ``لل`` fuses the
    preposition with the article and is kept whole.

    >>> clitic_letters("وبال"), clitic_letters("لل"), clitic_letters("و")
    (2, 0, 1)
    """
    if prefix.endswith("لل"):
        return len(prefix) - 2
    return len(prefix) - 2 if prefix.endswith("ال") else len(prefix)


def citation_form(name: str) -> str:
    """A name as cited on its own: where the preposition ل fused with the article
    (للمعارضة) opens it, the article is given back; otherwise the text as written.

    >>> citation_form("للمعارضة"), citation_form("لافروف")
    ('المعارضة', 'لافروف')
    """
    if len(name) > 4 and match_form(name[:2]) == "لل":
        return "ال" + name[2:]
    return name


def in_lexicon(word: str, lexicon: Collection[str]) -> bool:
    """Whether ``word`` (match form) is in ``lexicon``, as it is or after the conjunction
    و or ف written on it (وفي، فوزير).

    >>> in_lexicon("وفي", {"في"}), in_lexicon("في", {"في"}), in_lexicon("بفي", {"في"})
    (True, True, False)
    """
    return word in lexicon or (word[:1] in ("و", "ف") and word[1:] in lexicon)


def letters_offset(surface: str, n_letters: int) -> int:
    """Offset in ``surface`` of the letter after its first ``n_letters`` letters (their
    diacritics and tatweel skipped), 0 when ``n_letters`` is 0 or the word is too short.

    >>> letters_offset("وَموسكو", 1)
    2
    """
    if n_letters <= 0:
        return 0
    seen = 0
    for k, ch in enumerate(surface):
        if match_form(ch):
            if seen == n_letters:
                return k
            seen += 1
    return 0 if seen <= n_letters else len(surface)


_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|\S", re.UNICODE)
# Sentence ends: . ! ? ؟ … (and runs of them), optionally followed by closing quotes/brackets.
_END = re.compile(r"(?:[.!?؟…]+|:{2,})[\"')\]»”]*")
_ABBREV = re.compile(r"(?:^|\s)(?:[\u0621-\u064aA-Za-z]|[A-Z][a-z]{0,3}|\d+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (normalized or original).

    A sentence ends at ``. ! ? ؟ …`` followed by a space or the end, at a line break (news
    items, headlines without final punctuation) and after a bullet-style heading such as
    ``حلب::``. A period after a single letter or a number (``د. أحمد``, ``3.5``) does not end
    a sentence. Commas and semicolons (``، ؛``) never do.

    >>> t = 'حلب::\\nقصفت القوات البلدة. وقال المرصد إن د. أحمد أصيب'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['حلب::', 'قصفت القوات البلدة.', 'وقال المرصد إن د. أحمد أصيب']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        seg_end = line.end()
        for m in _END.finditer(text, line.start(), seg_end):
            after = text[m.end() : m.end() + 1]
            if after and not after.isspace():
                continue
            if m.group().startswith(".") and len(m.group().rstrip("\"')]»”")) == 1:
                if _ABBREV.search(text[start : m.start()]):
                    continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, seg_end))
    result = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((a, b))
    return result


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans in ``text[start:end]``: words (letters, digits) and single symbols."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def analyze(document: Document) -> AnalyzedText:
    """Split a document into sentences and tokens, all offsets into its original text.

    ``Token.surface`` is the original slice; ``Token.norm`` the normalized matching form.
    """
    norm = normalize(document.text)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for index, (ns, ne) in enumerate(split_sentences(norm.text)):
        s, e = norm.original_span(ns, ne)
        sentences.append(Sentence(index, s, e))
        for ts, te in tokenize(norm.text, ns, ne):
            os_, oe = norm.original_span(ts, te)
            tokens.append(
                Token(os_, oe, document.text[os_:oe], match_form(norm.text[ts:te]), index)
            )
    return AnalyzedText(document, tuple(sentences), tuple(tokens))
