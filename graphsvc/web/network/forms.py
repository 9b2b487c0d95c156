"""Forms of the network explorer: the snapshot form (the filters travel as a GET query)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from ...services.network import MAX_SNAPSHOT_NAME

KIND_LABELS = {
    "city_office": _l("City office"),
    "welfare": _l("Welfare organisation"),
    "association": _l("Association"),
    "education": _l("Education"),
    "health": _l("Health"),
    "job_centre": _l("Job centre"),
    "church": _l("Church"),
    "other": _l("Other"),
}
CATEGORY_LABELS = {
    "counselling": _l("Permanent counselling"),
    "project": _l("Project"),
    "statutory": _l("Statutory service"),
}
CIRCLE_LABELS = {"inner": _l("Inner circle"), "outer": _l("Outer circle")}


class SnapshotForm(FlaskForm):
    """Save the current view: a name; filters, positions and layout are filled in by the page."""

    name = StringField(
        _l("Name of the view"), validators=[DataRequired(), Length(max=MAX_SNAPSHOT_NAME)]
    )
    filters_json = HiddenField()
    positions_json = HiddenField()
    layout = HiddenField(default="cose")
