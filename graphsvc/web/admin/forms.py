"""Forms of the administration pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ...domain import model
from ..forms import CheckboxGroup

ROLE_LABELS = {
    "case_manager": _l("Case manager"),
    "coordination": _l("Coordination"),
    "network": _l("Network viewer"),
    "admin": _l("Administration"),
    "directory_editor": _l("Directory editor"),
    "partner": _l("Partner organisation (answers referrals)"),
}

# The audit trail stores stable action codes (services/audit.py); the log shows them in words.
AUDIT_ACTIONS = {
    "login": _l("Login"),
    "logout": _l("Logout"),
    "user.create": _l("User created"),
    "user.disable": _l("User disabled"),
    "user.enable": _l("User enabled"),
    "user.reset": _l("Password reset by an admin"),
    "user.password_change": _l("Own password changed"),
    "token.create": _l("API token created"),
    "token.revoke": _l("API token revoked"),
    "audit.export": _l("Audit log exported"),
    "case.open": _l("Case opened"),
    "case.read": _l("Case read"),
    "case.list": _l("Case list read"),
    "case.denied": _l("Case refused (other organisation)"),
    "case.need": _l("Need changed"),
    "case.consent": _l("Waiver recorded"),
    "case.documents": _l("Documents recorded"),
    "case.phase": _l("Phase changed"),
    "case.link.create": _l("Link created"),
    "case.link.refused": _l("Link refused (no waiver)"),
    "case.link.status": _l("Link status changed"),
    "case.close": _l("Case closed"),
    "case.purge": _l("Cases deleted after retention"),
    "same_client.intake": _l("Match key compared at intake"),
    "same_client.scan": _l("All cases compared (same client)"),
    "same_client.list": _l("Same-client pairs read"),
    "same_client.confirmed": _l("Same client confirmed"),
    "same_client.rejected": _l("Same client rejected"),
    "themes.create": _l("Theme created"),
    "themes.update": _l("Theme changed"),
    "themes.close": _l("Theme closed"),
    "themes.read": _l("Themes read"),
    "themes.list": _l("Theme list read"),
    "import.offers": _l("Directory imported"),
    "import.offers.check": _l("Import file checked"),
    "import.hsds": _l("HSDS imported"),
    "coordination.parallel_support": _l("Parallel support read"),
    "coordination.gap_report": _l("Gap report read"),
    "backup.restore": _l("Backup restored"),
}
AUDIT_OUTCOMES = {
    "ok": _l("ok"),
    "invalid": _l("wrong password"),
    "locked": _l("locked"),
    "disabled": _l("account disabled"),
    "denied": _l("refused"),
    "refused": _l("refused"),
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
    roles = CheckboxGroup(
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
