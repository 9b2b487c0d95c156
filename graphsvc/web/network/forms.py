"""Forms of the network explorer: the snapshot form (the filters travel as a GET query)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from ...services.network import MAX_SNAPSHOT_NAME
from ..display import CATEGORY_LABELS, CIRCLE_LABELS, KIND_LABELS  # noqa: F401 (re-exported)


class SnapshotForm(FlaskForm):
    """Save the current view: a name; filters, positions and layout are filled in by the page."""

    name = StringField(
        _l("Name of the view"), validators=[DataRequired(), Length(max=MAX_SNAPSHOT_NAME)]
    )
    filters_json = HiddenField()
    positions_json = HiddenField()
    layout = HiddenField(default="cose")
