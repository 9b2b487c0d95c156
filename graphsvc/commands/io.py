"""Getting data in and out from the shell: `graphsvc export|import|export-hsds|import-hsds|
import-offers`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import click

from .common import GRAPH_OPTION, open_graph, progress_bar, settings


def sha256(path: Path) -> str:
    """The file's SHA-256, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@GRAPH_OPTION
def export_cmd(file: Path, graph_name: str | None) -> None:
    """Write the whole graph (users and audit trail included) to FILE as JSON lines."""
    from ..services import backup

    with open_graph(settings(), graph_name) as graph:
        nodes, rels = backup.counts(graph)
        bar = progress_bar(nodes + rels, "export")
        try:
            result = backup.export_file(graph, file, bar.update)
        except backup.BackupError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            bar.close()
    click.echo(
        f"{result.nodes} nodes and {result.relationships} relationships written to {file} "
        f"in {result.seconds:.1f} s"
    )


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@GRAPH_OPTION
def import_cmd(file: Path, graph_name: str | None) -> None:
    """Restore a backup FILE (from `graphsvc export`) into an empty graph."""
    from ..services import audit, backup

    digest = sha256(file)
    with open_graph(settings(), graph_name) as graph:
        with file.open(encoding="utf-8", errors="strict") as source:
            try:
                plan = backup.check(source)
            except (backup.BackupError, UnicodeDecodeError) as exc:
                raise click.ClickException(f"{file}: {exc}") from None
        bar = progress_bar(plan.total, "import")
        try:
            backup.restore(graph, file, bar.update)
        except backup.BackupError as exc:
            raise click.ClickException(f"{file}: {exc}") from None
        finally:
            bar.close()
        audit.record(
            graph,
            audit.SHELL,
            "backup.restore",
            target=file.name,
            details={"sha256": digest, "items": plan.total},
        )
    click.echo(
        f"restored {sum(plan.nodes.values())} nodes and {sum(plan.relationships.values())} "
        f"relationships from {file} (sha256 {digest[:16]}…)"
    )


@click.command("export-hsds")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    help="Write the tabular form (CSV files and their datapackage.json) instead of JSON.",
)
@GRAPH_OPTION
def export_hsds_cmd(directory: Path, as_csv: bool, graph_name: str | None) -> None:
    """Write the directory as an HSDS 3.0 data package into DIRECTORY: JSON files
    (organizations.json, services.json, …) or, with --csv, the tabular form."""
    from ..services import hsds

    with open_graph(settings(), graph_name) as graph:
        bar = progress_bar(hsds.package_size(graph), "export-hsds")
        try:
            package = hsds.build_package(graph, bar.update)
        finally:
            bar.close()
    written = hsds.write_csv(package, directory) if as_csv else hsds.write_json(package, directory)
    click.echo(
        f"{len(package['services'])} services of {len(package['organizations'])} organizations: "
        f"{len(written)} files in {directory}"
    )


@click.command("import-offers")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only check the file and list its problems.")
@click.option(
    "--template",
    type=click.Choice(["offers", "organisations"]),
    default=None,
    help="Write an empty template to FILE instead (.xlsx holds both sheets).",
)
@click.option(
    "--municipality",
    "municipality_id",
    default=None,
    help="Municipality id: new organisations belong to it, offers only to its organisations.",
)
@click.option(
    "--max-mb", type=int, default=None, help="Largest file accepted (GRAPHSVC_IMPORT_MAX_MB)."
)
@GRAPH_OPTION
def import_offers_cmd(
    file: Path,
    dry_run: bool,
    template: str | None,
    municipality_id: str | None,
    max_mb: int | None,
    graph_name: str | None,
) -> None:
    """Import organisations and offers from a spreadsheet FILE (CSV or XLSX with the sheets
    "Organisationen" and/or "Angebote"): all rows or none."""
    from ..services import audit, spreadsheet

    if template:
        if file.suffix.lower() == ".csv":
            kind = "actors" if template == "organisations" else "offers"
            file.write_text(spreadsheet.template_csv(kind), encoding="utf-8")
        else:
            file.write_bytes(spreadsheet.template_xlsx(spreadsheet.german()))
        click.echo(f"template written to {file}")
        return
    if not file.exists():
        raise click.ClickException(f"{file}: no such file")
    limit = (max_mb or settings().import_max_mb) * 1024 * 1024
    data = file.read_bytes()
    digest = sha256(file)
    try:
        sheets = spreadsheet.read_sheets(data, file.name, limit)
    except spreadsheet.SpreadsheetError as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    with open_graph(settings(), graph_name) as graph:
        vocab = spreadsheet.vocabulary(graph, municipality_id)
        bar = progress_bar(spreadsheet.count_rows(sheets), "check")
        try:
            plan = spreadsheet.check(sheets, vocab, digest, municipality_id, bar.update)
        finally:
            bar.close()
        if not plan.ok:
            for p in plan.problems:
                where = f"sheet {p.sheet}, " if p.sheet else ""
                click.echo(
                    f"{where}row {p.row}, column {p.column!r}, value {p.value!r}: {p.text}",
                    err=True,
                )
            raise click.ClickException(f"{len(plan.problems)} problems: nothing was written")
        if dry_run:
            click.echo(
                f"{len(plan.actors)} organisations and {len(plan.offers)} offers checked, "
                "no problems (dry run: nothing written)"
            )
            return
        try:
            written = spreadsheet.write(graph, plan, audit.SHELL)
        except spreadsheet.SpreadsheetError as exc:
            raise click.ClickException(f"{file}: {exc}") from None
        audit.record(
            graph,
            audit.SHELL,
            "import.offers",
            target=file.name,
            details={"sha256": digest, "offers": written.offers, "actors": written.actors},
        )
    click.echo(
        f"{written.actors} organisations and {written.offers} offers imported from {file} "
        f"(sha256 {digest[:16]}…)"
    )


UNMAPPED_SHOWN = 50  # lines of the unmapped report on the terminal; --report holds all


@click.command("import-hsds")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--municipality", "municipality_id", required=True, help="Municipality id.")
@click.option("--dry-run", is_flag=True, help="Only check and map; write nothing.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write every value that has no place in the graph to this CSV file (place, value).",
)
@GRAPH_OPTION
def import_hsds_cmd(
    source: Path,
    municipality_id: str,
    dry_run: bool,
    report: Path | None,
    graph_name: str | None,
) -> None:
    """Import an HSDS 3.0 feed into the directory: a folder (JSON files, or the tabular form
    with its datapackage.json) or one JSON file. Every object is checked first; on any
    problem nothing is written."""
    from ..domain import csvfile
    from ..services import audit, hsds

    digest = hashlib.sha256()
    files = sorted(source.iterdir()) if source.is_dir() else [source]
    for path in files:
        if path.is_file() and path.suffix.lower() in (".json", ".csv"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    with open_graph(settings(), graph_name) as graph:
        try:
            feed = hsds.read_feed(source)
            bar = progress_bar(len(feed), "check")
            try:
                plan = hsds.plan_import(graph, feed, municipality_id, bar.update)
            finally:
                bar.close()
        except hsds.HsdsError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            raise click.ClickException(
                f"{len(exc.problems)} problems: nothing was written"
            ) from None
        counts = plan.summary()
        click.echo(
            f"{counts['organizations']} new organisations, {counts['services']} services "
            f"({counts['updated']} already in the directory)"
        )
        if plan.unmapped:
            click.echo(f"{len(plan.unmapped)} values have no place in the graph (not imported):")
            for where, value in plan.unmapped[:UNMAPPED_SHOWN]:
                click.echo(f"  {where}: {value}")
            if len(plan.unmapped) > UNMAPPED_SHOWN and report is None:
                click.echo(f"  … and {len(plan.unmapped) - UNMAPPED_SHOWN} more (--report FILE)")
        if report is not None:
            with report.open("w", encoding="utf-8", newline="") as out:
                csvfile.Writer(out).writerows([["place", "value"], *plan.unmapped])
            click.echo(f"every unmapped value: {report}")
        if dry_run:
            click.echo("dry run: nothing written")
            return
        written = hsds.import_package(graph, plan)
        audit.record(
            graph,
            audit.SHELL,
            "import.hsds",
            target=source.name,
            details={"sha256": digest.hexdigest(), **counts},
        )
    click.echo(f"{written} services written")


COMMANDS = [export_cmd, import_cmd, export_hsds_cmd, import_offers_cmd, import_hsds_cmd]
