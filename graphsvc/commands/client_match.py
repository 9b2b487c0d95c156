"""`graphsvc same-client-scan`: compare all cases of a municipality for the same client."""

from __future__ import annotations

import time

import click

from ..services import client_match


@click.command("same-client-scan")
@click.option("--municipality", default="herne", show_default=True)
def same_client_scan(municipality: str) -> None:
    """Record likely pairs of cases of one client at two organisations (for coordination).

    Uses GRAPHSVC_MATCH_THRESHOLD; pairs already confirmed or rejected keep their decision.
    """
    from ..cli import _settings, open_graph

    settings = _settings()
    started = time.perf_counter()
    with open_graph(settings) as graph:
        result = client_match.scan(graph, municipality, settings.match_threshold)
    click.echo(
        f"{result['cases']} cases compared, {result['pairs']} likely pairs at or above "
        f"{settings.match_threshold} ({time.perf_counter() - started:.1f} s)"
    )
