"""`graphsvc same-client-scan`: compare all cases of a municipality for the same client."""

from __future__ import annotations

import time

import click

from ..services import same_client
from .common import open_graph, settings


@click.command("same-client-scan")
@click.option("--municipality", default="herne", show_default=True)
def same_client_scan(municipality: str) -> None:
    """Record likely pairs of cases of one client at two organisations (for coordination).

    Uses GRAPHSVC_MATCH_THRESHOLD; pairs already confirmed or rejected keep their decision.
    """
    config = settings()
    started = time.perf_counter()
    with open_graph(config) as graph:
        result = same_client.scan(graph, municipality, config.match_threshold)
    click.echo(
        f"{result['cases']} cases compared, {result['pairs']} likely pairs at or above "
        f"{config.match_threshold} ({time.perf_counter() - started:.1f} s)"
    )
