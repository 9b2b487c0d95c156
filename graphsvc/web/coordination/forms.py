"""Filter forms of the coordination views (GET, nothing is written, so no CSRF token)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FloatField, SelectField
from wtforms.validators import NumberRange, Optional

from ...domain import model, overlap, parallel
from ..cases.forms import labelled
from ..forms import CheckboxGroup

INTERVAL_LABELS = {"quarter": _l("per quarter"), "month": _l("per month")}
FACET_LABELS = {
    "topics": _l("Needs"),
    "districts": _l("Districts"),
    "target_groups": _l("Target groups"),
    "languages": _l("Languages"),
}


class ParallelRulesForm(FlaskForm):
    """Which link statuses count, whether the links must run at the same time, the period."""

    class Meta:
        csrf = False

    status = CheckboxGroup(
        _l("Link statuses that count"),
        choices=labelled(model.LINK_STATUSES),
        default=list(parallel.Rules().statuses),
    )
    overlap = SelectField(
        _l("The two links"),
        choices=[("yes", _l("ran at the same time")), ("no", _l("at any time"))],
        default="yes",
    )
    interval = SelectField(
        _l("Over time"),
        choices=[(k, INTERVAL_LABELS[k]) for k in parallel.INTERVALS],
        default=parallel.Rules().interval,
    )

    def rules(self) -> parallel.Rules:
        """The validated rules."""
        return parallel.Rules(
            statuses=tuple(self.status.data),
            require_overlap=self.overlap.data == "yes",
            interval=self.interval.data,
        )


class StructureFilterForm(FlaskForm):
    """Show only overlaps in a topic, in a district, from a score on."""

    class Meta:
        csrf = False

    topic = SelectField(_l("Topic"), validators=[Optional()])
    district = SelectField(_l("District"), validators=[Optional()])
    min_score = FloatField(
        _l("Minimum score"),
        default=overlap.DEFAULT_MIN_SCORE,
        render_kw={"inputmode": "decimal", "size": 5},
        validators=[
            Optional(),
            NumberRange(
                min=overlap.LOWEST_MIN_SCORE,
                max=1,
                message=_l("Enter a score between %(min)s and %(max)s."),
            ),
        ],
    )
