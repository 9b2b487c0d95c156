"""Forms of the network explorer: saving a view and asking for a handout (the filters
travel as a GET query; the page fills the hidden fields)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, Optional

from ...services.network import MAX_SNAPSHOT_NAME
from ..display import CATEGORY_LABELS, CIRCLE_LABELS, KIND_LABELS  # noqa: F401 (re-exported)

# A handout's view travels as query arguments and positions; a municipality's whole view
# with positions is about 60 kB, so four times that leaves room without inviting abuse.
MAX_HANDOUT_JSON = 250_000


class SnapshotForm(FlaskForm):
    """Save the current view: a name; filters, day, grouping, positions and layout are filled
    in by the page."""

    name = StringField(
        _l("Name of the view"), validators=[DataRequired(), Length(max=MAX_SNAPSHOT_NAME)]
    )
    filters_json = HiddenField()
    positions_json = HiddenField()
    layout = HiddenField(default="fcose")
    as_of = HiddenField()
    group_by = HiddenField()


class HandoutForm(FlaskForm):
    """Ask for the PDF handout of the view on the screen (filled in by the page)."""

    title = HiddenField(validators=[Optional(), Length(max=200)])
    view_json = HiddenField(validators=[DataRequired(), Length(max=10_000)])
    positions_json = HiddenField(validators=[Optional(), Length(max=MAX_HANDOUT_JSON)])
