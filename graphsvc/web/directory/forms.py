"""The GET forms of the search and directory pages (no CSRF: they change nothing)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from ...domain import model
from ...services import search
from ..display import CATEGORY_LABELS, CIRCLE_LABELS, GENDER_LABELS, KIND_LABELS  # noqa: F401 (re-exported)
from ..forms import CheckboxGroup, MultilineText

EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


HISTORY_ACTIONS = {
    "create": _l("created"),
    "update": _l("changed"),
    "retire": _l("retired"),
    "import": _l("imported from a spreadsheet"),
}


def history_labels(form_class: type) -> dict[str, dict[str, object]]:
    """Interface labels of a form's fields and of the history actions, for the history table.

    The history stores field names (stable across languages); the page shows the label the
    editor saw in the form instead.
    """
    fields = {
        name: field.args[0]
        for name in dir(form_class)
        if (field := getattr(form_class, name, None)) is not None
        and hasattr(field, "field_class")
        and field.args
    }
    fields.setdefault("actor_id", _l("Organisation"))  # an import may move an offer
    return {"fields": fields, "actions": HISTORY_ACTIONS}


def _named(items: list[dict], lang: str) -> list[tuple[str, str]]:
    key = "name_en" if lang == "en" else "name_de"
    pairs = [(i["id"], i.get(key) or i.get("name") or i["id"]) for i in items]
    return sorted(pairs, key=lambda p: p[1].lower())


class GetForm(FlaskForm):
    """A form read from the query string."""

    class Meta:
        csrf = False


class ReferralSearchForm(GetForm):
    """The client's needs and attributes."""

    topics = CheckboxGroup(
        _l("Needs (topics)"), validators=[DataRequired(_l("Choose at least one need."))]
    )
    district = SelectField(_l("District of residence"), validators=[Optional()])
    languages = CheckboxGroup(_l("Languages"), validators=[Optional()])
    age = IntegerField(
        _l("Age"),
        validators=[Optional(), NumberRange(0, search.MAX_AGE, _l("An age from 0 to 120."))],
    )
    age_band = SelectField(
        _l("Age band (if the age is not known)"),
        choices=[("", "—"), *[(a, a) for a in model.AGE_BANDS]],
        validators=[Optional()],
    )
    gender = SelectField(_l("Gender"), validators=[Optional()])
    residence_status = SelectField(_l("Residence status"), validators=[Optional()])
    target_group = SelectField(_l("Target group"), validators=[Optional()])
    q = StringField(
        _l("Free text"),
        validators=[Optional(), Length(max=search.MAX_TEXT, message=_l("At most 200 characters."))],
    )
    include_ineligible = BooleanField(_l("Also show offers the client is not eligible for"))

    def fill(self, vocab: dict[str, list[dict]], lang: str) -> ReferralSearchForm:
        """Set the choices from the vocabulary, names in the interface language."""
        anyone = [("", "—")]
        self.topics.choices = _named(vocab["topics"], lang)
        self.district.choices = anyone + [(d["id"], d["name"]) for d in vocab["districts"]]
        self.languages.choices = _named(vocab["languages"], lang)
        self.gender.choices = anyone + [(g, str(GENDER_LABELS[g])) for g in model.GENDERS]
        self.residence_status.choices = anyone + _named(vocab["residence_statuses"], lang)
        self.target_group.choices = anyone + _named(vocab["target_groups"], lang)
        return self

    def validate_topics(self, field: CheckboxGroup) -> None:
        """At most ten needs at once."""
        if field.data and len(field.data) > search.MAX_TOPICS:
            raise ValidationError(_l("At most 10 needs."))


class DirectoryFilterForm(GetForm):
    """Filters of the directory index."""

    q = StringField(
        _l("Search text"),
        validators=[Optional(), Length(max=search.MAX_TEXT, message=_l("At most 200 characters."))],
    )
    topic = SelectField(_l("Topic"), validators=[Optional()])
    district = SelectField(_l("District"), validators=[Optional()])
    category = SelectField(_l("Category"), validators=[Optional()])
    include_expired = BooleanField(_l("Show expired offers"))

    def fill(self, vocab: dict[str, list[dict]], lang: str) -> DirectoryFilterForm:
        """Set the choices from the vocabulary."""
        anyone = [("", "—")]
        self.topic.choices = anyone + _named(vocab["topics"], lang)
        self.district.choices = anyone + [(d["id"], d["name"]) for d in vocab["districts"]]
        self.category.choices = anyone + [(k, str(v)) for k, v in CATEGORY_LABELS.items()]
        return self


class OfferForm(FlaskForm):
    """Create or edit an offer (admins and directory editors)."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    description = MultilineText(_l("Description"), validators=[Optional(), Length(max=4000)])
    keywords = StringField(_l("Keywords"), validators=[Optional(), Length(max=1000)])
    category = SelectField(_l("Category"), validators=[DataRequired()])
    circle = SelectField(_l("Circle"), validators=[DataRequired()])
    topic_ids = CheckboxGroup(
        _l("Topics"), validators=[DataRequired(_l("Choose at least one topic."))]
    )
    district_ids = CheckboxGroup(
        _l("Districts served"), validators=[DataRequired(_l("Choose at least one district."))]
    )
    language_ids = CheckboxGroup(
        _l("Languages"), validators=[DataRequired(_l("Choose at least one language."))]
    )
    target_group_ids = CheckboxGroup(_l("Target groups"), validators=[Optional()])
    age_min = IntegerField(_l("Minimum age"), validators=[Optional(), NumberRange(0, 120)])
    age_max = IntegerField(_l("Maximum age"), validators=[Optional(), NumberRange(0, 120)])
    genders = CheckboxGroup(_l("Only for (gender)"), validators=[Optional()])
    residence_statuses = CheckboxGroup(_l("Only for (residence status)"), validators=[Optional()])
    capacity = IntegerField(_l("Capacity"), validators=[Optional(), NumberRange(0, 100000)])
    waiting_days = IntegerField(
        _l("Waiting time (days)"), validators=[Optional(), NumberRange(0, 3650)]
    )
    valid_from = DateField(_l("Valid from"), validators=[Optional()])
    valid_until = DateField(_l("Valid until"), validators=[Optional()])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=200)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=60)])
    email = StringField(
        _l("E-mail"),
        validators=[
            Optional(),
            Length(max=200),
            Regexp(EMAIL, message=_l("Not a valid e-mail address.")),
        ],
    )
    hours = StringField(_l("Hours"), validators=[Optional(), Length(max=200)])
    version = HiddenField()

    def fill(self, vocab: dict[str, list[dict]], lang: str) -> OfferForm:
        """Set the choices from the vocabulary."""
        self.category.choices = [(k, str(v)) for k, v in CATEGORY_LABELS.items()]
        self.circle.choices = [(k, str(v)) for k, v in CIRCLE_LABELS.items()]
        self.topic_ids.choices = _named(vocab["topics"], lang)
        self.district_ids.choices = [(d["id"], d["name"]) for d in vocab["districts"]]
        self.language_ids.choices = _named(vocab["languages"], lang)
        self.target_group_ids.choices = _named(vocab["target_groups"], lang)
        self.genders.choices = [(g, str(GENDER_LABELS[g])) for g in model.GENDERS]
        self.residence_statuses.choices = _named(vocab["residence_statuses"], lang)
        return self

    def validate_age_max(self, field: IntegerField) -> None:
        """The age range must not be upside down."""
        if (
            field.data is not None
            and self.age_min.data is not None
            and field.data < self.age_min.data
        ):
            raise ValidationError(_l("The maximum age is below the minimum age."))

    def validate_valid_until(self, field: DateField) -> None:
        """An offer cannot end before it starts."""
        if field.data and self.valid_from.data and field.data < self.valid_from.data:
            raise ValidationError(_l("The end lies before the start."))

    def values(self) -> dict:
        """Plain values for the service: ISO dates, empty text as None."""
        out: dict = {}
        for name in (
            *directory_fields(),
            "topic_ids",
            "district_ids",
            "language_ids",
            "target_group_ids",
        ):
            value = getattr(self, name).data
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            if isinstance(value, str):
                value = value.strip() or None
            out[name] = value
        for name in ("genders", "residence_statuses"):
            out[name] = out[name] or []
        return out


def directory_fields() -> tuple[str, ...]:
    """The offer fields the form edits (from the service's allow-list)."""
    from ...services.directory import OFFER_FIELDS

    return OFFER_FIELDS


class RetireForm(FlaskForm):
    """End an offer: the last day it is valid."""

    last_day = DateField(_l("Last day"), validators=[DataRequired()])
    version = HiddenField()


URL = r"^https?://[^\s<>\"']+$"


class ActorForm(FlaskForm):
    """Create or edit an organisation (admins and directory editors)."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    description = MultilineText(_l("Description"), validators=[Optional(), Length(max=4000)])
    district_id = SelectField(_l("District"), validators=[DataRequired()])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=200)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=60)])
    email = StringField(
        _l("E-mail"),
        validators=[
            Optional(),
            Length(max=200),
            Regexp(EMAIL, message=_l("Not a valid e-mail address.")),
        ],
    )
    website = StringField(
        _l("Website"),
        validators=[
            Optional(),
            Length(max=300),
            Regexp(URL, message=_l("An address starting with https:// or http://.")),
        ],
    )
    version = HiddenField()

    def fill(self, vocab: dict[str, list[dict]]) -> ActorForm:
        """Set the choices: the actor kinds and the municipality's districts."""
        self.kind.choices = [(k, str(KIND_LABELS.get(k, k))) for k in model.ACTOR_KINDS]
        self.district_id.choices = [(d["id"], d["name"]) for d in vocab["districts"]]
        return self

    def values(self) -> dict:
        """Plain values for the service: empty text as None."""
        from ...services.directory import ACTOR_FIELDS

        out: dict = {}
        for name in ACTOR_FIELDS:
            value = getattr(self, name).data
            out[name] = value.strip() or None if isinstance(value, str) else value
        return out
