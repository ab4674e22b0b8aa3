"""Rendering a :class:`kg.graph.Summary` or a timeline: rich tables and plain JSON."""
from __future__ import annotations

from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from kg.graph import Summary, TimelineRow

__all__ = ["summary_to_dict", "render_summary", "timeline_to_dicts", "render_timeline"]


def summary_to_dict(summary: Summary) -> dict:
    """A JSON-ready dict of ``summary``: pairs and ranked actors as small objects.

    Examples
    --------
    >>> from kg.graph import Summary
    >>> s = Summary(documents=1, period=None, date_span=("2019", "2019"), actors_by_type={},
    ...             statements=0, unasserted=0, statements_by_predicate={}, top_degree=[],
    ...             top_pagerank=[], cooperative_pairs=[("iran", "russia", 0.8)],
    ...             hostile_pairs=[], blocs=[], frustration=0.0)
    >>> summary_to_dict(s)["cooperative_pairs"]
    [{'a': 'iran', 'b': 'russia', 'score': 0.8}]
    """
    d = asdict(summary)
    d["date_span"] = {"from": summary.date_span[0], "to": summary.date_span[1]}
    for key in ("top_degree", "top_pagerank"):
        d[key] = [{"actor": a, "value": v} for a, v in getattr(summary, key)]
    for key in ("cooperative_pairs", "hostile_pairs"):
        d[key] = [{"a": a, "b": b, "score": s} for a, b, s in getattr(summary, key)]
    return d


def _counts_table(title: str, counts: dict[str, int], key: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column("count", justify="right")
    for k, n in counts.items():
        table.add_row(k, str(n))
    return table


def render_summary(summary: Summary, console: Console) -> None:
    """Print ``summary`` as a handful of readable tables."""
    name = summary.names.get
    span = " – ".join(x or "?" for x in summary.date_span)
    scope = f"period {summary.period}" if summary.period else "all periods"
    console.print(
        f"[bold]{summary.documents}[/bold] documents, [bold]{summary.statements}[/bold] statements "
        f"({summary.unasserted} negated, hedged or not factual), dates {span}; {scope}"
    )
    console.print(_counts_table("Actors by type", summary.actors_by_type, "type"))
    console.print(_counts_table("Statements by predicate", summary.statements_by_predicate, "predicate"))

    central = Table(title="Top actors", title_justify="left")
    for col in ("by degree", "statements", "by PageRank", "PageRank"):
        central.add_column(col, justify="right" if col in ("statements", "PageRank") else "left")
    for i in range(max(len(summary.top_degree), len(summary.top_pagerank))):
        d = summary.top_degree[i] if i < len(summary.top_degree) else None
        p = summary.top_pagerank[i] if i < len(summary.top_pagerank) else None
        central.add_row(
            name(d[0], d[0]) if d else "", f"{d[1]:g}" if d else "",
            name(p[0], p[0]) if p else "", f"{p[1]:.4f}" if p else "",
        )
    console.print(central)

    for title, pairs, style in (
        ("Strongest cooperative pairs", summary.cooperative_pairs, "green"),
        ("Strongest hostile pairs", summary.hostile_pairs, "red"),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("actor")
        table.add_column("actor")
        table.add_column("score", justify="right", style=style)
        for a, b, s in pairs:
            table.add_row(name(a, a), name(b, b), f"{s:+.2f}")
        console.print(table)

    blocs = Table(
        title=f"Blocs (structural balance; frustration {summary.frustration:g})", title_justify="left"
    )
    blocs.add_column("#", justify="right")
    blocs.add_column("members")
    for i, bloc in enumerate(summary.blocs, 1):
        blocs.add_row(str(i), ", ".join(name(a, a) for a in bloc))
    console.print(blocs)


def timeline_to_dicts(rows: list[TimelineRow]) -> list[dict]:
    """JSON-ready rows of :func:`kg.graph.timeline`."""
    return [row._asdict() for row in rows]


def render_timeline(rows: list[TimelineRow], a: str, b: str, console: Console) -> None:
    """Print the timeline of the pair ``a``–``b`` (display names) as a table."""
    table = Table(title=f"{a} – {b}", title_justify="left")
    for col in ("period", "score", "coop.", "hostile", "struct.", "unasserted", "predicates"):
        table.add_column(col, justify="left" if col in ("period", "predicates") else "right")
    for r in rows:
        style = "green" if r.score > 0 else "red" if r.score < 0 else ""
        table.add_row(
            r.period, f"[{style}]{r.score:+.2f}[/]" if style else f"{r.score:+.2f}",
            str(r.counts["cooperative"]), str(r.counts["hostile"]), str(r.counts["structural"]),
            str(r.counts["unasserted"]),
            "\n".join(f"{p}×{n}" for p, n in r.predicates.items()),
        )
    console.print(table)
