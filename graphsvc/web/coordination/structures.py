"""Duplicate structures: clusters of overlapping offers of different organisations, with
filters (topic, district, minimum score), as a printable page, JSON and CSV."""

from __future__ import annotations

from typing import Any

from babel.lists import format_list
from flask import Response, jsonify, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ...domain import clock, overlap
from ...services import search, structures
from ..access import COORDINATION, roles_required
from ..context import graph, lang, municipality
from ..display import names
from ..errors import bad_request
from . import bp
from .forms import FACET_LABELS, StructureFilterForm
from .routes import field_errors


def _listed(ids: list[str], lookup: dict[str, str]) -> str:
    """Names joined the way the language does it ("Wohnen und Arbeit")."""
    return format_list(sorted(lookup.get(i, i) for i in ids), locale=str(get_locale() or "de"))


def explain(shared: dict[str, list[str]], named: dict[str, dict[str, str]], count: int) -> str:
    """One sentence saying what the offers share: topics, where, for whom, in which languages."""
    everywhere = set(shared["districts"]) == set(named["districts"])
    everyone = set(shared["target_groups"]) == set(named["target_groups"])
    any_language = set(shared["languages"]) == set(named["languages"])
    parts = {
        "topics": _listed(shared["topics"], named["topics"]),
        "where": _("city-wide")
        if everywhere
        else _("in %(districts)s", districts=_listed(shared["districts"], named["districts"])),
        "who": _("open to everyone")
        if everyone
        else _("for %(groups)s", groups=_listed(shared["target_groups"], named["target_groups"])),
        "languages": _("in any language")
        if any_language
        else _("in %(languages)s", languages=_listed(shared["languages"], named["languages"])),
    }
    if count == 2:
        return _("Both cover %(topics)s %(where)s, %(who)s, %(languages)s.", **parts)
    return _("All %(n)s cover %(topics)s %(where)s, %(who)s, %(languages)s.", n=count, **parts)


def _form(vocab: dict[str, list[dict]], named: dict[str, dict[str, str]]) -> StructureFilterForm:
    args = MultiDict(request.args)
    if "min_score" in args:  # German users write 0,8
        args["min_score"] = args["min_score"].replace(",", ".")
    form = StructureFilterForm(args)
    everything = [("", _("all"))]
    form.topic.choices = everything + sorted(named["topics"].items(), key=lambda c: c[1])
    form.district.choices = everything + [(d["id"], d["name"]) for d in vocab["districts"]]
    return form


def _filters(form: StructureFilterForm) -> structures.Filters:
    score = form.min_score.data
    return structures.Filters(
        topic=form.topic.data or None,
        district=form.district.data or None,
        min_score=overlap.DEFAULT_MIN_SCORE if score is None else score,
    )


def _context() -> tuple[StructureFilterForm, dict[str, dict[str, str]]]:
    vocab = search.vocabulary(graph(), municipality())
    named = names(vocab, lang())
    return _form(vocab, named), named


def _explained(result: structures.DuplicateStructures, named) -> dict[str, Any]:
    data = structures.to_dict(result)
    for cluster in data["clusters"]:
        cluster["explanation"] = explain(cluster["shared"], named, len(cluster["offers"]))
        for pair in cluster["pairs"]:
            pair["explanation"] = explain(pair["shared"], named, 2)
    for pair in data["between_clusters"]:
        pair["explanation"] = explain(pair["shared"], named, 2)
    return data


@bp.get("/duplicate-structures")
@roles_required(*COORDINATION)
def duplicate_structures():
    """Clusters of running offers of different organisations that overlap, explained."""
    form, named = _context()
    if not form.validate():
        return render_template(
            "coordination/duplicate_structures.html",
            form=form,
            data=None,
            named=named,
            facets=overlap.FACETS,
            facet_labels=FACET_LABELS,
            weights=overlap.WEIGHTS,
        ), 400
    result = structures.duplicate_structures(
        graph(), municipality(), clock.today_iso(), _filters(form)
    )
    return render_template(
        "coordination/duplicate_structures.html",
        form=form,
        data=_explained(result, named),
        named=named,
        facets=overlap.FACETS,
        facet_labels=FACET_LABELS,
        weights=overlap.WEIGHTS,
        query=request.query_string.decode(),
    )


def duplicate_structures_answer():
    """The JSON answer (page's .json and the API), each cluster and pair explained; 400 names
    each wrong filter."""
    form, named = _context()
    if not form.validate():
        return bad_request(field_errors(form))
    result = structures.duplicate_structures(
        graph(), municipality(), clock.today_iso(), _filters(form)
    )
    return jsonify(_explained(result, named))


@bp.get("/duplicate-structures.json")
@roles_required(*COORDINATION)
def duplicate_structures_json():
    """Duplicate structures as JSON: clusters, pairs, scores, explanations."""
    return duplicate_structures_answer()


@bp.get("/duplicate-structures.csv")
@roles_required(*COORDINATION)
def duplicate_structures_csv():
    """One line per overlapping pair, for the network meeting's minutes."""
    form, named = _context()
    if not form.validate():
        fields = "; ".join(f"{name}: {', '.join(errors)}" for name, errors in form.errors.items())
        return Response(fields, status=400, mimetype="text/plain")
    result = structures.duplicate_structures(
        graph(), municipality(), clock.today_iso(), _filters(form)
    )
    return Response(
        structures.to_csv(result, named),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=doppelstrukturen.csv"},
    )
