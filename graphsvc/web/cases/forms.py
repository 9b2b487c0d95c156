"""Case forms; the JSON API validates with the same forms (one place for each rule)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ...domain import clock, model, same_client
from ..forms import CheckboxGroup, MultilineText

LABELS = {
    "case_management": _l("Case management"),
    "referral_only": _l("Referral only"),
    "crisis_intervention": _l("Crisis intervention"),
    "multi_dimensional": _l("Multi-dimensional needs"),
    "several_actors": _l("Several integration actors involved"),
    "long_counselling": _l("Need for longer counselling"),
    "regular_services_insufficient": _l("Regular services do not (fully) work"),
    "own_resources_insufficient": _l("Own resources are not enough"),
    "referral_by_actor": _l("Referral by a cooperating actor"),
    "referral_by_administration": _l("Referral by the city administration"),
    "outreach": _l("Outreach social work"),
    "self_referral": _l("Self-referral (office hours)"),
    "word_of_mouth": _l("Word of mouth / key persons"),
    "female": _l("female"),
    "male": _l("male"),
    "diverse": _l("diverse"),
    "intake": _l("Intake"),
    "assessment": _l("Assessment"),
    "linking": _l("Linking"),
    "monitoring": _l("Monitoring"),
    "evaluation": _l("Evaluation"),
    "closed": _l("Closed"),
    "open": _l("open"),
    "in_progress": _l("in progress"),
    "met": _l("met"),
    "unmet": _l("unmet"),
    "warm_handover": _l("Warm handover"),
    "tandem": _l("Tandem counselling"),
    "referral": _l("Referral"),
    "proposed": _l("proposed"),
    "accepted": _l("accepted"),
    "active": _l("active"),
    "completed": _l("completed"),
    "declined": _l("declined"),
    "no_capacity": _l("no capacity"),
    "cancelled": _l("cancelled"),
}


def labelled(values: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Choices with interface labels."""
    return [(v, LABELS.get(v, v)) for v in values]


# A required choice starts empty: a careless save must not store the first option.
CHOOSE = ("", _l("– please choose –"))


def _wrong_json_type(field_class: type, value: Any) -> str | None:
    """Why a JSON value does not fit a text field (None when it does): a number, list or
    object sent for text would otherwise be turned into text ("nan", "[1]") silently."""
    if issubclass(field_class, SelectMultipleField):
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            return str(_l("must be a list of texts"))
        return None
    text = (StringField, SelectField, DateField)
    if issubclass(field_class, text) and not issubclass(field_class, BooleanField):
        if value is not None and not isinstance(value, str):
            return str(_l("must be a text"))
    return None


class ApiForm(FlaskForm):
    """A form that can also be filled from a JSON body (API calls carry no CSRF token)."""

    json_type_errors: dict[str, list[str]] = {}

    @classmethod
    def from_json(cls, body: dict[str, Any], **kwargs: Any):
        data: MultiDict = MultiDict()
        wrong: dict[str, list[str]] = {}
        for key, value in (body or {}).items():
            unbound = getattr(cls, key, None)
            field_class = getattr(unbound, "field_class", None)
            why = _wrong_json_type(field_class, value) if field_class else None
            if why:
                wrong[key] = [why]
                continue
            for item in value if isinstance(value, list) else [value]:
                data.add(key, "y" if item is True else "" if item in (False, None) else str(item))
        form = cls(formdata=data, meta={"csrf": False}, **kwargs)
        form.json_type_errors = wrong
        return form

    def validate(self, extra_validators=None) -> bool:
        """The field checks, and no JSON value of the wrong type."""
        valid = super().validate(extra_validators)
        for name, reasons in self.json_type_errors.items():
            getattr(self, name).errors = [*reasons, *getattr(self, name).errors]
        return valid and not self.json_type_errors


class IntakeForm(ApiForm):
    """Intake: criteria, outcome and coarse attributes; a name and birth date only to
    compute the match key, which is all that is stored of them."""

    district_id = SelectField(_l("District"), validators=[DataRequired()])
    needs = CheckboxGroup(_l("Needs (topics)"), validators=[DataRequired()])
    intake_outcome = SelectField(
        _l("Outcome of the intake"),
        choices=[CHOOSE, *labelled(model.INTAKE_OUTCOMES)],
        validators=[DataRequired()],
    )
    criteria = CheckboxGroup(
        _l("Criteria for case management (not all must hold)"),
        choices=labelled(model.INTAKE_CRITERIA),
        validators=[Optional()],
    )
    access_route = SelectField(
        _l("How the client came"),
        choices=[CHOOSE, *labelled(model.ACCESS_ROUTES)],
        validators=[DataRequired()],
    )
    age_band = SelectField(
        _l("Age band"),
        choices=[CHOOSE, *[(a, a) for a in model.AGE_BANDS]],
        validators=[DataRequired()],
    )
    gender = SelectField(
        _l("Gender (optional)"),
        choices=[("", "–"), *labelled(model.GENDERS)],
        validators=[Optional()],
    )
    residence_status = SelectField(_l("Residence status"), validators=[DataRequired()])
    household_band = SelectField(
        _l("Household size"),
        choices=[("", "–"), *[(h, h) for h in model.HOUSEHOLD_BANDS]],
        validators=[Optional()],
    )
    languages = CheckboxGroup(_l("Languages"), validators=[Optional()])
    notes = MultilineText(
        _l("Notes (no names, dates of birth, addresses or phone numbers)"),
        validators=[Optional(), Length(max=2000)],
    )
    no_identifier = BooleanField(_l("I checked: the notes contain no direct identifier"))
    # Used only to compute the match key (services/same_client.py), never stored; the
    # page never shows them back (forget_identity).
    client_given_names = StringField(_l("First name(s)"), validators=[Optional(), Length(max=100)])
    client_family_name = StringField(_l("Family name"), validators=[Optional(), Length(max=100)])
    client_birth_date = DateField(_l("Date of birth"), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then the identity rules: family name and birth date together."""
        valid = super().validate(extra_validators)
        given = (self.client_given_names.data or "").strip()
        family = (self.client_family_name.data or "").strip()
        born = self.client_birth_date.data
        if self.client_birth_date.errors:
            return False
        problems: list[tuple[Any, Any]] = []
        if (given or family) and not born:
            problems.append((self.client_birth_date, _l("Give the date of birth with the name.")))
        if born and not family:
            problems.append(
                (self.client_family_name, _l("Give the family name with the date of birth."))
            )
        for field, text in ((self.client_given_names, given), (self.client_family_name, family)):
            try:
                if text and not field.errors:
                    same_client.check_name(text)
            except same_client.MatchKeyError:
                problems.append((field, _l("A name needs at least one letter.")))
        if born:
            try:
                same_client.check_birth_date(born, clock.today())
            except same_client.MatchKeyError:
                problems.append(
                    (
                        self.client_birth_date,
                        _l("The date of birth must lie in the past and at most 120 years back."),
                    )
                )
        for field, message in problems:
            field.errors = [*field.errors, message]
        return valid and not problems

    def forget_identity(self) -> None:
        """Clear name and birth date so an answer page never shows them again."""
        for field in (self.client_given_names, self.client_family_name, self.client_birth_date):
            field.data = None
            field.raw_data = []

    def fill_choices(self, choices: dict[str, list[dict]], lang: str) -> None:
        """Options from the graph, labelled in the interface language."""
        name = "name_de" if lang == "de" else "name_en"
        self.district_id.choices = [CHOOSE, *[(d["id"], d["name"]) for d in choices["districts"]]]
        self.needs.choices = [(t["id"], t[name]) for t in choices["topics"]]
        self.languages.choices = [(x["id"], x[name]) for x in choices["languages"]]
        self.residence_status.choices = [
            CHOOSE,
            *[(r["id"], r[name]) for r in choices["residence_statuses"]],
        ]


class VersionedForm(ApiForm):
    """Every change carries the version the user saw."""

    version = IntegerField(validators=[InputRequired(), NumberRange(min=1)])


class PhaseForm(VersionedForm):
    phase = SelectField(
        _l("Phase"), choices=labelled(model.PHASES[:-1]), validators=[DataRequired()]
    )


class NeedForm(VersionedForm):
    topic = SelectField(_l("Topic"), validators=[DataRequired()])
    status = SelectField(
        _l("Status"), choices=labelled(model.NEED_STATUSES), validators=[DataRequired()]
    )


class ConsentForm(VersionedForm):
    topic = SelectField(_l("Topic"), validators=[DataRequired()])
    signed_on = DateField(_l("Signed on"), validators=[DataRequired()])
    withdrawn_on = DateField(_l("Withdrawn on"), validators=[Optional()])


class DocumentsForm(VersionedForm):
    privacy_notice_on = DateField(_l("Privacy notice handed out on"), validators=[Optional()])
    agreement_signed_on = DateField(_l("Counselling agreement signed on"), validators=[Optional()])


class LinkForm(VersionedForm):
    offer_id = StringField(_l("Offer"), validators=[DataRequired(), Length(max=120)])
    topic = SelectField(_l("For the need"), validators=[DataRequired()])
    mode = SelectField(
        _l("Way of working"), choices=labelled(model.LINK_MODES), validators=[DataRequired()]
    )
    self_referral = BooleanField(_l("The client goes on their own (no case data shared)"))
    reason = StringField(_l("Reason (parallel support)"), validators=[Optional(), Length(max=300)])


class LinkStatusForm(VersionedForm):
    status = SelectField(
        _l("New status"), choices=labelled(model.LINK_STATUSES[1:]), validators=[DataRequired()]
    )
    feedback = MultilineText(_l("Partner's feedback"), validators=[Optional(), Length(max=500)])
    reason = StringField(_l("Reason (parallel support)"), validators=[Optional(), Length(max=300)])


class CloseForm(VersionedForm):
    """Outcome per need: fields outcome_<topic> added at run time."""


class CaseFilterForm(FlaskForm):
    class Meta:
        csrf = False

    scope = SelectField(
        _l("Show"),
        choices=[("mine", _l("My cases")), ("org", _l("My organisation's cases"))],
        default="mine",
        validators=[Optional()],
    )
    phase = SelectField(
        _l("Phase"), choices=[("", _l("all")), *labelled(model.PHASES)], validators=[Optional()]
    )
    topic = SelectField(_l("Need"), validators=[Optional()])
    overdue = BooleanField(_l("only overdue monitoring"))


class QuickSearchForm(FlaskForm):
    """The quick referral search on the case list: one need and a district (GET, to /search)."""

    class Meta:
        csrf = False

    topics = SelectField(_l("Need"), validators=[DataRequired()])
    district = SelectField(_l("District"), validators=[Optional()])


# What an intake note seems to hold (domain/cases.py, identifier_hints), as the page says it.
HINT_KINDS = {
    "email": _l("E-mail address"),
    "phone": _l("Phone number"),
    "date": _l("Date (of birth?)"),
    "name": _l("Name"),
    "address": _l("Address"),
}
