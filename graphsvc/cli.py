"""The `graphsvc` command: gathers the subcommands of graphsvc/commands/ under one group."""

from __future__ import annotations

import sys

import click

from .commands import bench, cases, data, io, same_client, server, users
from .config import ConfigError
from .domain.yamlfile import SeedError
from .graph import GraphError

FRIENDLY = (ConfigError, SeedError, GraphError)


@click.group()
def cli() -> None:
    """graphsvc: the referral and network graph for municipal integration management."""


for command in (
    server.run,
    server.demo_passwords,
    data.init,
    data.seed,
    bench.generate,
    bench.bench,
    bench.loadtest,
    users.user,
    users.token,
    cases.purge,
    same_client.same_client_scan,
    *io.COMMANDS,
):
    cli.add_command(command)


def main() -> None:
    """Entry point: run the command; known faults print one line, not a traceback."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except FRIENDLY as exc:
        click.echo(f"graphsvc: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
