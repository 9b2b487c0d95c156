"""One rule for whether two links run together: the case API's warning and the coordination
view agree, also for two links that both started today."""

from __future__ import annotations

from graphsvc.domain import clock
from tests.web.test_cases_web import INTAKE


class Case:
    """A case driven through the API with a token, keeping track of its version."""

    def __init__(self, client, headers):
        self.client, self.headers = client, headers
        answer = client.post("/api/v1/cases", json=INTAKE, headers=headers)
        assert answer.status_code == 201, answer.json
        self.pseudonym = answer.json["pseudonym"]

    def read(self) -> dict:
        return self.client.get(f"/api/v1/cases/{self.pseudonym}", headers=self.headers).json

    def version(self) -> int:
        return self.read()["case"]["version"]

    def send(self, method: str, path: str = "", **body):
        url = f"/api/v1/cases/{self.pseudonym}{path}"
        return self.client.open(
            url, method=method, headers=self.headers, json={"version": self.version(), **body}
        )

    def link(self, offer_id: str, **extra) -> tuple[int, str | None]:
        answer = self.send(
            "POST", "/links", offer_id=offer_id, topic="housing", mode="referral", **extra
        )
        if answer.status_code != 201:
            return answer.status_code, None
        link = [x for x in self.read()["links"] if x["offer_id"] == offer_id][0]
        accepted = self.send("PATCH", f"/links/{link['id']}", status="accepted", **extra)
        assert accepted.status_code == 200, accepted.json
        return 201, link["id"]


def test_two_links_started_today_are_parallel_on_the_case_and_in_coordination(app, auth):
    client = app.test_client()
    case = Case(client, auth.token(roles=("case_manager",), actor="caritas-herne"))
    waiver = case.send("PATCH", consent={"topic": "housing", "signed_on": clock.today_iso()})
    assert waiver.status_code == 200, waiver.json
    assert case.link("caritas-wohnungslotsen-wanne")[0] == 201
    status, _ = case.link("drk-wohnungslotsen-wanne")
    assert status == 409  # the case API warns: parallel support
    status, _ = case.link("drk-wohnungslotsen-wanne", reason="Übergang abgesprochen")
    assert status == 201
    coordination = auth.token(roles=("coordination",), actor="ki-herne")
    found = client.get("/api/v1/coordination/parallel-support", headers=coordination).json
    assert case.pseudonym in found["pseudonyms"]
