"""The PNG pictures: produced, non-trivial, drawn in colour, with Arabic that can be shown."""
from __future__ import annotations

import doctest

import numpy as np
import pytest
from matplotlib.image import imread

import kg.plots
from kg.graph import TimelineRow, build_graph, timeline
from kg.plots import arabic_font, node_label, plot_graph, plot_timeline, shape_arabic
from syria_fixture import tiny_extraction


@pytest.fixture(scope="module")
def G():
    return build_graph(tiny_extraction())


def _share(path, colour):
    """Share of clearly green or clearly red pixels (edges and bars are drawn translucent)."""
    img = imread(path)[..., :3]
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    mask = (g > r + 0.2) & (g > b + 0.1) if colour == "green" else (r > g + 0.3) & (r > b + 0.3)
    return float(np.mean(mask))


def test_doctests():
    result = doctest.testmod(kg.plots)
    assert result.attempted > 0 and result.failed == 0


def test_plot_graph_draws_both_signs(G, tmp_path):
    out = plot_graph(G, "2019", tmp_path / "graph.png")
    img = imread(out)
    assert img.shape[0] > 500 and img.shape[1] > 500
    assert np.std(img[..., :3]) > 0.05  # not a blank canvas
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
