"""Generative themes: list, create, edit and close, for coordination."""

from __future__ import annotations

import re

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ...domain.cases import PSEUDONYM, identifier_hints
from ...domain.errors import Conflict
from ...services import audit, gaps, themes
from ..access import COORDINATION, roles_required
from ..context import graph, lang, municipal_who, municipality, who
from ..forms import CheckboxGroup, MultilineText, flash_form_errors
from . import bp

SEPARATORS = re.compile(r"[\s,;]+")


class ThemeForm(FlaskForm):
    """A theme: title, description, topics, districts and the cases' pseudonyms."""

    title = StringField(
        _l("Title"),
        validators=[
            DataRequired(_l("Give the theme a title.")),
            Length(3, themes.MAX_TITLE, _l("A title of 3 to 200 characters.")),
        ],
    )
    description = MultilineText(
        _l("Description"),
        validators=[
            Optional(),
            Length(max=themes.MAX_DESCRIPTION, message=_l("At most 4000 characters.")),
        ],
    )
    topics = CheckboxGroup(_l("Needs (topics)"), validators=[Optional()])
    districts = CheckboxGroup(_l("Districts"), validators=[Optional()])
    cases = MultilineText(
        _l("Cases (pseudonyms, separated by spaces or commas)"), validators=[Optional()]
    )
    version = HiddenField()

    def fill(self, names: gaps.Names) -> ThemeForm:
        """The choices of the user's municipality."""
        self.topics.choices = sorted(names.topics.items(), key=lambda p: p[1].lower())
        self.districts.choices = list(names.districts.items())
        return self

    def pseudonyms(self) -> list[str]:
        """The pseudonyms entered, upper-case, without repeats."""
        raw = SEPARATORS.split((self.cases.data or "").strip().upper())
        return list(dict.fromkeys(p for p in raw if p))

    def validate_title(self, field):
        """A theme is about the system: no name, date of birth, phone, e-mail or address."""
        _refuse_identifiers(field.data)

    def validate_description(self, field):
        """As the title: themes hold no direct identifier of a person."""
        _refuse_identifiers(field.data)

    def validate_cases(self, field):
        """Only well-formed pseudonyms, never names or other identifiers."""
        bad = [p for p in self.pseudonyms() if not PSEUDONYM.match(p)]
        if bad:
            raise ValidationError(
                _("Not a pseudonym like HER-2026-0001: %(bad)s", bad=", ".join(bad[:3]))
            )
        if len(self.pseudonyms()) > themes.MAX_CASES:
            raise ValidationError(_("At most %(n)s cases.", n=themes.MAX_CASES))

    def values(self) -> themes.ThemeInput:
        """The checked input for the service."""
        return themes.ThemeInput(
            title=self.title.data.strip(),
            description=(self.description.data or "").strip(),
            topic_ids=list(self.topics.data or []),
            district_ids=list(self.districts.data or []),
            pseudonyms=self.pseudonyms(),
        )


def _refuse_identifiers(text: str | None) -> None:
    hints = identifier_hints(text or "")
    if hints:
        raise ValidationError(
            _(
                "This looks like a personal detail (%(text)s). Themes describe the system "
                "and hold no names, dates of birth, phone numbers or addresses.",
                text=hints[0].excerpt,
            )
        )


def _names() -> gaps.Names:
    return gaps.names(graph(), municipality(), lang())


def _audit(action: str, theme_id: str, pseudonyms: list[str]) -> None:
    audit.record(graph(), who(), action, target=theme_id, details={"cases": pseudonyms})


def _save(form: ThemeForm, theme_id: str | None) -> str | None:
    """Create or update; on a rule the service finds, the error goes to its field."""
    try:
        if theme_id is None:
            theme_id = themes.create(graph(), municipal_who(), form.values())
        else:
            version = form.version.data or ""
            if not version.isdigit():
                raise Conflict("no version")
            themes.update(graph(), municipal_who(), theme_id, int(version), form.values())
    except Conflict:
        form.title.errors = [_("Someone changed or closed this theme meanwhile; please reload.")]
        return None
    except themes.ThemeError as exc:
        form.cases.errors = [_("Not a case of your municipality: %(p)s", p=", ".join(exc.items))]
        return None
    return theme_id


def _list_page(status: int = 200):
    listed = themes.list_themes(graph(), municipality())
    listed.sort(key=lambda t: t.get("status") != "open")
    _audit("themes.list", municipality(), sorted({p for t in listed for p in t["cases"]}))
    page = render_template("coordination/theme_list.html", themes=listed, names=_names())
    return page, status


@bp.get("/themes")
@roles_required(*COORDINATION)
def theme_list():
    """All generative themes of the municipality, open first."""
    return _list_page()


@bp.route("/themes/new", methods=["GET", "POST"])
@roles_required(*COORDINATION)
def theme_new():
    """Record a theme found in a case conference."""
    form = ThemeForm().fill(_names())
    if form.validate_on_submit() and _save(form, None):
        flash(_("Theme saved."), "success")
        return redirect(url_for("coordination.theme_list"))
    status = 400 if request.method == "POST" else 200
    if status == 400:
        flash_form_errors(form)
    return render_template("coordination/theme_form.html", form=form, theme=None), status


@bp.route("/themes/<theme_id>/edit", methods=["GET", "POST"])
@roles_required(*COORDINATION)
def theme_edit(theme_id: str):
    """Change an open theme (the version seen is checked)."""
    found = themes.get(graph(), municipality(), theme_id)
    if found is None or found["status"] != "open":
        abort(404)
    form = ThemeForm().fill(_names())
    if request.method == "GET":
        form.title.data, form.description.data = found["title"], found.get("description")
        form.topics.data, form.districts.data = found["topics"], found["districts"]
        form.cases.data = " ".join(sorted(found["cases"]))
        form.version.data = str(found["version"])
        _audit("themes.read", theme_id, sorted(found["cases"]))
    elif form.validate_on_submit() and _save(form, theme_id):
        flash(_("Theme saved."), "success")
        return redirect(url_for("coordination.theme_list"))
    status = 400 if request.method == "POST" else 200
    if status == 400:
        flash_form_errors(form)
    return render_template("coordination/theme_form.html", form=form, theme=found), status


class CloseForm(FlaskForm):
    """Close a theme (CSRF and the version seen)."""

    version = HiddenField()


@bp.post("/themes/<theme_id>/close")
@roles_required(*COORDINATION)
def theme_close(theme_id: str):
    """Close an open theme: it leaves the gap report but stays in the list."""
    form = CloseForm()
    if not form.validate_on_submit() or not (form.version.data or "").isdigit():
        abort(400)
    try:
        themes.close(graph(), municipal_who(), theme_id, int(form.version.data))
    except Conflict:
        flash(_("Someone changed or closed this theme meanwhile; please reload."), "error")
        return _list_page(409)
    flash(_("Theme closed."), "success")
    return redirect(url_for("coordination.theme_list"))
