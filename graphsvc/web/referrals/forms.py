"""Forms of the referral inbox; the JSON API validates with the same forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ...domain import model
from ...domain import referrals as rules
from ..cases.forms import VersionedForm

ACTION_LABELS = {
    "accept": _l("Accept"),
    "decline": _l("Decline"),
    "start": _l("Start (counselling runs)"),
    "complete": _l("Complete"),
}
REASON_LABELS = {
    "no_capacity": _l("No capacity"),
    "not_eligible": _l("Not eligible"),
    "client_did_not_come": _l("Client did not come"),
    "other": _l("Other reason"),
}
FILTER_LABELS = {
    "open": _l("open (proposed, accepted, active)"),
    "proposed": _l("waiting for an answer"),
    "decided": _l("decided"),
    "all": _l("all"),
}


class AnswerForm(VersionedForm):
    """Accept, decline (with a reason), start or complete a referral; `version` is the
    referral's own version, so a stale answer is refused."""

    action = SelectField(
        _l("Answer"),
        choices=[(a, ACTION_LABELS[a]) for a in model.REFERRAL_ACTIONS],
        validators=[DataRequired()],
    )
    reason = SelectField(
        _l("Reason for declining"),
        choices=[("", "–"), *[(r, REASON_LABELS[r]) for r in model.DECLINE_REASONS]],
        validators=[Optional()],
    )
    reason_text = StringField(
        _l("Other reason, in a few words"),
        validators=[Optional(), Length(max=rules.MAX_DECLINE_TEXT)],
    )
    feedback = TextAreaField(
        _l("Feedback to the referring case manager"),
        validators=[Optional(), Length(max=rules.MAX_FEEDBACK)],
    )

    def validate_reason(self, field) -> None:
        """A decline needs its reason (and "other" a text: checked by the rule)."""
        if self.action.data == "decline" and not field.data:
            raise ValidationError(_l("Choose a reason for declining."))


class FeedbackForm(VersionedForm):
    """Feedback to the referring case manager, the referral's status unchanged."""

    feedback = TextAreaField(
        _l("Feedback to the referring case manager"),
        validators=[DataRequired(), Length(max=rules.MAX_FEEDBACK)],
    )
