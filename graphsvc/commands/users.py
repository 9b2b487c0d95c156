"""`graphsvc user add|disable|enable|list` and `graphsvc token create`."""

from __future__ import annotations

import click

from ..domain import model
from ..services import accounts, audit
from .common import open_graph, settings


@click.group()
def user() -> None:
    """Manage users from the shell."""


@user.command("add")
@click.argument("username")
@click.option("--name", "display_name", default=None, help="Name shown (default: username).")
@click.option("--actor", "actor_id", required=True, help="Id of the organisation (actor).")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(model.ROLES))
@click.option("--password", default=None, help="Default: a one-time password is generated.")
def add(
    username: str,
    display_name: str | None,
    actor_id: str,
    roles: tuple[str, ...],
    password: str | None,
) -> None:
    """Create a user; prints the one-time password when none was given."""
    with open_graph(settings()) as graph:
        try:
            user_id, secret = accounts.create_user(
                graph, username, display_name or username, actor_id, list(roles), password
            )
        except accounts.AccountError as exc:
            raise click.ClickException(f"{exc.field or 'user'}: {exc}") from None
        audit.record(
            graph, audit.SHELL, "user.create", target=user_id, details={"username": username}
        )
    click.echo(f"user {username} created ({', '.join(roles)})")
    if password is None:
        click.echo(f"one-time password: {secret}")


@user.command("disable")
@click.argument("username")
def disable(username: str) -> None:
    """Disable a user and end all of the user's sessions."""
    _set_active(username, False)


@user.command("enable")
@click.argument("username")
def enable(username: str) -> None:
    """Enable a disabled user again."""
    _set_active(username, True)


def _set_active(username: str, active: bool) -> None:
    with open_graph(settings()) as graph:
        try:
            user_id = accounts.find_user_id(graph, username)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
        accounts.set_active(graph, user_id, active)
        audit.record(
            graph, audit.SHELL, "user.enable" if active else "user.disable", target=user_id
        )
    click.echo(f"user {username} {'enabled' if active else 'disabled'}")


@user.command("list")
@click.option("--municipality", default="herne", show_default=True)
def list_users(municipality: str) -> None:
    """List the users of a municipality."""
    with open_graph(settings()) as graph:
        rows = graph.query("accounts.list_users", municipality_id=municipality)
    for row in rows:
        u = row["user"]
        state = "active" if u.get("active") else "disabled"
        click.echo(f"{u['username']:<24} {state:<9} {','.join(u['roles']):<28} {row['actor_name']}")


@click.group()
def token() -> None:
    """Manage API tokens from the shell."""


@token.command("create")
@click.argument("username")
@click.option("--name", default="shell", show_default=True)
def create(username: str, name: str) -> None:
    """Create an API token for a user; it is printed once."""
    with open_graph(settings()) as graph:
        try:
            user_id = accounts.find_user_id(graph, username)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
        config = settings()
        secret = accounts.create_token(graph, user_id, name, config.token_days)
        audit.record(graph, audit.SHELL, "token.create", target=secret[:12])
    click.echo(secret)
    click.echo(f"valid for {config.token_days} days (GRAPHSVC_TOKEN_DAYS)", err=True)
