"""Pictures: a pair's signed score over time, and the actor network of a period.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no global state).
Arabic labels are drawn in a font that has Arabic letters and their presentation forms:
one of :data:`ARABIC_FONTS` if the machine has it, else DejaVu Sans, which matplotlib
ships. matplotlib 3.11+ lays text out with libraqm, which joins the letters and orders
them right to left by itself; with older matplotlib, arabic-reshaper joins the letters and
python-bidi orders them before drawing. Without either, labels fall back to English names
or ids, with a warning.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import networkx as nx
from matplotlib import colormaps, font_manager, ft2font
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kg.graph import TimelineRow, alliance_scores, period_subgraph, short_english, signed_blocs
from kg.predicates import Predicate, load_predicates

__all__ = ["ARABIC_FONTS", "arabic_font", "shape_arabic", "node_label", "plot_timeline", "plot_graph"]

#: Fonts tried for Arabic labels, best first; DejaVu Sans ships with matplotlib.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "Noto Sans", "DejaVu Sans")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTERS = (0x0627, 0x0644)  # alef, lam
# Initial lam and lam-alef presentation forms: what pre-shaped (reshaper) text is made of.
_PRESENTATION_FORMS = (0xFEDF, 0xFEFB)
_COOPERATION, _CONFLICT, _NEUTRAL = "#1a9850", "#d73027", "#9e9e9e"
_BLOC_COLOURS = ("#4575b4", "#f46d43", "#66bd63", "#984ea3", "#fdae61", "#74add1", "#a6761d", "#e7298a")


def _native_shaping() -> bool:
    """True when matplotlib lays out text with libraqm (3.11+): it shapes Arabic itself."""
    return bool(getattr(ft2font, "__libraqm_version__", ""))


@lru_cache(maxsize=1)
def arabic_font() -> str | None:
    """Family name of an installed font that can draw Arabic, or None."""
    by_name = {}
    for f in font_manager.fontManager.ttflist:
        if f.style == "normal" and f.weight in (400, "normal", "regular"):
            by_name.setdefault(f.name, f.fname)
    for name in ARABIC_FONTS:
        path = by_name.get(name)
        if path is None:
            continue
        try:
            charmap = FT2Font(path).get_charmap()
        except (OSError, RuntimeError):
            continue
        needed = _LETTERS if _native_shaping() else _LETTERS + _PRESENTATION_FORMS
        if all(c in charmap for c in needed):
            return name
    return None


@lru_cache(maxsize=1)
def _shaper():
    """The function that makes Arabic drawable, or None (with a warning) without it."""
    if arabic_font() is None:
        warnings.warn(
            "no installed font draws Arabic (tried: " + ", ".join(ARABIC_FONTS) + "); "
            "install fonts-noto-core; using English names instead",
            stacklevel=3,
        )
        return None
    if _native_shaping():
        return lambda text: text
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:
        warnings.warn(
            "Arabic labels need matplotlib>=3.11, or arabic-reshaper and python-bidi "
            "(pip install arabic-reshaper python-bidi); using English names instead",
            stacklevel=3,
        )
        return None
    return lambda text: get_display(arabic_reshaper.reshape(text))


def shape_arabic(text: str) -> str | None:
    """``text`` ready to draw, or None if this machine cannot draw Arabic.

    Unchanged where matplotlib shapes Arabic itself (libraqm); else letters joined
    (arabic-reshaper) and in visual, right-to-left order (python-bidi).

    Text without Arabic letters comes back unchanged.

    Examples
    --------
    >>> shape_arabic("Idlib")
    'Idlib'
    >>> shape_arabic("إدلب") is not None
    True
    """
    if not _ARABIC.search(text):
        return text
    shaper = _shaper()
    return shaper(text) if shaper else None


def node_label(attrs: dict, node: str) -> str:
    """The drawable label of a graph node: its Arabic name over its short English name.

    Falls back to the English name, then the id, where Arabic cannot be drawn.
    """
    english = short_english(attrs.get("name_en"))
    arabic = shape_arabic(attrs["name_ar"]) if attrs.get("name_ar") else None
    if arabic and english:
        return f"{arabic}\n{english}"
    return arabic or english or node


def _font_kwargs() -> dict:
    family = arabic_font()
    return {"fontfamily": family} if family else {}


def _predicate_colours() -> dict[str, str]:
    """Greens for cooperation, reds for conflict, greys for structure; darker = heavier."""
    by_sign: dict[int, list[Predicate]] = {}
    for p in load_predicates().values():
        by_sign.setdefault(p.sign, []).append(p)
    colours = {}
    for sign, cmap_name in ((1, "Greens"), (-1, "Reds"), (0, "Greys")):
        preds = sorted(by_sign.get(sign, ()), key=lambda p: -abs(p.weight))
        cmap = colormaps[cmap_name]
        for i, p in enumerate(preds):
            colours[p.id] = cmap(0.9 - 0.55 * i / max(1, len(preds) - 1))
    return colours


def _fill_periods(periods: Sequence[str]) -> list[str]:
    """Every month (or year) from the first period to the last; day periods as given."""
    first, last = periods[0], periods[-1]
    if len(first) == 4:
        return [str(y) for y in range(int(first), int(last) + 1)]
    if len(first) == 7:
        out, (y, m) = [], map(int, first.split("-"))
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    return list(periods)


def plot_timeline(rows: Sequence[TimelineRow], path: str | Path, title: str | None = None) -> Path:
    """Draw a pair's timeline (:func:`kg.graph.timeline`) to a PNG file.

    Top: the signed score per period (green cooperation, red conflict). Bottom: asserted
    statements per predicate, stacked. Periods without statements are shown empty.

    Raises
    ------
    ValueError
        If ``rows`` is empty.
    """
    if not rows:
        raise ValueError("nothing to plot: the pair has no dated statements")
    by_period = {r.period: r for r in rows}
    periods = _fill_periods([r.period for r in rows])
    x = range(len(periods))
    scores = [by_period[p].score if p in by_period else 0.0 for p in periods]
    predicates = sorted({pred for r in rows for pred in r.predicates})

    fig = Figure(figsize=(min(16.0, max(6.0, 0.45 * len(periods) + 2)), 6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    top.bar(x, scores, color=[_COOPERATION if s > 0 else _CONFLICT for s in scores])
    top.axhline(0, color="black", linewidth=0.8)
    top.set_ylabel("signed score")
    unasserted = [by_period[p].counts.get("unasserted", 0) if p in by_period else 0 for p in periods]
    for i, n in enumerate(unasserted):
        if n:  # written on the side of the axis the bar does not cover
            top.annotate(f"+{n} negated/hedged", (i, 0), textcoords="offset points",
                         xytext=(0, 6 if scores[i] <= 0 else -12), ha="center", fontsize=7,
                         color="#555555")
    if title:
        top.set_title(shape_arabic(title) or title, **_font_kwargs())

    base = [0] * len(periods)
    colours = _predicate_colours()
    for pred in predicates:
        counts = [by_period[p].predicates.get(pred, 0) if p in by_period else 0 for p in periods]
        bottom.bar(x, counts, bottom=base, label=pred, color=colours.get(pred, _NEUTRAL))
        base = [b + c for b, c in zip(base, counts)]
    bottom.set_ylabel("statements")
    bottom.set_ylim(0, max(base) * 1.15 + 0.5)
    if predicates:
        bottom.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.25),
                      ncols=min(4, len(predicates)), frameon=False)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    step = -(-len(periods) // 30)  # at most 30 period labels
    slanted = len(periods) > 6
    bottom.set_xticks(list(x)[::step], periods[::step], rotation=45 if slanted else 0,
                      ha="right" if slanted else "center")
    path = Path(path)
    fig.savefig(path, dpi=120)
    return path


def _component_layout(C: nx.Graph) -> dict:
    """Kamada-Kawai positions of one connected component: allies close, enemies further.

    Edge ``length`` is the distance the layout aims for: 1 for allies, 1.5 for enemies.
    """
    if len(C) <= 2:
        return {n: (float(i), 0.0) for i, n in enumerate(sorted(C))}
    return nx.kamada_kawai_layout(C, weight="length")


def _fit(pos: dict, box: tuple[float, float, float, float]) -> dict:
    """Scale and shift positions into ``box`` = (x0, y0, x1, y1), keeping the aspect ratio."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    x0, y0, x1, y1 = box
    # The tighter axis sets the scale; an axis with no extent (a pair in a row) sets none.
    ratios = [(hi - lo) / span for lo, hi, span in ((x0, x1, max(xs) - min(xs)), (y0, y1, max(ys) - min(ys)))
              if span > 0]
    scale = min(ratios, default=1.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return {n: (mx + (x - cx) * scale, my + (y - cy) * scale) for n, (x, y) in pos.items()}


def _layout(S: nx.Graph) -> dict:
    """Groups of three or more actors side by side, wider for bigger groups; pairs below."""
    comps = sorted(nx.connected_components(S), key=lambda c: (-len(c), min(c)))
    big, small = [c for c in comps if len(c) > 2], [c for c in comps if len(c) <= 2]
    pos: dict = {}
    bottom = 0.22 if small and big else 0.0
    total = sum(len(c) for c in big)
    x = 0.0
    for comp in big:
        width = len(comp) / total
        box = (x + 0.05 * width, bottom, x + 0.95 * width, 1.0)
        pos |= _fit(_component_layout(S.subgraph(comp)), box)
        x += width
    for i, comp in enumerate(small):
        width = 1.0 / len(small)
        box = (i * width + 0.15 * width, 0.0, (i + 1) * width - 0.15 * width, 0.1 if big else 1.0)
        pos |= _fit(_component_layout(S.subgraph(comp)), box)
    return pos


def plot_graph(G: nx.MultiDiGraph, period: str | None, path: str | Path, weight: str = "weight") -> Path:
    """Draw the actor network of ``period`` to a PNG file.

    Edges join actors with a non-zero alliance score in the period: green for
    cooperation, red for conflict, width by ``|score|``. Nodes are coloured by their
    bloc (:func:`kg.graph.signed_blocs`) and sized by their number of statements.

    Raises
    ------
    ValueError
        If no pair of actors has a score in the period.
    """
    scores = alliance_scores(G, period, weight)
    if not scores:
        raise ValueError(f"nothing to draw: no scored actor pairs in period {period or 'all'}")
    H = period_subgraph(G, period)
    blocs = signed_blocs(G, period, weight)
    # Blocs of two or more actors get a colour each; actors alone stay grey.
    groups = [bloc for bloc in blocs if len(bloc) > 1]
    colour_of = {node: _BLOC_COLOURS[i % len(_BLOC_COLOURS)] for i, bloc in enumerate(groups) for node in bloc}

    S = nx.Graph()
    for (a, b), s in scores.items():
        S.add_edge(a, b, score=s, length=1.0 if s > 0 else 1.5)
    pos = _layout(S)

    fig = Figure(figsize=(10, 8), layout="constrained")
    ax = fig.subplots()
    ax.set_axis_off()
    max_abs = max(abs(s) for s in scores.values())
    for a, b, d in S.edges(data=True):
        s = d["score"]
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color=_COOPERATION if s > 0 else _CONFLICT,
                linewidth=0.8 + 5 * abs(s) / max_abs, alpha=0.75, zorder=1,
                linestyle="-" if s > 0 else "--")
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, f"{s:+.1f}", fontsize=7, ha="center", va="center",
                color="#333333", zorder=3, bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    degree = dict(H.degree(S.nodes))
    for node in S.nodes:
        x, y = pos[node]
        size = min(900, 120 + 40 * degree.get(node, 1))  # marker area in points²
        ax.scatter([x], [y], s=size, color=colour_of.get(node, _NEUTRAL),
                   edgecolors="black", linewidths=0.6, zorder=2)
        ax.annotate(node_label(G.nodes[node], node), (x, y), textcoords="offset points",
                    xytext=(0, size ** 0.5 / 2 + 2), ha="center", va="bottom", fontsize=9, zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
                    **_font_kwargs())
    ax.margins(0.12)
    handles = [
        Line2D([], [], color=_COOPERATION, linewidth=3, label="cooperation (+)"),
        Line2D([], [], color=_CONFLICT, linewidth=3, linestyle="--", label="conflict (−)"),
    ] + [Patch(color=_BLOC_COLOURS[i % len(_BLOC_COLOURS)], label=f"bloc {i + 1}") for i in range(len(groups))]
    handles.append(Patch(color=_NEUTRAL, label="in no bloc"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), fontsize=8,
              frameon=False, ncols=min(6, len(handles)))
    ax.set_title(f"Actor network, {period or 'all periods'}: signed alliance scores "
                 f"(width ∝ |score|)", fontsize=11)
    path = Path(path)
    fig.savefig(path, dpi=120)
    return path
