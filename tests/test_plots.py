"""The PNG pictures: produced, non-trivial, drawn in colour, with Arabic that can be shown."""
from __future__ import annotations

import doctest
import itertools

import pytest
from matplotlib.image import imread

import kg.plots
from kg.graph import TimelineRow, build_graph, timeline
from kg.plots import (
    arabic_font,
    draw_graph,
    draw_timeline,
    node_label,
    plot_graph,
    plot_timeline,
    shape_arabic,
)
from syria_fixture import tiny_extraction


@pytest.fixture(scope="module")
def G():
    return build_graph(tiny_extraction())


def _share(path, colour):
    """Share of clearly green or clearly red pixels (edges and bars are drawn translucent)."""
    img = imread(path)[..., :3]
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    mask = (g > r + 0.2) & (g > b + 0.1) if colour == "green" else (r > g + 0.3) & (r > b + 0.3)
    return float(mask.mean())


def test_doctests():
    result = doctest.testmod(kg.plots)
    assert result.attempted > 0 and result.failed == 0


def test_plot_graph_draws_both_signs(G, tmp_path):
    out = plot_graph(G, "2019", tmp_path / "graph.png")
    img = imread(out)
    assert img.shape[0] > 500 and img.shape[1] > 500
    assert img[..., :3].std() > 0.05  # not a blank canvas
    assert _share(out, "green") > 0.002 and _share(out, "red") > 0.002


def test_plot_graph_of_an_empty_period_is_a_clear_error(G, tmp_path):
    with pytest.raises(ValueError, match="no scored actor pairs in period 2015"):
        plot_graph(G, "2015", tmp_path / "graph.png")
    assert not (tmp_path / "graph.png").exists()


def test_plot_timeline_of_a_pair(G, tmp_path):
    out = plot_timeline(timeline(G, "russia", "turkey"), tmp_path / "timeline.png",
                        title="Russia / روسيا – Turkey / تركيا")
    assert out.stat().st_size > 10_000
    assert _share(out, "green") > 0.005 and _share(out, "red") == 0.0


def test_plot_timeline_of_both_signs(tmp_path):
    counts = {"cooperative": 0, "hostile": 0, "structural": 0, "unasserted": 0}
    rows = [
        TimelineRow("2019-07", 0.6, counts | {"cooperative": 1}, {"COOPERATES_WITH": 1}),
        TimelineRow("2020-02", -0.9, counts | {"hostile": 1, "unasserted": 1}, {"FIGHTS": 1}),
    ]
    out = plot_timeline(rows, tmp_path / "timeline.png")
    assert _share(out, "green") > 0.005 and _share(out, "red") > 0.005
    with pytest.raises(ValueError, match="nothing to plot"):
        plot_timeline([], tmp_path / "empty.png")


def test_arabic_labels_are_drawable(G):
    # matplotlib ships DejaVu Sans, which has Arabic letters and presentation forms.
    assert arabic_font() is not None
    label = node_label(G.nodes["syria.gov"], "syria.gov")
    arabic, english = label.split("\n")
    assert english == "Syrian government"
    assert arabic and shape_arabic("إدلب")
    assert node_label(G.nodes["place:إدلب"], "place:إدلب") == shape_arabic("إدلب")


def _boxes(fig):
    renderer = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in fig.axes[0].texts]


@pytest.mark.parametrize("period", ["2019", None])
def test_graph_labels_do_not_hide_each_other(G, period):
    fig = draw_graph(G, period)
    boxes = _boxes(fig)
    # Every actor with a score has a label, and every scored pair its score.
    names = [text.split("\n")[-1] for text, _ in boxes]
    assert {"Russia", "Turkey", "Syrian government", "Iran", "Syrian opposition"} <= set(names)
    actors, pairs = {"2019": (5, 6), None: (6, 8)}[period]  # worked out in syria_fixture.py
    assert len(boxes) == actors + pairs and names.count("+0.8") == 3
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, b)
    frame = fig.axes[0].bbox
    for text, box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, text


def test_edges_bend_around_a_node_in_their_way():
    # Three actors on a line: the edge between the outer two would cross the middle one.
    from kg.plots import _clearance, _edge_curve

    middle = [((150.0, 100.0), 15.0)]
    points = _edge_curve((0.0, 100.0), (300.0, 100.0), middle)
    assert _clearance(points, middle) >= 12
    assert max(abs(y - 100.0) for _, y in points) > 15


def test_timeline_legend_sits_below_the_period_labels(tmp_path):
    counts = {"cooperative": 1, "hostile": 0, "structural": 0, "unasserted": 0}
    months = [f"{y}-{m:02d}" for y in (2018, 2019) for m in range(1, 13)]
    rows = [TimelineRow(p, 0.6, counts, {"COOPERATES_WITH": 1, "NEGOTIATES_WITH": i % 2})
            for i, p in enumerate(months)]
    fig = draw_timeline(rows, title="Russia / روسيا – Turkey / تركيا")
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0].get_window_extent(renderer)
    ticks = [t.get_window_extent(renderer) for t in fig.axes[1].get_xticklabels() if t.get_text()]
    assert ticks and all(legend.y1 <= t.y0 + 0.5 for t in ticks)
    assert legend.y0 >= 0


def test_labels_are_arabic_in_logical_order_for_native_shaping(G):
    # matplotlib with libraqm shapes and orders Arabic itself; the label keeps the
    # logical (typed) order, which is what the shaper expects.
    if not kg.plots._native_shaping():
        pytest.skip("matplotlib without libraqm: labels are pre-shaped by arabic-reshaper")
    assert node_label(G.nodes["russia"], "russia") == "روسيا\nRussia"
