"""Layout of the help-network picture: the case in the middle, needs around it, each
need's linked offers further out. Plain geometry, drawn as SVG by the case page."""

from __future__ import annotations

import math
from typing import Any

WIDTH, HEIGHT = 760, 520
CENTRE = (WIDTH / 2, HEIGHT / 2)
NEED_RADIUS, OFFER_RADIUS = 130, 230


def layout(needs: list[dict[str, Any]], links: list[dict[str, Any]]) -> dict[str, list[dict]]:
    """Positions for needs (ring 1) and links (ring 2, fanned out around their need)."""
    topics = [n["topic"] for n in needs] + sorted(
        {lk["topic"] for lk in links} - {n["topic"] for n in needs}
    )
    placed_needs, placed_links = [], []
    step = 2 * math.pi / max(len(topics), 1)
    for i, topic in enumerate(topics):
        angle = -math.pi / 2 + i * step
        x, y = _at(angle, NEED_RADIUS)
        need = next((n for n in needs if n["topic"] == topic), {"topic": topic})
        placed_needs.append({**need, "x": x, "y": y})
        own = [lk for lk in links if lk["topic"] == topic]
        spread = min(step * 0.8, 0.5 * len(own))
        for j, link in enumerate(own):
            offset = 0 if len(own) == 1 else -spread / 2 + j * spread / (len(own) - 1)
            lx, ly = _at(angle + offset, OFFER_RADIUS)
            placed_links.append({**link, "x": lx, "y": ly, "nx": x, "ny": y})
    return {"needs": placed_needs, "links": placed_links}


def _at(angle: float, radius: float) -> tuple[float, float]:
    return round(CENTRE[0] + radius * math.cos(angle), 1), round(
        CENTRE[1] + radius * math.sin(angle), 1
    )
