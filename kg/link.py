"""Mentions → actors: merge the finders' mentions and give each one an actor id.

Gazetteer mentions already name their actor. Names that no gazetteer knows (from Stanza
NER or role+name patterns) become new actors with a stable id minted from the name, so
the same name in two documents is the same actor.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.model import Actor, Mention
from kg.text import citation_form, match_form, normalize

__all__ = ["merge_mentions", "name_index", "link_mentions", "mint_actor_id", "FINDER_PRIORITY"]

#: On overlapping spans the earlier finder wins (the gazetteer over statistical NER).
FINDER_PRIORITY = ("gazetteer", "role", "stanza")
# Statistical labels that name actors, and the actor type each becomes.
_NER_TYPES = {"PER": "Person", "ORG": "Organization"}
_LATIN = str.maketrans(
    {
        "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
        "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
        "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
        "ن": "n", "ه": "a", "و": "w", "ي": "y", "ء": "", " ": "_",
    }
)


def mint_actor_id(name: str) -> str:
    """Stable id of an actor no gazetteer knows, readable in Latin letters.

    >>> mint_actor_id("ناجي مصطفى")
    'najy_mstfy.f264'
    """
    key = match_form(normalize(name).text).strip()
    key = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", key)).strip()
    latin = re.sub(r"[^a-z0-9_]", "", key.translate(_LATIN))[:40] or "actor"
    return f"{latin}.{hashlib.sha1(key.encode('utf-8')).hexdigest()[:4]}"


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions; the finder earlier in :data:`FINDER_PRIORITY` wins.

    A role+name mention of a person the gazetteer also found keeps its role and takes the
    gazetteer's actor id, so neither the role nor the identity is lost.
    """
    rank = {name: i for i, name in enumerate(FINDER_PRIORITY)}
    ordered = sorted(mentions, key=lambda m: (rank.get(m.finder, len(rank)), m.start, -m.end))
    kept: list[Mention] = []
    for m in ordered:
        clash = [k for k in kept if _overlaps(k, m)]
        if not clash:
            kept.append(m)
        elif m.form == "role" and len(clash) == 1 and clash[0].label == "ACTOR" \
                and clash[0].form in ("name", "alias") and m.start <= clash[0].start \
                and clash[0].end <= m.end:
            kept[kept.index(clash[0])] = replace(m, actor=clash[0].actor or m.actor)
    return sorted(kept, key=lambda m: (m.start, m.end))


def name_index(actors: Mapping[str, Actor]) -> dict[str, str]:
    """Actor id by the match form of each Arabic name and alias (built once per gazetteer)."""
    index: dict[str, str] = {}
    for actor in actors.values():
        for n in (actor.name_ar, *actor.aliases_ar):
            index.setdefault(match_form(normalize(n).text), actor.id)
    return index


def _name_words(name: str) -> list[str]:
    """Words of a name in match form, each also with a leading conjunction or preposition
    (و ف ب ل) and a trailing pronoun (ه ها) taken off: بالرئيس is الرئيس, نائبه is نائب."""
    forms = []
    for w in match_form(name).split():
        forms.append(w)
        if w[:1] in ("و", "ف", "ب", "ل") and len(w) > 3:
            forms.append(w[1:])
        for pronoun in ("ها", "ه"):
            if w.endswith(pronoun) and len(w) - len(pronoun) > 2:
                forms.append(w[: -len(pronoun)])
    return forms


def link_mentions(
    mentions: Iterable[Mention], names: Mapping[str, str], non_names: frozenset[str] = frozenset()
) -> tuple[list[Mention], list[Actor]]:
    """Give every mention of one document an actor (or place) id; returns the linked
    mentions and the actors minted for names no gazetteer knows.

    ``names`` is the :func:`name_index` of the gazetteer. Statistical (NER) mentions are
    taken with care, since a tagger's misreadings would become actors:

    - MISC mentions, and mentions with a word that is never part of a name
      (``non_names``, match form: particles, verbs, month names, role words), are dropped;
    - a one-word person is the person of the document named in full with that last word
      (عبدي after مظلوم عبدي); a one-word name that ends no fuller name, and a one-word
      organization, is dropped: alone it is too ambiguous to make a new actor.
    """
    linked: list[Mention] = []
    minted: dict[str, Actor] = {}
    single: list[tuple[Mention, str]] = []  # one-word statistical persons, for the end
    for m in mentions:
        if m.actor:
            linked.append(m)
            continue
        name = citation_form(normalize(m.text).text.strip())
        if m.form == "ner" and not non_names.isdisjoint(_name_words(name)):
            continue
        if m.label in ("LOC", "PLACE"):
            linked.append(replace(m, label="PLACE", actor="place:" + name))
            continue
        if m.label not in _NER_TYPES:
            continue
        known = names.get(match_form(name))
        if known:
            linked.append(replace(m, actor=known))
            continue
        if m.form == "ner" and len(name.split()) == 1:
            if m.label == "PER":
                single.append((m, name))
            continue
        actor_id = mint_actor_id(name)
        minted.setdefault(
            actor_id,
            Actor(id=actor_id, type=_NER_TYPES[m.label], name_ar=name, discovered=True,
                  parent=m.org if m.form == "role" else None,
                  parent_rel="MEMBER_OF" if m.form == "role" and m.org else None),
        )
        linked.append(replace(m, actor=actor_id))
    surnames = {
        match_form(words[-1]): m.actor
        for m in linked
        if not m.actor.startswith("place:") and len(words := normalize(m.text).text.split()) > 1
    }
    for m, name in single:
        person = surnames.get(match_form(name))
        if person:
            linked.append(replace(m, actor=person))
    return sorted(linked, key=lambda m: (m.start, m.end)), list(minted.values())
