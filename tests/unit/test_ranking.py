"""The referral ranking rules, without a database."""

from __future__ import annotations

import pytest

from graphsvc.domain import ranking as r
from graphsvc.services.search import InvalidSearch, fulltext_query, parse_criteria


def candidate(oid, covered, **kw):
    offer = {"id": oid, "name": kw.pop("name", oid), "waiting_days": kw.pop("waiting_days", 0)}
    for key in ("age_min", "age_max", "genders", "residence_statuses"):
        if key in kw:
            offer[key] = kw.pop(key)
    return {
        "offer": offer,
        "actor": {"id": "a", "name": "A"},
        "covered": covered,
        "languages": kw.pop("languages", ["de"]),
        "districts": kw.pop("districts", ["d1"]),
        "target_groups": kw.pop("target_groups", []),
        "accepted": kw.pop("accepted", 0),
        "decided": kw.pop("decided", 0),
    }


CLIENT = r.Client(topic_ids=("housing", "work"), district_id="d1", neighbour_ids=frozenset({"d2"}))


def test_offer_covering_both_needs_beats_one_covering_a_single_need():
    rows, _ = r.rank(
        [candidate("one", ["housing"]), candidate("both", ["housing", "work"])], CLIENT
    )
    assert [row.offer["id"] for row in rows] == ["both", "one"]
    assert rows[0].points["needs"] == r.WEIGHT_NEEDS
    assert rows[1].points["needs"] == r.WEIGHT_NEEDS / 2


def test_an_offer_for_the_broader_topic_counts_half_and_ranks_below_an_exact_match():
    broader = {"work": None, "job-search": "work", "housing": None}
    related = r.related_topics(broader, ("job-search",))
    assert related == {"job-search": frozenset({"work"})}
    assert r.related_topics(broader, ("work",)) == {"work": frozenset({"job-search"})}
    client = r.Client(topic_ids=("job-search",), district_id="d1", related=related)
    rows, eligible = r.rank(
        [candidate("general", ["work"]), candidate("exact", ["job-search"])], client
    )
    assert [row.offer["id"] for row in rows] == ["exact", "general"]
    assert rows[1].points["needs"] == r.WEIGHT_NEEDS * r.RELATED_SHARE
    needs = next(e for e in rows[1].explanation if e["factor"] == "needs")
    assert needs == {
        "factor": "needs",
        "covered": [],
        "related": [{"need": "job-search", "via": ["work"]}],
        "missing": [],
    }
    # The help-network proposal takes only offers made for the need itself.
    assert [row.offer["id"] for row in r.help_network(eligible, ("job-search",))["offers"]] == [
        "exact"
    ]


def test_same_district_beats_neighbour_beats_elsewhere():
    rows, _ = r.rank(
        [
            candidate("far", ["housing"], districts=["d9"]),
            candidate("near", ["housing"], districts=["d2"]),
            candidate("here", ["housing"], districts=["d1", "d9"]),
        ],
        CLIENT,
    )
    assert [row.offer["id"] for row in rows] == ["here", "near", "far"]
    assert [e["where"] for row in rows for e in row.explanation if e["factor"] == "location"] == [
        "same",
        "neighbour",
        "elsewhere",
    ]


def test_language_match_is_explained_and_scored():
    client = r.Client(topic_ids=("housing",), languages=("ar",))
    rows, _ = r.rank(
        [candidate("de", ["housing"]), candidate("ar", ["housing"], languages=["de", "ar"])], client
    )
    assert rows[0].offer["id"] == "ar"
    language = next(e for e in rows[0].explanation if e["factor"] == "language")
    assert language["matched"] == ["ar"]
    assert rows[0].score - rows[1].score == r.WEIGHT_LANGUAGE


@pytest.mark.parametrize(
    ("restriction", "client", "reason"),
    [
        ({"age_min": 18, "age_max": 26}, {"age": 40}, "age"),
        ({"age_min": 27}, {"age": 17}, "age"),
        ({"genders": ["female"]}, {"gender": "male"}, "gender"),
        (
            {"residence_statuses": ["eu-citizen"]},
            {"residence_status": "tolerated"},
            "residence_status",
        ),
    ],
)
def test_ineligible_offer_is_excluded_unless_asked_and_then_marked(restriction, client, reason):
    who = r.Client(topic_ids=("housing",), **client)
    offers = [candidate("open", ["housing"]), candidate("closed", ["housing"], **restriction)]
    rows, eligible = r.rank(offers, who)
    assert [row.offer["id"] for row in rows] == ["open"]
    rows, _ = r.rank(offers, who, include_ineligible=True)
    assert [row.offer["id"] for row in rows] == ["open", "closed"]
    assert rows[1].eligible is False
    assert rows[1].ineligible_reasons[0]["criterion"] == reason


def test_criteria_the_client_did_not_state_are_not_checked_and_earn_half():
    rows, _ = r.rank([candidate("young", ["housing"], age_min=18, age_max=26)], CLIENT)
    assert rows[0].eligible
    assert rows[0].points["eligibility"] == r.WEIGHT_ELIGIBILITY / 2
    assert next(e for e in rows[0].explanation if e["factor"] == "eligibility")["unchecked"] == [
        "age"
    ]


def test_acceptance_rate_counts_only_with_enough_decided_links():
    assert r.acceptance_rate(2, 2) is None
    assert r.acceptance_rate(3, 4) == 0.75
    rows, _ = r.rank(
        [
            candidate("few", ["housing"], accepted=2, decided=2),
            candidate("good", ["housing"], accepted=9, decided=10),
        ],
        CLIENT,
    )
    assert rows[0].offer["id"] == "good"
    assert rows[0].acceptance == {"accepted": 9, "decided": 10, "rate": 0.9}


def test_shorter_waiting_time_ranks_higher_and_fades_at_the_horizon():
    rows, _ = r.rank(
        [
            candidate("slow", ["housing"], waiting_days=90),
            candidate("fast", ["housing"], waiting_days=0),
        ],
        CLIENT,
    )
    assert [row.offer["id"] for row in rows] == ["fast", "slow"]
    assert rows[1].points["waiting"] == 0


def test_equal_scores_are_ordered_by_name_then_id():
    rows, _ = r.rank(
        [candidate("b", ["housing"], name="B"), candidate("a", ["housing"], name="A")], CLIENT
    )
    assert [row.offer["id"] for row in rows] == ["a", "b"]


def test_limit_cuts_the_list():
    offers = [candidate(f"o{k}", ["housing"]) for k in range(30)]
    rows, eligible = r.rank(offers, CLIENT, limit=20)
    assert len(rows) == 20 and len(eligible) == 30


def test_help_network_takes_the_fewest_offers_covering_all_needs():
    client = r.Client(topic_ids=("a", "b", "c", "d"))
    offers = [
        candidate("ab", ["a", "b"], waiting_days=0),
        candidate("a", ["a"]),
        candidate("b", ["b"]),
        candidate("c", ["c"]),
        candidate("cd", ["c", "d"], waiting_days=30),
        candidate("bcd", ["b", "c", "d"], waiting_days=50),
    ]
    _, eligible = r.rank(offers, client)
    proposal = r.help_network(eligible, client.topic_ids)
    # Greedy would start with bcd and need two offers as well; both pairs cover a..d:
    # {ab, cd} and {ab, bcd} and {a, bcd}; the highest total score wins.
    assert len(proposal["offers"]) == 2
    assert set().union(*(row.covered for row in proposal["offers"])) == {"a", "b", "c", "d"}
    assert proposal["uncovered"] == []


def test_help_network_names_needs_no_offer_covers():
    client = r.Client(topic_ids=("a", "z"))
    _, eligible = r.rank([candidate("a", ["a"])], client)
    proposal = r.help_network(eligible, client.topic_ids)
    assert [row.offer["id"] for row in proposal["offers"]] == ["a"]
    assert proposal["uncovered"] == ["z"]


def test_help_network_of_nothing_is_empty():
    assert r.help_network([], ("a",)) == {"offers": [], "uncovered": ["a"], "method": "greedy"}


VOCAB = {
    "topics": [{"id": "housing"}, {"id": "work"}],
    "districts": [{"id": "sodingen"}],
    "languages": [{"id": "ar"}, {"id": "de"}],
    "residence_statuses": [{"id": "tolerated"}],
    "target_groups": [{"id": "refugees"}],
}


def test_search_input_is_parsed_from_lists_and_comma_separated_values():
    criteria = parse_criteria(
        {"topics": ["housing,work"], "district": "sodingen", "languages": ["ar"], "age": "30"},
        VOCAB,
    )
    assert criteria.topic_ids == ("housing", "work")
    assert criteria.languages == ("ar",) and criteria.age == 30


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({}, "topics"),
        ({"topics": "nope"}, "topics"),
        ({"topics": ",".join(f"t{k}" for k in range(11))}, "topics"),
        ({"topics": "housing", "district": "x' OR 1=1"}, "district"),
        ({"topics": "housing", "age": "121"}, "age"),
        ({"topics": "housing", "age": "-1"}, "age"),
        ({"topics": "housing", "age": "zwölf"}, "age"),
        ({"topics": "housing", "q": "x" * 201}, "q"),
        ({"topics": "housing", "languages": "<script>"}, "languages"),
        ({"topics": "housing", "gender": "robot"}, "gender"),
        ({"topics": "housing", "limit": "51"}, "limit"),
        (
            {"topics": "housing", "residence_status": "MATCH (n) DETACH DELETE n"},
            "residence_status",
        ),
    ],
)
def test_bad_search_input_names_the_field(args, field):
    with pytest.raises(InvalidSearch) as caught:
        parse_criteria(args, VOCAB)
    assert field in caught.value.fields


def test_fulltext_query_keeps_only_words_and_adds_prefix_and_typo_terms():
    assert fulltext_query("Wohnung", "falkordb") == "(wohnung|wohnung*|%wohnung%)"
    assert fulltext_query("Wohnung", "neo4j") == "(wohnung OR wohnung* OR wohnung~1)"
    assert (
        fulltext_query("Job Wohnung", "neo4j")
        == "(job OR job*) AND (wohnung OR wohnung* OR wohnung~1)"
    )
    assert (
        fulltext_query("') CALL db.labels() //* -@{}", "falkordb")
        == "(call|call*|%call%) (db|db*) (labels|labels*|%labels%)"
    )
    assert fulltext_query("*** %% ~", "neo4j") is None


def test_a_case_managers_own_case_management_is_never_proposed_to_them():
    own = candidate("own-cm", ["housing", "work"])
    own["offer"]["case_management"] = True
    own["actor"] = {"id": "ki", "name": "KI"}
    other_cm = candidate("other-cm", ["housing", "work"])
    other_cm["offer"]["case_management"] = True
    other_cm["actor"] = {"id": "awo", "name": "AWO"}
    own_counselling = candidate("ki-counselling", ["housing"])
    own_counselling["actor"] = {"id": "ki", "name": "KI"}
    client = r.Client(topic_ids=("housing", "work"), own_actor_id="ki")
    rows, eligible = r.rank([own, other_cm, own_counselling], client)
    assert [row.offer["id"] for row in rows] == ["other-cm", "ki-counselling"]
    assert "own-cm" not in {row.offer["id"] for row in eligible}
    # Coordination (no own organisation given) sees every offer.
    everyone, _ = r.rank([own, other_cm], r.Client(topic_ids=("housing", "work")))
    assert {row.offer["id"] for row in everyone} == {"own-cm", "other-cm"}


@pytest.mark.parametrize(
    "band, age_min, age_max, eligible, unchecked",
    [
        ((27, 44), 18, 65, True, []),  # the band lies inside the offer's range: confirmed
        ((27, 44), 50, None, False, []),  # entirely outside: not eligible
        ((18, 26), None, 21, True, ["age"]),  # across the edge: ask the age
        ((65, 120), 65, None, True, []),
    ],
)
def test_an_age_band_is_eligible_inside_refused_outside_and_checked_across_the_edge(
    band, age_min, age_max, eligible, unchecked
):
    offer = {"age_min": age_min, "age_max": age_max}
    found, reasons, not_checked = r.eligibility(
        offer, r.Client(topic_ids=("housing",), age_range=band)
    )
    assert (found, not_checked) == (eligible, unchecked)
    assert bool(reasons) is (not eligible)


def test_an_exact_age_wins_over_the_age_band():
    offer = {"age_min": 18, "age_max": 26}
    client = r.Client(topic_ids=("housing",), age=30, age_range=(18, 26))
    assert r.eligibility(offer, client)[0] is False


def test_the_search_accepts_an_age_band_and_refuses_an_unknown_one():
    vocab = {
        "topics": [{"id": "housing"}],
        "districts": [],
        "languages": [],
        "residence_statuses": [],
        "target_groups": [],
    }
    assert parse_criteria({"topics": "housing", "age_band": "27-44"}, vocab).age_band == "27-44"
    with pytest.raises(InvalidSearch) as refused:
        parse_criteria({"topics": "housing", "age_band": "30-40"}, vocab)
    assert "age_band" in refused.value.fields


def test_stop_words_are_left_out_so_no_engine_finds_nothing_for_them():
    # Neo4j's German analyzer drops "für" from its index: kept, the ANDed term matched nothing.
    assert fulltext_query("Beratung für Frauen", "neo4j") == fulltext_query(
        "Beratung Frauen", "neo4j"
    )
    assert fulltext_query("in the", "falkordb") is None


def test_falkordb_is_asked_for_both_german_spellings():
    assert fulltext_query("Büro", "falkordb") == "(büro|büro*|%büro%|buero|buero*|%buero%)"
    assert fulltext_query("Buero", "falkordb") == "(buero|buero*|%buero%|büro|büro*|%büro%)"
    assert fulltext_query("Büro", "neo4j") == "(büro OR büro* OR büro~1)"  # Lucene folds them
