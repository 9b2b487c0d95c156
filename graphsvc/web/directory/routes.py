"""Views of the directory and the referral search; every list scoped to the user's municipality."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import NotFound

from ...domain import clock
from ...domain.cases import PSEUDONYM
from ...domain.errors import Conflict
from ...services import directory, search, unmet_searches
from ..access import CASE_WORK, DIRECTORY, DIRECTORY_EDIT, SEARCH, roles_required
from ..context import graph, lang, municipality, settings, who
from ..display import Translator, explain, names
from . import bp
from .forms import (
    CATEGORY_LABELS,
    CIRCLE_LABELS,
    GENDER_LABELS,
    ActorForm,
    DirectoryFilterForm,
    OfferForm,
    ReferralSearchForm,
    RetireForm,
    history_labels,
)


@bp.get("/search")
@roles_required(*SEARCH)
def referral_search():
    """The referral search: needs and client attributes in, explained ranked offers out."""
    vocab = search.vocabulary(graph(), municipality())
    form = ReferralSearchForm(request.args).fill(vocab, lang())
    named = names(vocab, lang())
    result, rows, status = None, [], 200
    if request.args:
        if form.validate():
            try:
                criteria = search.parse_criteria(request.args.to_dict(flat=False), vocab)
                result = search.referral(
                    graph(),
                    municipality(),
                    criteria,
                    clock.today_iso(),
                    settings().unmet_wait_days,
                )
                count_unmet(result)
            except search.InvalidSearch as exc:
                for name, why in exc.fields.items():
                    getattr(form, name, form.q).errors = [why]  # type: ignore[union-attr]
                status = 400
        else:
            status = 400
    if result is not None:
        tr = Translator()
        rows = [{"row": row, "reasons": explain(row, named, tr)} for row in result.rows]
    return (
        render_template(
            "directory/search.html",
            form=form,
            result=result,
            rows=rows,
            named=named,
            category_labels=CATEGORY_LABELS,
            circle_labels=CIRCLE_LABELS,
            link_case=_case_to_link(),
        ),
        status,
    )


def count_unmet(result: search.Result) -> None:
    """Count a case manager's search that found nothing suitable for a need, anonymously;
    coordinators' and admins' searches try things out and are no client's demand."""
    if current_user.has_role(*CASE_WORK):
        unmet_searches.record(
            graph(), municipality(), result.criteria, result.unmet, current_user.id, clock.today()
        )


def _case_to_link() -> str | None:
    """The case a search was started from (its pseudonym), so each result can be linked."""
    pseudonym = request.args.get("case", "")
    if current_user.has_role(*CASE_WORK) and PSEUDONYM.match(pseudonym):
        return pseudonym
    return None


@bp.get("/directory/")
@roles_required(*DIRECTORY)
def index():
    """Offers and organisations of the municipality, filtered; free text across both."""
    vocab = search.vocabulary(graph(), municipality())
    form = DirectoryFilterForm(request.args).fill(vocab, lang())
    named = names(vocab, lang())
    status, offers, actors, hits = 200, [], [], None
    if form.validate():
        offers = directory.list_offers(
            graph(),
            municipality(),
            clock.today_iso(),
            topic_id=form.topic.data or None,
            district_id=form.district.data or None,
            category=form.category.data or None,
            include_expired=form.include_expired.data,
        )
        actors = directory.list_actors(graph(), municipality())
        if form.q.data:
            hits = search.text_search(graph(), municipality(), form.q.data)
            for hit in hits:
                hit["expired"] = directory.is_expired(hit.get("valid_until"), clock.today_iso())
    else:
        status = 400
    return (
        render_template(
            "directory/index.html",
            form=form,
            offers=offers,
            actors=actors,
            hits=hits,
            named=named,
            category_labels=CATEGORY_LABELS,
        ),
        status,
    )


@bp.get("/directory/offers/<offer_id>")
@roles_required(*DIRECTORY)
def offer(offer_id: str):
    """Everything about one offer: what, for whom, where, languages, validity, contact."""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None:
        raise NotFound()
    vocab = search.vocabulary(graph(), found["offer"].get("municipality_id") or "")
    editable = current_user.has_role(*DIRECTORY_EDIT) and (
        found["offer"].get("municipality_id") == current_user.municipality_id
    )
    retire = None
    if editable:
        retire = RetireForm(formdata=None, last_day=clock.today())
        retire.version.data = str(found["offer"].get("version") or 0)
    return render_template(
        "directory/offer.html",
        editable=editable,
        retire=retire,
        history=directory.offer_history(graph(), offer_id) if editable else [],
        history_labels=history_labels(OfferForm),
        link_case=_case_to_link(),
        d=found,
        o=found["offer"],
        named=names(vocab, lang()),
        lang=lang(),
        category_labels=CATEGORY_LABELS,
        circle_labels=CIRCLE_LABELS,
        gender_labels=GENDER_LABELS,
    )


@bp.get("/directory/actors/<actor_id>")
@roles_required(*DIRECTORY)
def actor(actor_id: str):
    """Everything about one organisation: offers, working groups, partners, contact."""
    found = directory.get_actor(graph(), actor_id, clock.today_iso())
    if found is None:
        raise NotFound()
    editable = current_user.has_role(*DIRECTORY_EDIT) and (
        found["actor"].get("municipality_id") == current_user.municipality_id
    )
    retire = None
    if editable:
        retire = RetireForm(formdata=None, last_day=clock.today())
        retire.version.data = str(found["actor"].get("version") or 0)
    return render_template(
        "directory/actor.html",
        editable=editable,
        retire=retire,
        history=directory.actor_history(graph(), actor_id) if editable else [],
        history_labels=history_labels(ActorForm),
        d=found,
        a=found["actor"],
        category_labels=CATEGORY_LABELS,
    )


@bp.app_template_filter("names_in")
def names_in(ids: list[str], lookup: dict[str, str], sep: str = ", ") -> str:
    """Ids as their display names, joined (for vocabulary lists in templates)."""
    return sep.join(lookup.get(i, i) for i in ids or [])


def _offer_form(vocab: dict[str, list[dict]]) -> OfferForm:
    return OfferForm().fill(vocab, lang())


@bp.route("/directory/offers/new", methods=["GET", "POST"])
@roles_required(*DIRECTORY_EDIT)
def new_offer():
    """Create an offer of an organisation (?actor=<id>) of the editor's municipality."""
    actor_id = request.args.get("actor", "")
    found = directory.get_actor(graph(), actor_id, clock.today_iso()) if actor_id else None
    if found is None or found["actor"].get("municipality_id") != municipality():
        raise NotFound()
    vocab = search.vocabulary(graph(), municipality())
    form = _offer_form(vocab)
    if form.validate_on_submit():
        offer_id = directory.create_offer(graph(), who(), actor_id, form.values())
        flash(_("Offer created."), "ok")
        return redirect(url_for("directory.offer", offer_id=offer_id))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "directory/edit_offer.html", form=form, actor=found["actor"], offer=None
    ), status


@bp.route("/directory/offers/<offer_id>/edit", methods=["GET", "POST"])
@roles_required(*DIRECTORY_EDIT)
def edit_offer(offer_id: str):
    """Change an offer; a change made meanwhile by someone else is never overwritten."""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None or found["offer"].get("municipality_id") != municipality():
        raise NotFound()
    vocab = search.vocabulary(graph(), municipality())
    if request.method == "POST":
        form = _offer_form(vocab)
    else:
        data = directory.offer_form_data(found)
        for key in ("valid_from", "valid_until"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        form = OfferForm(data=data).fill(vocab, lang())
        form.version.data = str(found["offer"].get("version") or 0)
    status = 200
    if form.validate_on_submit():
        version = form.version.data or ""
        if not version.isdigit():
            form.version.errors = [_("The form is out of date; please reload the page.")]
        else:
            try:
                directory.update_offer(
                    graph(), who(), offer_id, int(version), form.values(), clock.today_iso()
                )
            except Conflict:
                flash(
                    _("Someone else changed this offer meanwhile; please check and save again."),
                    "error",
                )
                return redirect(url_for("directory.edit_offer", offer_id=offer_id))
            flash(_("Offer saved."), "ok")
            return redirect(url_for("directory.offer", offer_id=offer_id))
        status = 400
    elif request.method == "POST":
        status = 400
    return render_template(
        "directory/edit_offer.html", form=form, actor=found["actor"], offer=found["offer"]
    ), status


@bp.post("/directory/offers/<offer_id>/retire")
@roles_required(*DIRECTORY_EDIT)
def retire_offer(offer_id: str):
    """End an offer on a given last day; it stays in the directory, flagged as expired."""
    found = directory.get_offer(graph(), offer_id, clock.today_iso())
    if found is None or found["offer"].get("municipality_id") != municipality():
        raise NotFound()
    form = RetireForm()
    version = form.version.data or ""
    if not form.validate_on_submit() or not version.isdigit():
        flash(_("Please give the last day as a date."), "error")
        return redirect(url_for("directory.offer", offer_id=offer_id))
    try:
        directory.retire_offer(
            graph(), who(), offer_id, int(version), form.last_day.data.isoformat()
        )
    except Conflict:
        flash(_("Someone else changed this offer meanwhile; please check and save again."), "error")
    else:
        flash(_("The offer ends on %(date)s.", date=form.last_day.data.isoformat()), "ok")
    return redirect(url_for("directory.offer", offer_id=offer_id))


def _changed_meanwhile() -> str:
    """The conflict message of the organisation forms."""
    return _("Someone else changed this organisation meanwhile; please check and save again.")


@bp.route("/directory/actors/new", methods=["GET", "POST"])
@roles_required(*DIRECTORY_EDIT)
def new_actor():
    """Create an organisation in the editor's municipality."""
    vocab = search.vocabulary(graph(), municipality())
    form = ActorForm().fill(vocab)
    if form.validate_on_submit():
        actor_id = directory.create_actor(graph(), who(), municipality(), form.values())
        flash(_("Organisation created."), "ok")
        return redirect(url_for("directory.actor", actor_id=actor_id))
    status = 400 if request.method == "POST" else 200
    return render_template("directory/edit_actor.html", form=form, actor=None), status


@bp.route("/directory/actors/<actor_id>/edit", methods=["GET", "POST"])
@roles_required(*DIRECTORY_EDIT)
def edit_actor(actor_id: str):
    """Change an organisation; a change made meanwhile by someone else is never overwritten."""
    found = directory.get_actor(graph(), actor_id, clock.today_iso())
    if found is None or found["actor"].get("municipality_id") != municipality():
        raise NotFound()
    vocab = search.vocabulary(graph(), municipality())
    if request.method == "POST":
        form = ActorForm().fill(vocab)
    else:
        form = ActorForm(data=directory.actor_form_data(found)).fill(vocab)
        form.version.data = str(found["actor"].get("version") or 0)
    status = 200
    if form.validate_on_submit():
        version = form.version.data or ""
        if version.isdigit():
            try:
                directory.update_actor(
                    graph(), who(), actor_id, int(version), form.values(), clock.today_iso()
                )
            except Conflict:
                flash(_changed_meanwhile(), "error")
                return redirect(url_for("directory.edit_actor", actor_id=actor_id))
            flash(_("Organisation saved."), "ok")
            return redirect(url_for("directory.actor", actor_id=actor_id))
        form.version.errors = [_("The form is out of date; please reload the page.")]
        status = 400
    elif request.method == "POST":
        status = 400
    return render_template("directory/edit_actor.html", form=form, actor=found["actor"]), status


@bp.post("/directory/actors/<actor_id>/retire")
@roles_required(*DIRECTORY_EDIT)
def retire_actor(actor_id: str):
    """Retire an organisation after a last day; its running offers end that day too."""
    found = directory.get_actor(graph(), actor_id, clock.today_iso())
    if found is None or found["actor"].get("municipality_id") != municipality():
        raise NotFound()
    form = RetireForm()
    version = form.version.data or ""
    if not form.validate_on_submit() or not version.isdigit():
        flash(_("Please give the last day as a date."), "error")
        return redirect(url_for("directory.actor", actor_id=actor_id))
    try:
        ended = directory.retire_actor(
            graph(), who(), actor_id, int(version), form.last_day.data.isoformat()
        )
    except Conflict:
        flash(_changed_meanwhile(), "error")
    else:
        message = _(
            "The organisation is retired; %(n)s running offers end on %(date)s.",
            n=ended,
            date=form.last_day.data.isoformat(),
        )
        flash(message, "ok")
    return redirect(url_for("directory.actor", actor_id=actor_id))
