"""Server-rendered SVG line charts: no JavaScript library, no CDN, readable without scripts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ttdn.press.selectors import Series

COLOURS = ["#0b5cad", "#a4161a", "#1b7a3a", "#b26b00", "#6a3d9a", "#00838f", "#5b6474", "#c2185b"]
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 760, 260, 44, 28, 12, 28


def line_chart(buckets: Sequence[dt.date], series: Sequence[Series], *, title: str) -> SafeString:
    """Return an accessible SVG chart of ``series`` over ``buckets`` (with a text table alt)."""
    if not buckets or not series:
        return mark_safe("")
    peak = max(max(s.points.values(), default=0) for s in series) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(buckets) - 1)

    def x(index: int) -> float:
        return LEFT + index * step if len(buckets) > 1 else LEFT + plot_w / 2

    def y(value: int) -> float:
        return TOP + plot_h - value / peak * plot_h

    parts = [
        (
            f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    parts.extend(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
        f'stroke="#d8dde5"/><text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" '
        f'font-size="11" fill="#5b6474">{tick}</text>'
        for tick in sorted({0, peak // 2, peak})
    )
    label_every = max(1, len(buckets) // 8)
    for index, bucket in enumerate(buckets):
        if index % label_every == 0:
            parts.append(
                f'<text x="{x(index):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
                f'fill="#5b6474">{bucket:%d/%m}</text>'
            )
    for number, item in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        points = " ".join(
            f"{x(i):.1f},{y(item.points.get(bucket, 0)):.1f}" for i, bucket in enumerate(buckets)
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}">'
            f"<title>{escape(item.label)}: {item.total}</title></polyline>"
        )
    parts.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch" style="background:{COLOURS[n % len(COLOURS)]}"></span>'
        f"{escape(item.label)} ({item.total})</li>"
        for n, item in enumerate(series)
    )
    return mark_safe(f'{"".join(parts)}<ul class="legend">{legend}</ul>')  # noqa: S308 - all escaped
