"""Form fields every area shares: multi-line text as browsers send it, and multiple choice
as a group of checkboxes (never a Ctrl-click list box)."""

from __future__ import annotations

import re
from typing import Any

from flask import flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import SelectMultipleField, TextAreaField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..graph.params import CONTROL

# Browsers submit a textarea's line breaks as CRLF (HTML's form encoding); a lone CR comes
# from old Mac text pasted in. The graph keeps LF only.
LINE_BREAK = re.compile(r"\r\n?")


def normalise_line_breaks(text: str) -> str:
    """CRLF and CR as LF, so text typed in a browser is stored as it reads."""
    return LINE_BREAK.sub("\n", text)


class MultilineText(TextAreaField):
    """A textarea: line breaks normalised on input; any other control character is refused
    with a message next to the field (the graph would refuse it too, with a bare error page)."""

    data: str | None

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, str):
            self.data = normalise_line_breaks(self.data)

    def pre_validate(self, form: Any) -> None:
        if isinstance(self.data, str) and CONTROL.search(self.data):
            raise ValidationError(
                _l("The text contains an invisible control character; please type it again.")
            )


class CheckboxGroup(SelectMultipleField):
    """Multiple choice as checkboxes: every option visible and reachable with the keyboard.
    `_form.html` renders it as a fieldset with a legend (and a filter box for long lists)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def labelled_errors(form: Any, prefix: str = "") -> list[tuple[str, str, str]]:
    """(element id, label, message) of every field error of `form`, in form order."""
    found = []
    for f in form:
        for message in f.errors if isinstance(f.errors, list) else []:
            label = f.label.text if f.label and f.label.text else f.name
            found.append((prefix + f.id, str(label), str(message)))
    return found


def flash_form_errors(form: Any, prefix: str = "", saved_nothing: bool = True) -> None:
    """Announce a refused form at the top of the page, with a link to each field in error.

    The messages themselves stay next to their fields; this summary is what a user sees
    first after the page reloads (and what a screen reader announces).
    """
    found = labelled_errors(form, prefix)
    if not found:
        return
    intro = _("Not saved. Please check:") if saved_nothing else _("Please check the marked fields:")
    items = Markup("").join(
        Markup('<li><a href="#{}">{}</a>: {}</li>').format(fid, label, message)
        for fid, label, message in found
    )
    flash(Markup("{} <ul>{}</ul>").format(escape(intro), items), "error")
