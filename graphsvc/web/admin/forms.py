"""Forms of the administration pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ...domain import model

ROLE_LABELS = {
    "case_manager": _l("Case manager"),
    "coordination": _l("Coordination"),
    "network": _l("Network viewer"),
    "admin": _l("Administration"),
    "directory_editor": _l("Directory editor"),
    "partner": _l("Partner organisation (answers referrals)"),
}


class UserForm(FlaskForm):
    """A new user: username, name, organisation, roles. The password is generated."""

    username = StringField(
        _l("Username"),
        validators=[
            DataRequired(),
            Length(min=3, max=40),
            Regexp(r"^[a-z0-9._-]+$", message=_l("Lowercase letters, digits, . _ - only.")),
        ],
    )
    display_name = StringField(_l("Name shown"), validators=[DataRequired(), Length(max=80)])
    actor_id = SelectField(_l("Organisation"), validators=[DataRequired()])
    roles = SelectMultipleField(
        _l("Roles"),
        choices=[(r, ROLE_LABELS[r]) for r in model.ROLES],
        validators=[DataRequired(message=_l("Choose at least one role."))],
    )


class UserActionForm(FlaskForm):
    """Disable, enable or reset a user (the user id travels in the URL)."""


class AuditFilterForm(FlaskForm):
    """Filters of the audit log (GET, no CSRF needed for reading)."""

    class Meta:
        csrf = False

    username = StringField(_l("User"), validators=[Optional(), Length(max=80)])
    action = StringField(_l("Action starts with"), validators=[Optional(), Length(max=60)])
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])
    # Where a page starts: "<at>|<id>" of the last event of the page before.
    before = HiddenField(validators=[Optional(), Regexp(r"^[0-9T:.Z-]{1,40}\|[0-9a-f]{1,40}$")])

    def cursor(self) -> tuple[str, str]:
        """The page's start, newest first when none is given."""
        if not self.before.data:
            return ("9999", "")
        at, event_id = self.before.data.split("|", 1)
        return at, event_id
