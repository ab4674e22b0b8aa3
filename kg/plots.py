"""Pictures: a pair's signed score over time, and the actor network of a period.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no global state).
Arabic labels are drawn in a font that has Arabic letters and their presentation forms:
one of :data:`ARABIC_FONTS` if the machine has it, else DejaVu Sans, which matplotlib
ships. matplotlib 3.11+ lays text out with libraqm, which joins the letters and orders
them right to left by itself; with older matplotlib, arabic-reshaper joins the letters and
python-bidi orders them before drawing. Without either, labels fall back to English names
or ids, with a warning.

In the network picture each label goes where it hides the fewest other labels, nodes and
edges (a greedy choice among a few positions, measured with the Agg renderer), and an
edge that would run through a third actor is bent around it. :func:`draw_timeline` and
:func:`draw_graph` return the Figure; :func:`plot_timeline` and :func:`plot_graph` write
the PNG.
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import networkx as nx
from matplotlib import colormaps, font_manager, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kg.graph import TimelineRow, alliance_scores, period_subgraph, short_english, signed_blocs
from kg.predicates import Predicate, load_predicates

__all__ = [
    "ARABIC_FONTS", "arabic_font", "shape_arabic", "node_label", "draw_timeline", "plot_timeline",
    "draw_graph", "plot_graph",
]

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


def draw_timeline(rows: Sequence[TimelineRow], title: str | None = None) -> Figure:
    """A pair's timeline (:func:`kg.graph.timeline`) as a matplotlib Figure.

    Top: the signed score per period (green cooperation, red conflict). Bottom: asserted
    statements per predicate, stacked, with the legend of predicates below the period
    labels. Periods without statements are shown empty.

    Raises
    ------
    ValueError
        If ``rows`` is empty.

    Examples
    --------
    >>> counts = {"cooperative": 1, "hostile": 0, "structural": 0, "unasserted": 0}
    >>> fig = draw_timeline([TimelineRow("2019-07", 0.6, counts, {"COOPERATES_WITH": 1}),
    ...                      TimelineRow("2019-09", 0.3, counts, {"NEGOTIATES_WITH": 1})])
    >>> [t.get_text() for t in fig.axes[1].get_xticklabels()]
    ['2019-07', '2019-08', '2019-09']
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['COOPERATES_WITH', 'NEGOTIATES_WITH']
    """
    if not rows:
        raise ValueError("nothing to plot: the pair has no dated statements")
    by_period = {r.period: r for r in rows}
    periods = _fill_periods([r.period for r in rows])
    x = range(len(periods))
    scores = [by_period[p].score if p in by_period else 0.0 for p in periods]
    predicates = sorted({pred for r in rows for pred in r.predicates})

    fig = Figure(figsize=(min(16.0, max(6.0, 0.45 * len(periods) + 2)), 6), layout="constrained", dpi=120)
    FigureCanvasAgg(fig)
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
    if predicates:  # below the period labels, in space the layout keeps for it
        fig.legend(*bottom.get_legend_handles_labels(), fontsize=8, loc="outside lower center",
                   ncols=min(6, len(predicates)), frameon=False)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    step = -(-len(periods) // 30)  # at most 30 period labels
    slanted = len(periods) > 6
    bottom.set_xticks(list(x)[::step], periods[::step], rotation=45 if slanted else 0,
                      ha="right" if slanted else "center")
    return fig


def plot_timeline(rows: Sequence[TimelineRow], path: str | Path, title: str | None = None) -> Path:
    """Draw a pair's timeline (:func:`draw_timeline`) to a PNG file.

    Raises
    ------
    ValueError
        If ``rows`` is empty (no file is written).
    """
    fig = draw_timeline(rows, title)
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


def _rotated(pos: dict, angle: float) -> dict:
    c, s = math.cos(angle), math.sin(angle)
    return {n: (x * c - y * s, x * s + y * c) for n, (x, y) in pos.items()}


def _fit(pos: dict, box: tuple[float, float, float, float]) -> dict:
    """Turn, scale and shift positions into ``box`` = (x0, y0, x1, y1), keeping their shape.

    The layout is turned so that its long axis (principal axis) or the axis across it
    lies along the box, whichever lets it be drawn larger.

    Examples
    --------
    >>> pos = _fit({"a": (0.0, 0.0), "b": (0.0, 1.0), "c": (0.1, 2.0)}, (0.0, 0.0, 4.0, 1.0))
    >>> round(max(x for x, _ in pos.values()) - min(x for x, _ in pos.values()), 3)  # laid along
    4.0
    """
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    mx0, my0 = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx0) ** 2 for x in xs)
    syy = sum((y - my0) ** 2 for y in ys)
    sxy = sum((x - mx0) * (y - my0) for x, y in zip(xs, ys))
    principal = 0.5 * math.atan2(2 * sxy, sxx - syy)
    x0, y0, x1, y1 = box
    best = None
    for angle in (-principal, math.pi / 2 - principal):
        turned = _rotated(pos, angle)
        xs, ys = [p[0] for p in turned.values()], [p[1] for p in turned.values()]
        # The tighter axis sets the scale; an axis with no extent (a pair in a row) sets none.
        ratios = [(hi - lo) / span for lo, hi, span in ((x0, x1, max(xs) - min(xs)),
                                                        (y0, y1, max(ys) - min(ys))) if span > 1e-9]
        scale = min(ratios, default=1.0)
        if best is None or scale > best[0] + 1e-9:
            best = (scale, turned, xs, ys)
    scale, turned, xs, ys = best
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return {n: (mx + (x - cx) * scale, my + (y - cy) * scale) for n, (x, y) in turned.items()}


def _layout(S: nx.Graph, height: float = 1.0) -> dict:
    """Positions in a box 1 wide and ``height`` high: groups of three or more actors side by
    side, wider for bigger groups; pairs in a row below them."""
    comps = sorted(nx.connected_components(S), key=lambda c: (-len(c), min(c)))
    big, small = [c for c in comps if len(c) > 2], [c for c in comps if len(c) <= 2]
    pos: dict = {}
    bottom = 0.2 * height if small and big else 0.0
    total = sum(len(c) for c in big)
    x = 0.0
    for comp in big:
        width = len(comp) / total
        box = (x + 0.04 * width, bottom, x + 0.96 * width, height)
        pos |= _fit(_component_layout(S.subgraph(comp)), box)
        x += width
    for i, comp in enumerate(small):
        width = 1.0 / len(small)
        inner = min(0.7 * width, 0.3)
        mid = (i + 0.5) * width
        box = (mid - inner / 2, 0.0, mid + inner / 2, 0.08 * height if big else height)
        pos |= _fit(_component_layout(S.subgraph(comp)), box)
    return pos


def _arc(p0: tuple[float, float], p1: tuple[float, float], rad: float) -> list[tuple[float, float]]:
    """Points along matplotlib's ``arc3`` curve from ``p0`` to ``p1`` (``rad=0``: straight).

    The control point sits ``rad`` times the chord length off the middle of the chord, to
    the right of the direction ``p0`` → ``p1`` for positive ``rad``. About one point
    every 8 units of chord length, at least 9.

    Examples
    --------
    >>> straight = _arc((0, 0), (16, 0), 0.0)
    >>> len(straight), straight[4]
    (9, (8.0, 0.0))
    >>> _arc((0, 0), (16, 0), 0.5)[4]  # halfway along: half the control point's offset
    (8.0, -4.0)
    """
    (x0, y0), (x1, y1) = p0, p1
    cx, cy = (x0 + x1) / 2 + rad * (y1 - y0), (y0 + y1) / 2 - rad * (x1 - x0)
    n = max(8, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / 8))
    points = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        points.append((a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1))
    return points


def _clearance(points: Sequence[tuple[float, float]], discs: Sequence[tuple[tuple[float, float], float]]) -> float:
    """Smallest gap between a curve (ends left out) and the edge of any disc (centre, radius)."""
    inner = points[1:-1]
    return min((((px - cx) ** 2 + (py - cy) ** 2) ** 0.5 - r for px, py in inner for (cx, cy), r in discs),
               default=float("inf"))


def _edge_curve(p0: tuple[float, float], p1: tuple[float, float],
                discs: Sequence[tuple[tuple[float, float], float]], gap: float = 12.0) -> list[tuple[float, float]]:
    """The points of an edge drawn from ``p0`` to ``p1``, clear of the other nodes' discs.

    Straight where it passes at least ``gap`` from every disc; else the least bent arc
    that does, or, failing that, the arc with the most room.

    Examples
    --------
    >>> pts = _edge_curve((0, 0), (200, 0), [((100, 0), 10)])  # a node in the way
    >>> _clearance(pts, [((100, 0), 10)]) >= 12
    True
    >>> len(set(y for _, y in _edge_curve((0, 0), (200, 0), [((100, 50), 10)])))  # straight
    1
    """
    best: tuple[float, list] | None = None
    for rad in (0.0, 0.15, -0.15, 0.25, -0.25, 0.35, -0.35, 0.5, -0.5):
        points = _arc(p0, p1, rad)
        room = _clearance(points, discs)
        if room >= gap:
            return points
        if best is None or room > best[0]:
            best = (room, points)
    return best[1]


def _overlap(a: tuple, b: tuple) -> float:
    """Area shared by two boxes (x0, y0, x1, y1).

    Examples
    --------
    >>> _overlap((0, 0, 10, 10), (5, 5, 20, 20)), _overlap((0, 0, 1, 1), (2, 2, 3, 3))
    (25, 0)
    """
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0


def _covered(box: tuple, curves: Sequence[tuple[tuple, list]]) -> int:
    """How many curve points fall in ``box``; ``curves`` holds (bounding box, points) pairs."""
    x0, y0, x1, y1 = box
    return sum(
        1 for (bx0, by0, bx1, by1), points in curves if bx0 <= x1 and x0 <= bx1 and by0 <= y1 and y0 <= by1
        for x, y in points if x0 <= x <= x1 and y0 <= y <= y1
    )


def _curve_entry(points: list) -> tuple[tuple, list]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys)), points


def _place(label, candidates: Sequence[dict], renderer, frame: tuple, boxes: list, curves, markers) -> None:
    """Move ``label`` (an Annotation) to the candidate position where it hides the least.

    Each candidate is a dict of ``xy``, ``xytext``, ``ha``, ``va``. The cost of a position
    counts, in this order of weight: the part of the label outside ``frame``, the node
    markers it covers, the area it shares with labels already placed (``boxes``), and the
    edge points it covers (``curves``: (bounding box, points) pairs). All boxes are
    (x0, y0, x1, y1) in display coordinates. Ties go to the earlier candidate. The chosen
    box is appended to ``boxes``.
    """
    def apply(cand: dict) -> None:
        if "xy" in cand:
            label.xy = cand["xy"]
        label.xyann = cand.get("xytext", (0, 0))
        label.set_ha(cand.get("ha", "center"))
        label.set_va(cand.get("va", "center"))

    best = None
    for i, cand in enumerate(candidates):
        apply(cand)
        box = tuple(label.get_window_extent(renderer).extents)
        area = (box[2] - box[0]) * (box[3] - box[1])
        cost = 50.0 * (area - _overlap(box, frame))
        cost += 2000.0 * sum(1 for m in markers if _overlap(box, m))
        cost += sum(_overlap(box, other) for other in boxes)
        cost += 30.0 * _covered(box, curves)
        cost += i  # prefer the earlier candidates
        if best is None or cost < best[0]:
            best = (cost, cand, box)
    _, cand, box = best
    apply(cand)
    boxes.append(box)


def _node_label_candidates(r: float) -> list[dict]:
    """Label positions around a marker of radius ``r`` points: above first, then around it."""
    d, q = r + 2, r * 0.75 + 2
    return [
        {"xytext": (0, d), "ha": "center", "va": "bottom"},
        {"xytext": (0, -d), "ha": "center", "va": "top"},
        {"xytext": (d + 1, 0), "ha": "left", "va": "center"},
        {"xytext": (-d - 1, 0), "ha": "right", "va": "center"},
        {"xytext": (q, q), "ha": "left", "va": "bottom"},
        {"xytext": (-q, q), "ha": "right", "va": "bottom"},
        {"xytext": (q, -q), "ha": "left", "va": "top"},
        {"xytext": (-q, -q), "ha": "right", "va": "top"},
    ]


def draw_graph(G: nx.MultiDiGraph, period: str | None, weight: str = "weight") -> Figure:
    """The actor network of ``period`` as a matplotlib Figure (see :func:`plot_graph`).

    Edges join actors with a non-zero alliance score in the period: green and solid for
    cooperation, red and dashed for conflict, width by ``|score|``, the score written on
    the edge. An edge that would run through a third actor is bent around it. Nodes are
    coloured by their bloc (:func:`kg.graph.signed_blocs`) and sized by their number of
    statements; each is labelled with its Arabic name over its English name, placed where
    it hides the fewest other labels, nodes and edges.

    Raises
    ------
    ValueError
        If no pair of actors has a score in the period.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("russia", name_ar="روسيا", name_en="Russia")
    >>> G.add_node("iran", name_ar="إيران", name_en="Iran")
    >>> _ = G.add_edge("russia", "iran", key="s1", weight=0.6, date="2019-05", asserted=True)
    >>> fig = draw_graph(G, "2019")
    >>> sorted(t.get_text().splitlines()[-1] for t in fig.axes[0].texts)
    ['+0.6', 'Iran', 'Russia']
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
    for (a, b), s in sorted(scores.items()):
        S.add_edge(a, b, score=s, length=1.0 if s > 0 else 1.5)

    n = len(S)
    size = (10, 8) if n <= 20 else (13, 10) if n <= 40 else (16, 12)
    dpi = 120
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    # A fixed frame (no layout engine), so positions measured now are where they are drawn;
    # one data unit is as long across as up, so the layout keeps its shape.
    rect = (0.01, 0.07, 0.98, 0.87)
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    pad = 0.07
    height = (1 + 2 * pad) * (rect[3] * size[1]) / (rect[2] * size[0]) - 2 * pad
    ax.set_xlim(-pad, 1 + pad)
    ax.set_ylim(-pad, height + pad)
    pos = _layout(S, height)
    ax.set_title(f"Actor network, {period or 'all periods'}: signed alliance scores "
                 f"(width ∝ |score|)", fontsize=11)
    handles = [
        Line2D([], [], color=_COOPERATION, linewidth=3, label="cooperation (+)"),
        Line2D([], [], color=_CONFLICT, linewidth=3, linestyle="--", label="conflict (−)"),
    ] + [Patch(color=_BLOC_COLOURS[i % len(_BLOC_COLOURS)], label=f"bloc {i + 1}") for i in range(len(groups))]
    handles.append(Patch(color=_NEUTRAL, label="in no bloc"))
    fig.legend(handles=handles, loc="lower center", fontsize=8, frameon=False,
               ncols=min(6, len(handles)))

    to_display, to_data = ax.transData.transform, ax.transData.inverted().transform
    degree = dict(H.degree(S.nodes))
    area = {node: min(900, 120 + 40 * degree.get(node, 1)) for node in S}  # marker area, points²
    radius_pt = {node: area[node] ** 0.5 / 2 for node in S}
    centre = {node: tuple(to_display(pos[node])) for node in S}
    disc = {node: (centre[node], radius_pt[node] * dpi / 72) for node in S}

    max_abs = max(abs(s) for s in scores.values())
    curves = {}
    for a, b, d in sorted(S.edges(data=True), key=lambda e: (-abs(e[2]["score"]), e[0], e[1])):
        others = [disc[x] for x in S if x not in (a, b)]
        curves[a, b] = _edge_curve(centre[a], centre[b], others)
        xs, ys = zip(*(to_data(p) for p in curves[a, b]))
        s = d["score"]
        ax.plot(xs, ys, color=_COOPERATION if s > 0 else _CONFLICT, linewidth=0.8 + 5 * abs(s) / max_abs,
                alpha=0.75, zorder=1, linestyle="-" if s > 0 else "--", solid_capstyle="butt")
    for node in S:
        ax.scatter([pos[node][0]], [pos[node][1]], s=area[node], color=colour_of.get(node, _NEUTRAL),
                   edgecolors="black", linewidths=0.6, zorder=2)

    renderer = fig.canvas.get_renderer()
    frame = tuple(ax.bbox.extents)  # labels stay clear of the title above and the legend below
    marker = {node: (cx - r, cy - r, cx + r, cy + r) for node, ((cx, cy), r) in disc.items()}
    markers = list(marker.values())
    boxes: list = []
    entries = {edge: _curve_entry(pts) for edge, pts in curves.items()}
    every_curve = list(entries.values())
    for node in sorted(S, key=lambda x: (-degree.get(x, 0), x)):
        label = ax.annotate(node_label(G.nodes[node], node), pos[node], xytext=(0, 0), textcoords="offset points",
                            fontsize=9, zorder=4, multialignment="center",
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
                            **_font_kwargs())
        # Its own marker is left out: the diagonal positions clip its square, not its disc.
        others = [box for other, box in marker.items() if other != node]
        _place(label, _node_label_candidates(radius_pt[node]), renderer, frame, boxes, every_curve, others)
    for (a, b), pts in curves.items():
        s = S.edges[a, b]["score"]
        label = ax.annotate(f"{s:+.1f}", to_data(pts[len(pts) // 2]), xytext=(0, 0), textcoords="offset points",
                            fontsize=7, color="#333333", zorder=3,
                            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
        others = [entry for edge, entry in entries.items() if edge != (a, b)]
        # Along the edge, from the middle outwards, keeping off the nodes at its ends.
        k = len(pts) - 1
        steps = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]
        candidates = [{"xy": tuple(to_data(pts[round(t * k)]))} for t in steps]
        _place(label, candidates, renderer, frame, boxes, others, markers)
    return fig


def plot_graph(G: nx.MultiDiGraph, period: str | None, path: str | Path, weight: str = "weight") -> Path:
    """Draw the actor network of ``period`` (:func:`draw_graph`) to a PNG file.

    Raises
    ------
    ValueError
        If no pair of actors has a score in the period (no file is written).
    """
    fig = draw_graph(G, period, weight)
    path = Path(path)
    fig.savefig(path, dpi=fig.dpi)
    return path
