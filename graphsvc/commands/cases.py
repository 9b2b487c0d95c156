"""`graphsvc purge`: delete closed cases after the retention period (dry run first)."""

from __future__ import annotations

import click

from ..services import cases
from .common import open_graph, settings


@click.command()
@click.option("--municipality", default="herne", show_default=True)
@click.option(
    "--months",
    type=click.IntRange(1, 600),
    default=24,
    show_default=True,
    help="Retention after closing.",
)
@click.option("--yes", "confirmed", is_flag=True, help="Really delete (default: only list).")
def purge(municipality: str, months: int, confirmed: bool) -> None:
    """List (or with --yes delete) closed cases whose retention period has ended.

    Aggregate counts per district, topic, outcome and year are kept, so reports stay valid.
    """
    with open_graph(settings()) as graph:
        due = cases.purge(graph, municipality, months, dry_run=not confirmed)
    for row in due:
        click.echo(f"{row['pseudonym']}  closed {row['closed_on']}")
    verb = "deleted" if confirmed else "would be deleted (run again with --yes)"
    click.echo(f"{len(due)} case(s) {verb}")
