"""Upload → preview (problems, or the organisations and offers to write) → confirm;
templates to download."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import Regexp

from ...services import audit, directory, search, spreadsheet
from ..access import DIRECTORY_EDIT, roles_required
from ..context import graph, lang, who
from ..display import KIND_LABELS, names
from ..forms import flash_form_errors
from . import bp

SHA256 = re.compile(r"^[0-9a-f]{64}$")
PREVIEW_ROWS = 50


class UploadForm(FlaskForm):
    file = FileField(_l("Spreadsheet (CSV or XLSX)"), validators=[FileRequired()])


class ConfirmForm(FlaskForm):
    sha256 = HiddenField(validators=[Regexp(SHA256.pattern)])
    filename = HiddenField()


def max_bytes() -> int:
    """The upload cap (app config IMPORT_MAX_BYTES, from GRAPHSVC_IMPORT_MAX_MB)."""
    return int(current_app.config["IMPORT_MAX_BYTES"])


def _staging() -> Path:
    path = Path(tempfile.gettempdir()) / "graphsvc-import"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _user() -> dict:
    return {
        "id": current_user.id,
        "username": current_user.username,
        "municipality_id": current_user.municipality_id,
    }


def _scope() -> str | None:
    """Admins and editors import only for organisations of their own municipality."""
    return current_user.municipality_id


@bp.route("/", methods=["GET", "POST"])
@roles_required(*DIRECTORY_EDIT)
def upload():
    """Upload a file; show every problem, or the offers it would write and a confirm button."""
    form = UploadForm()
    page = {"form": form, "max_mb": max_bytes() // 2**20, "notes": spreadsheet.COLUMN_NOTES}
    if not form.is_submitted():
        return render_template("io/upload.html", **page)
    if not form.validate():
        flash_form_errors(form)
        return render_template("io/upload.html", **page), 400
    upload_file = form.file.data
    with upload_file.stream:  # a large upload is spooled to a temporary file: close it
        data = upload_file.read(max_bytes() + 1)
    name = Path(upload_file.filename or "upload").name[:120]
    try:
        plan = spreadsheet.prepare(graph(), data, name, max_bytes(), _scope())
    except spreadsheet.SpreadsheetError as exc:
        form.file.errors = [_(exc.why, **exc.params)]
        flash_form_errors(form)
        return render_template("io/upload.html", **page), 400
    if not plan.ok:
        audit.record(
            graph(),
            who(),
            "import.offers.check",
            target=name,
            details={"sha256": plan.sha256, "problems": len(plan.problems)},
            outcome="refused",
        )
        return render_template("io/preview.html", plan=plan, filename=name, confirm=None), 400
    (_staging() / plan.sha256).write_bytes(data)
    confirm = ConfirmForm(sha256=plan.sha256, filename=name)
    return render_template(
        "io/preview.html",
        plan=plan,
        filename=name,
        confirm=confirm,
        offers=plan.offers[:PREVIEW_ROWS],
        actors=plan.actors[:PREVIEW_ROWS],
        named=_preview_names(plan),
        kind_labels=KIND_LABELS,
        counted=_counted(len(plan.actors), len(plan.offers)),
    )


def _counted(actors: int, offers: int) -> str:
    """ "1 organisation and 3 offers", with the right plural for each."""
    return _(
        "%(actors)s and %(offers)s",
        actors=ngettext("%(num)s organisation", "%(num)s organisations", actors),
        offers=ngettext("%(num)s offer", "%(num)s offers", offers),
    )


def _preview_names(plan: spreadsheet.Plan) -> dict[str, dict[str, str]]:
    """Names for the ids a preview shows: topics, districts and organisations."""
    vocab = search.vocabulary(graph(), current_user.municipality_id or "")
    named = names(vocab, lang())
    actors = {
        row["actor"]["id"]: row["actor"]["name"]
        for row in directory.list_actors(graph(), current_user.municipality_id or "")
    }
    actors.update({a["id"]: a["props"].get("name") or a["id"] for a in plan.actors})
    return {**named, "actors": actors}


@bp.post("/confirm")
@roles_required(*DIRECTORY_EDIT)
def confirm():
    """Write the checked file (checked again: the directory may have changed meanwhile)."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash(_("The import could not be confirmed; please upload the file again."), "error")
        return redirect(url_for("io.upload")), 303
    staged = _staging() / form.sha256.data
    if not staged.exists():
        flash(_("The import could not be confirmed; please upload the file again."), "error")
        return redirect(url_for("io.upload")), 303
    data = staged.read_bytes()
    name = Path(form.filename.data or "upload").name[:120]
    plan = spreadsheet.prepare(graph(), data, name, max_bytes(), _scope())
    if not plan.ok:
        return render_template("io/preview.html", plan=plan, filename=name, confirm=None), 400
    try:
        written = spreadsheet.write(graph(), plan, who())
    except spreadsheet.SpreadsheetError as exc:
        flash(_(exc.why, **exc.params), "error")
        return redirect(url_for("io.upload")), 303
    staged.unlink(missing_ok=True)
    audit.record(
        graph(),
        who(),
        "import.offers",
        target=name,
        details={"sha256": plan.sha256, "offers": written.offers, "actors": written.actors},
    )
    flash(
        _("Imported: %(what)s.", what=_counted(written.actors, written.offers)),
        "success",
    )
    return redirect(url_for("io.upload")), 303


@bp.get("/template.xlsx")
@roles_required(*DIRECTORY_EDIT)
def template_xlsx():
    """The template workbook with the German column names and one example row."""
    return Response(
        spreadsheet.template_xlsx(_),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": "attachment; filename=verzeichnis-vorlage.xlsx"},
    )


CSV_TEMPLATES = {"offers": "angebote", "organisations": "organisationen"}


@bp.get("/template.csv")
@roles_required(*DIRECTORY_EDIT)
def template_csv():
    """One sheet's template as CSV (UTF-8, ';'-separated): ?kind=offers|organisations."""
    kind = request.args.get("kind", "offers")
    if kind not in CSV_TEMPLATES or set(request.args) - {"kind"}:
        abort(400, description=_("kind must be offers or organisations"))
    return Response(
        spreadsheet.template_csv("actors" if kind == "organisations" else "offers").encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={CSV_TEMPLATES[kind]}-vorlage.csv"},
    )
