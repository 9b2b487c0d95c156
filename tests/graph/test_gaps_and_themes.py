"""The gap report service and generative themes on the real engine: the seeded findings on a
fixed day, and themes linking only cases of their own municipality."""

from __future__ import annotations

import datetime as dt

import pytest

from graphsvc.domain.bundle import Bundle
from graphsvc.domain.errors import Conflict
from graphsvc.domain.gaps import Period
from graphsvc.services import gaps, loading, themes
from graphsvc.services.audit import Who

TODAY = dt.date(2026, 11, 25)


def test_each_seeded_finding_shows_with_at_least_five_cases(seeded):
    report = gaps.report(seeded, "herne", Period.default(TODAY), 6, TODAY)
    assert report.cell("addiction", "eickel")["level"] == 5
    assert report.cell("elderly-care", "sodingen")["level"] == 5
    assert report.demand.shown(("housing", "wanne")) >= 5
    assert report.languages.shown(("ti", "psychosocial")) == 5
    assert report.target_groups.shown(("new-arrivals-see", "disability")) == 5
    assert report.refusals.shown(("housing", "declined")) == 5
    assert report.refusals.shown(("housing", "no_capacity")) == 5
    ending = {o["id"]: o for o in report.ending}
    assert ending["vsf-bildungsmediation"]["active_cases"] >= 5
    assert any(report.trend.shown((q, "needs_raised")) for q in report.quarters)


def test_the_report_reads_only_its_own_municipality(seeded):
    other = Bundle()
    other.node("Municipality", id="tst", name="Teststadt")
    other.node("District", id="tst-d1", name="D1", municipality_id="tst")
    for n in range(6):
        p = f"TST-2026-{n:04d}"
        other.node(
            "Case",
            id=p,
            pseudonym=p,
            municipality_id="tst",
            district_id="tst-d1",
            opened_on="2026-03-02",
            version=1,
        )
        other.edge(("Case", "HAS_NEED", "Topic"), p, "addiction", status="open", since="2026-03-02")
    loading.write(seeded, other)
    herne = gaps.report(seeded, "herne", Period.default(TODAY), 6, TODAY)
    assert "tst-d1" not in herne.districts and herne.demand.shown(("addiction", "eickel")) == 6
    assert (
        gaps.report(seeded, "tst", Period.default(TODAY), 6, TODAY).demand.shown(
            ("addiction", "tst-d1")
        )
        == 6
    )


def _coordinator(municipality_id: str, username: str) -> Who:
    return Who({"id": "", "username": username, "municipality_id": municipality_id})


def _input(**changes) -> themes.ThemeInput:
    values = {
        "title": "Wartelisten",
        "description": "",
        "topic_ids": ["housing"],
        "district_ids": ["wanne"],
        "pseudonyms": ["HER-2026-0218"],
    }
    return themes.ThemeInput(**{**values, **changes})


def test_a_theme_links_only_cases_of_its_municipality(seeded):
    with pytest.raises(themes.ThemeError) as err:
        themes.create(seeded, _coordinator("other-town", "k1"), _input())
    assert err.value.field == "cases"
    theme_id = themes.create(seeded, _coordinator("herne", "k1"), _input())
    found = themes.get(seeded, "herne", theme_id)
    assert found["cases"] == ["HER-2026-0218"] and found["districts"] == ["wanne"]
    assert themes.get(seeded, "other-town", theme_id) is None


def test_a_stale_version_changes_nothing(seeded):
    theme_id = themes.create(seeded, _coordinator("herne", "k1"), _input())
    version = themes.update(
        seeded, _coordinator("herne", "k2"), theme_id, 1, _input(title="Neu", pseudonyms=[])
    )
    assert version == 2
    with pytest.raises(Conflict):
        themes.update(seeded, _coordinator("herne", "k3"), theme_id, 1, _input(title="Alt"))
    with pytest.raises(Conflict):
        themes.close(seeded, _coordinator("herne", "k3"), theme_id, 1)
    themes.close(seeded, _coordinator("herne", "k2"), theme_id, 2)
    found = themes.get(seeded, "herne", theme_id)
    assert (found["title"], found["status"], found["cases"]) == ("Neu", "closed", [])
    assert theme_id not in {
        t["id"] for t in themes.for_report(themes.list_themes(seeded, "herne"), 5)
    }
