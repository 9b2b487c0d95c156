"""Referral search and free-text search against the real embedded engine."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from graphsvc.bench import generate
from graphsvc.domain import ranking as r
from graphsvc.graph.queries import Query
from graphsvc.services import search

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TODAY = "2026-11-24"


def run(graph, text: str, **params):
    """A raw read of the test's own, outside the named queries under test."""
    query = Query("test.raw", "many", text, "raw read", frozenset(params), Path("raw"))
    return graph.backend.run(query, params)


def referral(graph, municipality="herne", **args):
    vocab = search.vocabulary(graph, municipality)
    return search.referral(graph, municipality, search.parse_criteria(args, vocab), TODAY)


def ids(result):
    return [row.offer["id"] for row in result.rows]


def test_housing_and_work_in_sodingen_in_arabic_ranks_the_local_arabic_offers_first(seeded):
    result = referral(seeded, topics=["housing", "work"], district="sodingen", languages=["ar"])
    # The four local offers covering both needs in Arabic, plus the city-wide KIM case
    # management (it serves Sodingen too), lead the list.
    assert set(ids(result)[:5]) == {
        "szg-quartiersbuero-sodingen",
        "diakonie-mbe-sodingen",
        "svh-arabische-lotsen",
        "efs-patenschaften",
        "ki-kim-case-management",
    }
    first = result.rows[0]
    assert first.covered == ["housing", "work"]
    assert {"factor": "location", "where": "same"} in first.explanation
    assert next(e for e in first.explanation if e["factor"] == "language")["matched"] == ["ar"]
    assert len(result.rows) <= 20
    assert result.proposal["uncovered"] == []
    assert len(result.proposal["offers"]) == 1


def test_expired_offers_are_never_proposed(seeded):
    expired = {
        row["id"]
        for row in run(
            seeded,
            # `+ ''` keeps FalkorDB off its range index, which answers `<` on strings wrongly.
            "MATCH (o:Offer) WHERE o.valid_until + '' < $today RETURN o.id AS id",
            today=TODAY,
        )
    }
    assert "ki-integrationslotsen" in expired
    topics = [row["id"] for row in run(seeded, "MATCH (t:Topic) RETURN t.id AS id")]
    result = referral(seeded, topics=topics[:10], limit="50", include_ineligible="1")
    assert not expired & set(ids(result))


def test_offer_for_women_is_excluded_for_a_man_and_shown_marked_on_request(seeded):
    women = run(
        seeded,
        "MATCH (o:Offer)-[:COVERS]->(t:Topic) WHERE 'female' IN o.genders "
        "AND o.valid_until IS NULL RETURN o.id AS id, t.id AS topic LIMIT 1",
    )[0]
    hidden = referral(seeded, topics=[women["topic"]], gender="male", limit="50")
    assert women["id"] not in ids(hidden)
    shown = referral(
        seeded, topics=[women["topic"]], gender="male", limit="50", include_ineligible="true"
    )
    row = next(row for row in shown.rows if row.offer["id"] == women["id"])
    assert row.eligible is False
    assert row.ineligible_reasons == [{"criterion": "gender", "allowed": ["female"]}]


def test_unknown_district_of_another_municipality_is_refused(seeded):
    with pytest.raises(search.InvalidSearch) as caught:
        search.referral(
            seeded, "herne", search.Criteria(topic_ids=("housing",), district_id="nowhere"), TODAY
        )
    assert "district" in caught.value.fields


def test_free_text_wohnung_finds_wohnungssuche_and_tolerates_a_typo(seeded):
    found = search.text_search(seeded, "herne", "Wohnung")
    names = " ".join(row["name"] for row in found)
    assert "Wohnungslotsen" in names or "Wohnraum" in names
    typo = search.text_search(seeded, "herne", "Wonung")
    assert {row["id"] for row in typo} & {row["id"] for row in found}


def test_free_text_finds_organisations_too(seeded):
    found = search.text_search(seeded, "herne", "Caritas")
    assert any(row["kind"] == "actor" and row["id"] == "caritas-herne" for row in found)


def test_free_text_with_query_syntax_is_harmless(seeded):
    assert search.text_search(seeded, "herne", "') MATCH (n) DETACH DELETE n //") is not None
    assert search.text_search(seeded, "herne", "*%~|@{}") == []
    assert run(seeded, "MATCH (o:Offer) RETURN count(o) AS n")[0]["n"] == 110


def test_free_text_adds_its_bonus_in_the_referral(seeded):
    plain = referral(seeded, topics=["housing"], limit="50")
    result = referral(seeded, topics=["housing"], q="Quartiersbüro", limit="50")
    hits = [row for row in result.rows if row.points.get("text")]
    assert hits and len(hits) < len(result.rows)
    before = {row.offer["id"]: row.score for row in plain.rows}
    assert all(row.score == pytest.approx(before[row.offer["id"]] + r.WEIGHT_TEXT) for row in hits)


# --- the ranking at generator scale, recomputed in plain Python from raw data -------------


def recompute(graph, municipality, topics, district, languages, age, gender, status, group):
    """The ranking rules written out again over raw reads, independent of the service."""
    offers = {
        row["o"]["id"]: row["o"]
        for row in run(
            graph,
            "MATCH (o:Offer) WHERE o.municipality_id = $m RETURN o {.*} AS o",
            m=municipality,
        )
    }
    edges = defaultdict(lambda: defaultdict(list))
    for rel in ("COVERS", "AVAILABLE_IN", "SERVES", "FOR"):
        for row in run(
            graph,
            f"MATCH (o:Offer)-[:{rel}]->(x) WHERE o.municipality_id = $m "
            "RETURN o.id AS o, x.id AS x",
            m=municipality,
        ):
            edges[rel][row["o"]].append(row["x"])
    statuses = defaultdict(list)
    for row in run(
        graph,
        "MATCH (:Case)-[l:LINKED_TO]->(o:Offer) WHERE o.municipality_id = $m "
        "RETURN o.id AS o, l.status AS s",
        m=municipality,
    ):
        statuses[row["o"]].append(row["s"])
    neighbours = {
        row["n"]
        for row in run(
            graph,
            "MATCH (:District {id: $d})-[:NEIGHBOUR_OF]-(n:District) RETURN n.id AS n",
            d=district,
        )
    }
    broader = {
        row["t"]: row["b"]
        for row in run(
            graph, "MATCH (t:Topic) OPTIONAL MATCH (t)-[:BROADER]->(b) RETURN t.id AS t, b.id AS b"
        )
    }
    rows = []
    for oid, o in offers.items():
        offered = set(edges["COVERS"][oid])
        covered = [t for t in topics if t in offered]
        # a need met through its broader topic or a narrower one counts half
        near = [
            t
            for t in topics
            if t not in offered
            and offered & ({broader.get(t)} | {n for n, b in broader.items() if b == t})
        ]
        if not covered and not near:
            continue
        if (o.get("valid_from") or "") > TODAY or (o.get("valid_until") or "9999") < TODAY:
            continue
        if age is not None and (
            (o.get("age_min") is not None and age < o["age_min"])
            or (o.get("age_max") is not None and age > o["age_max"])
        ):
            continue
        if o.get("genders") and gender not in o["genders"]:
            continue
        if o.get("residence_statuses") and status not in o["residence_statuses"]:
            continue
        score = 40 * (len(covered) + 0.5 * len(near)) / len(topics)
        score += 20 if set(languages) & set(edges["AVAILABLE_IN"][oid]) else 0
        served = set(edges["SERVES"][oid])
        score += 15 if district in served else 8 if served & neighbours else 0
        score += 10  # every criterion is given in this test, so eligibility is confirmed
        score += 10 * max(0.0, 1 - o["waiting_days"] / 60)
        accepted = sum(s in ("accepted", "active", "completed") for s in statuses[oid])
        decided = accepted + sum(s in ("declined", "no_capacity") for s in statuses[oid])
        score += 5 * (accepted / decided if decided >= 3 else 0.5)
        groups = edges["FOR"][oid]
        score += 5 if group in groups or "all-migrants" in groups else 0
        rows.append((-round(score, 2), o["name"], oid))
    rows.sort()
    return [(oid, -score) for score, _, oid in rows]


def test_ranking_on_a_generated_city_matches_a_plain_python_recomputation(graph):
    generate.fill(graph, SEEDS, "herne", seed=11)
    municipality = "gen-000"
    vocab = search.vocabulary(graph, municipality)
    rng = random.Random(5)
    topic_ids = [t["id"] for t in vocab["topics"]]
    compared = 0
    for _ in range(6):
        topics = rng.sample(topic_ids, rng.randint(1, 3))
        district = rng.choice(vocab["districts"])["id"]
        languages = rng.sample([lang["id"] for lang in vocab["languages"]], 2)
        age = rng.choice((17, 22, 30, 70))
        status = rng.choice(vocab["residence_statuses"])["id"]
        group = rng.choice(vocab["target_groups"])["id"]
        criteria = search.Criteria(
            topic_ids=tuple(topics),
            district_id=district,
            languages=tuple(languages),
            age=age,
            gender="male",
            residence_status=status,
            target_group=group,
            limit=r.MAX_LIMIT,
        )
        result = search.referral(graph, municipality, criteria, TODAY)
        expected = recompute(
            graph, municipality, topics, district, languages, age, "male", status, group
        )[: r.MAX_LIMIT]
        assert [(row.offer["id"], row.score) for row in result.rows] == expected
        # The default top 20 counts links only for offers that can still get there.
        top = search.referral(graph, municipality, replace(criteria, limit=20), TODAY)
        assert [(row.offer["id"], row.score) for row in top.rows] == expected[:20]
        assert result.eligible == len(
            recompute(graph, municipality, topics, district, languages, age, "male", status, group)
        )
        compared += len(expected)
    assert compared > 100
