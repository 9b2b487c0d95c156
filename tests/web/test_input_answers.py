"""Bad input is answered in the caller's terms: a JSON value of the wrong type for a text
field is refused naming the field (not turned into "nan"), and a refused character names the
field as sent, never an internal parameter path."""

from __future__ import annotations

import pytest

from graphsvc.services import setup
from tests.web.test_cases_web import INTAKE


@pytest.mark.parametrize("value", [float("nan"), 5, [1], {"a": 1}, True])
def test_a_text_field_given_a_number_list_or_object_is_refused_naming_it(app, auth, seeded, value):
    headers = auth.token()
    before = setup.counts(seeded)["Case"]
    client = app.test_client()
    answer = client.post("/api/v1/cases", json={**INTAKE, "notes": value}, headers=headers)
    assert answer.status_code == 400, answer.json
    assert "notes" in answer.json["error"]["fields"]
    assert setup.counts(seeded)["Case"] == before


def test_a_list_field_given_numbers_is_refused_naming_each_item(app, auth):
    answer = app.test_client().post(
        "/api/v1/cases", json={**INTAKE, "needs": [1, 2]}, headers=auth.token()
    )
    assert answer.status_code == 400
    assert set(answer.json["error"]["fields"]) == {"needs.0", "needs.1"}


def test_a_control_character_is_refused_naming_the_field_not_the_parameter(app, auth):
    answer = app.test_client().post(
        "/api/v1/cases",
        json={**INTAKE, "notes": "erste Zeile\x07zweite", "no_identifier": True},
        headers=auth.token(),
    )
    error = answer.json["error"]
    assert answer.status_code == 400
    (why,) = error["fields"]["notes"]
    assert "not allowed" in why
    said = error["message"] + str(error["fields"])
    assert "parameter" not in said and "attributes" not in said
