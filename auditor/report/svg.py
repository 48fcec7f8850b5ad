"""Charts as inline SVG, drawn here so the page shows them without JavaScript or a network.

Every chart is an ``<svg class="chart" data-chart=ID>`` with a ``<title>`` it is labelled by, and
one ``<rect class="bar ...">`` per bar (per segment in a stacked bar), each with its own
``<title>`` as a tooltip. Colours come from CSS classes, so the page's light and dark themes
apply. Every label is escaped: statistics come from corpora, and corpora are untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 720
ROW = 24  # height of one horizontal bar's row
LABEL_CHARS = 28  # longer labels are cut, the whole label staying in the tooltip
MAX_VALUE_LABELS = 24  # a histogram with more bins than this labels its bars in tooltips only
CHAR_WIDTH = 7  # roughly, at 12 px: room kept right of the longest bar for its value


@dataclass(frozen=True)
class Series:
    """One kind of bar segment: its CSS class and the name the legend gives it."""

    css: str
    name: str


@dataclass(frozen=True)
class Row:
    """One horizontal bar: its label and one value per series."""

    label: str
    values: tuple[int, ...]


def fmt(value: float) -> str:
    """A count with thousands separators; other numbers shortly."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.3g}"


def _open(chart_id: str, title: str, height: int) -> str:
    return (f'<svg class="chart" id="chart-{chart_id}" data-chart="{chart_id}" role="img" '
            f'aria-labelledby="chart-{chart_id}-title" viewBox="0 0 {WIDTH} {height}" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="chart-{chart_id}-title">{escape(title)}</title>')


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def _rect(css: str, x: float, y: float, width: float, height: float, tip: str) -> str:
    return (f'<rect class="bar {css}" x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
            f'height="{max(height, 0):.1f}"><title>{escape(tip)}</title></rect>')


def _ticks(peak: int) -> list[float]:
    """Gridlines: zero, the peak and, where it is a whole number, half the peak."""
    return [0] + ([peak / 2] if peak >= 2 and peak % 2 == 0 else []) + ([peak] if peak else [])


def histogram(chart_id: str, title: str, edges: list[float], counts: list[int], unit: str = "records") -> str:
    """Vertical bars, one per bin between consecutive ``edges``; all-zero counts still draw axes."""
    height, left, right, top, bottom = 240, 56, 12, 18, 34
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = max(counts, default=0) or 1  # an empty corpus draws flat bars, not a division by zero
    slot = plot_w / max(len(counts), 1)
    parts = [_open(chart_id, title, height)]
    for tick in _ticks(max(counts, default=0)):
        y = top + plot_h * (1 - tick / peak)
        parts.append(f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{fmt(tick)}</text>')
    label_every = max(1, round(len(edges) / 12))
    for i, edge in enumerate(edges):
        if i % label_every == 0 or i == len(edges) - 1:
            parts.append(f'<text class="tick" x="{left + i * slot:.1f}" y="{height - bottom + 16}" '
                         f'text-anchor="middle">{escape(fmt(edge))}</text>')
    for i, n in enumerate(counts):
        bar_h = plot_h * n / peak
        x, y = left + i * slot + 2, top + plot_h - bar_h
        tip = f"{fmt(edges[i])}–{fmt(edges[i + 1])}: {fmt(n)} {unit}"
        parts.append(_rect("series-0", x, y, slot - 4, bar_h, tip))
        if n and len(counts) <= MAX_VALUE_LABELS:
            parts.append(f'<text class="value" x="{x + (slot - 4) / 2:.1f}" y="{y - 4:.1f}" '
                         f'text-anchor="middle">{fmt(n)}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    return "".join(parts) + "</svg>"


def horizontal_bars(chart_id: str, title: str, rows: list[Row], series: tuple[Series, ...],
                    unit: str = "") -> str:
    """One horizontal bar per row, its values stacked left to right in the order of ``series``."""
    legend = len(series) > 1
    totals = [" / ".join(fmt(v) for v in row.values) if legend else fmt(row.values[0]) for row in rows]
    left, right, top = 200, 16 + CHAR_WIDTH * max(map(len, totals), default=0), 8
    height = top + ROW * len(rows) + (28 if legend else 8)
    plot_w = WIDTH - left - right
    peak = max((sum(row.values) for row in rows), default=0) or 1
    parts = [_open(chart_id, title, height)]
    for r, (row, total) in enumerate(zip(rows, totals)):
        y = top + r * ROW
        parts.append(f'<text class="label" x="{left - 8}" y="{y + ROW / 2 + 4:.1f}" text-anchor="end">'
                     f'<title>{escape(row.label)}</title>{escape(_short(row.label))}</text>')
        x = float(left)
        for kind, value in zip(series, row.values):
            width = plot_w * value / peak
            tip = f"{row.label}: {fmt(value)} {kind.name if legend else unit}".rstrip()
            parts.append(_rect(kind.css, x, y + 4, width, ROW - 8, tip))
            x += width
        parts.append(f'<text class="value" x="{x + 6:.1f}" y="{y + ROW / 2 + 4:.1f}">{total}</text>')
    if legend:
        y, x = height - 14, float(left)
        for kind in series:
            parts.append(f'<rect class="swatch {kind.css}" x="{x:.1f}" y="{y - 9}" width="12" height="12"/>'
                         f'<text class="label" x="{x + 17:.1f}" y="{y + 1}">{escape(kind.name)}</text>')
            x += 30 + 8 * len(kind.name)
    return "".join(parts) + "</svg>"
