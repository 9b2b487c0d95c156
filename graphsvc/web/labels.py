"""Interface labels of the domain vocabularies, shared by every page that shows them."""

from flask_babel import lazy_gettext as _l

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
GENDER_LABELS = {"female": _l("female"), "male": _l("male"), "diverse": _l("diverse")}
