"""Backup and restore: the whole graph as one JSON-lines file, and back, losslessly."""

from __future__ import annotations

import io
import json

import pytest

from graphsvc.bench import backup as bench_backup
from graphsvc.services import audit, backup
from graphsvc.services.audit import Who


def _export(graph) -> str:
    out = io.StringIO()
    backup.export(graph, out)
    return out.getvalue()


def test_round_trip_of_herne_gives_the_same_file(seeded, tmp_path):
    audit.record(seeded, Who({"id": "u1", "username": "admin"}), "login", details={"ok": "ü"})
    first = tmp_path / "first.jsonl"
    result = backup.export_file(seeded, first)
    assert result.nodes > 300 and result.relationships > 500

    seeded.drop()
    seeded.apply_schema()
    plan = backup.restore(seeded, first)
    assert plan.total == result.nodes + result.relationships
    second = tmp_path / "second.jsonl"
    backup.export_file(seeded, second)
    a = first.read_text(encoding="utf-8").splitlines()
    b = second.read_text(encoding="utf-8").splitlines()
    assert a[1:] == b[1:]  # only the header (engine, created) may differ
    head = json.loads(a[0])
    assert head["format"] == "graphsvc-backup" and head["version"] == 1
    assert set(head) == {"format", "version", "schema", "engine", "created"}


def test_export_holds_every_label_property_and_relationship_in_order(seeded):
    lines = [json.loads(line) for line in _export(seeded).splitlines()]
    nodes = [x for x in lines if "label" in x]
    rels = [x for x in lines if "type" in x]
    assert lines[-1] == {"end": True, "nodes": len(nodes), "relationships": len(rels)}
    keys = [(n["label"], n["props"]["id"]) for n in nodes]
    assert keys == sorted(keys)
    labels = {n["label"] for n in nodes}
    assert {"Offer", "Actor", "Case", "User", "Meta", "Topic"} <= labels
    offer = next(n["props"] for n in nodes if n["label"] == "Offer")
    assert {"id", "name", "category", "municipality_id"} <= set(offer)
    types = {r["type"] for r in rels}
    assert {"PROVIDED_BY", "LINKED_TO", "NEIGHBOUR_OF", "MEMBER_OF"} <= types
    starts = [(r["from"][0], r["from"][1]) for r in rels]
    assert starts == sorted(starts)
    users = [n["props"] for n in nodes if n["label"] == "User"]
    assert users and all("password" not in u for u in users)  # only hashes are stored


def test_restore_refuses_a_graph_that_is_not_empty(seeded, tmp_path):
    path = tmp_path / "b.jsonl"
    backup.export_file(seeded, path)
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(seeded, path)


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda lines: ['{"format": "other"}'] + lines[1:], "not a graphsvc backup"),
        (lambda lines: [lines[0].replace('"version":1', '"version":9')] + lines[1:], "version"),
        (lambda lines: lines[:-1], "incomplete"),
        (lambda lines: lines[:3] + ["{broken"] + lines[3:], "line 4: not a JSON"),
        (lambda lines: lines[:2] + lines[3:], "end line counts"),
        (
            lambda lines: (
                lines[:-1]
                + ['{"from":["Case","c"],"props":{},"to":["Case","d"],"type":"KNOWS"}']
                + lines[-1:]
            ),
            "cannot restore",
        ),
        (
            lambda lines: lines[:1] + ['{"label":"Secret","props":{"id":"x"}}'] + lines[1:],
            "unknown label",
        ),
    ],
)
def test_a_broken_backup_is_refused_before_anything_is_written(
    graph, seeded, tmp_path, mutate, why
):
    lines = _export(seeded).splitlines()
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(mutate(lines)) + "\n", encoding="utf-8")
    seeded.drop()
    seeded.apply_schema()
    with pytest.raises(backup.BackupError, match=why):
        backup.restore(seeded, path)
    assert backup.is_empty(seeded)


def test_a_file_that_is_not_utf8_is_refused(graph, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"format":"graphsvc-backup","x":"ä"}\n'.encode("latin-1"))
    with pytest.raises(backup.BackupError, match="UTF-8"):
        backup.restore(graph, path)


def test_export_of_an_empty_graph_restores_to_an_empty_graph(graph, tmp_path):
    path = tmp_path / "empty.jsonl"
    result = backup.export_file(graph, path)
    assert result.nodes == 1 and result.relationships == 0  # the schema marker
    graph.drop()
    graph.apply_schema()
    backup.restore(graph, path)
    assert backup.is_empty(graph)


def test_the_round_trip_benchmark_restores_into_a_scratch_graph_and_compares(seeded, tmp_path):
    step = bench_backup.round_trip(seeded, {}, None)
    assert step.runs == 1  # the whole graph: once, not -n times
    step()  # raises BackupError when the second file differs

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"created":1}\n{"label":"X"}\n', encoding="utf-8")
    b.write_text('{"created":2}\n{"label":"X"}\n', encoding="utf-8")
    assert backup.same_content(a, b)
    b.write_text('{"created":2}\n{"label":"X"}\n{"label":"Y"}\n', encoding="utf-8")
    assert not backup.same_content(a, b)


def _every_kind(graph) -> None:
    """Add what the seeds lack: a token, a failed login, a session kept alive, case
    documents, a declined referral with its notification, an unmet search, directory changes,
    a network snapshot and the aggregates a purge keeps."""
    from graphsvc.domain import clock
    from graphsvc.services import accounts, cases, directory, network, referrals, unmet_searches
    from graphsvc.services.search import Criteria

    user_id, _ = accounts.create_user(
        graph, "editor.t", "Editor", "ki-herne", ["directory_editor", "case_manager"], "pw-1234567"
    )
    who = Who(graph.query("accounts.get_user", user_id=user_id)["user"], "127.0.0.1")
    accounts.create_token(graph, user_id, "backup")
    # A failed login from another address leaves its count (a success clears only its own).
    assert not accounts.login(graph, "editor.t", "wrong-password", "10.0.0.9").session_id
    session = accounts.login(graph, "editor.t", "pw-1234567").session_id
    assert session
    graph.query("testing.age_sessions", seconds=60)
    assert accounts.resolve_session(graph, session, 1800, 43200)  # and kept alive
    today = clock.today_iso()
    pseudonym = cases.open_case(
        graph,
        who,
        {
            "district_id": "wanne",
            "needs": ["housing"],
            "intake_outcome": "case_management",
            "criteria": ["multi_dimensional"],
            "access_route": "self_referral",
            "age_band": "27-44",
            "residence_status": "protection-granted",
            "languages": ["ar"],
        },
    )
    version = graph.query("cases.case_version", pseudonym=pseudonym)["version"]
    cases.set_documents(graph, who, pseudonym, version, today, today)
    partner_id, _ = accounts.create_user(
        graph, "partner.t", "Partner", "awo-herne", ["partner"], "pw-1234567"
    )
    partner = Who(graph.query("accounts.get_user", user_id=partner_id)["user"], "127.0.0.1")
    version = graph.query("cases.case_version", pseudonym=pseudonym)["version"]
    cases.set_consent(graph, who, pseudonym, version, "housing", today, None)
    cases.create_link(
        graph, who, pseudonym, version + 1, "awo-wohnraumberatung-wanne", "housing", "referral"
    )
    [row] = [r for r in referrals.inbox(graph, partner) if r["pseudonym"] == pseudonym]
    referrals.answer(graph, partner, row["id"], row["version"], "decline", "no_capacity")
    unmet_searches.record(
        graph,
        "herne",
        Criteria(topic_ids=("addiction",), district_id="eickel", languages=("ti",)),
        {"addiction": "none"},
        "editor.t",
        clock.today(),
    )
    offer = directory.get_offer(graph, "caritas-wohnungslotsen-wanne", today)
    data = {**directory.offer_form_data(offer), "hours": "Mo–Fr 9–12 Uhr"}
    version = offer["offer"].get("version") or 0
    directory.update_offer(graph, who, "caritas-wohnungslotsen-wanne", version, data, today)
    actor = directory.get_actor(graph, "ki-herne", today)
    changed = {**directory.actor_form_data(actor), "phone": "02323 16-0"}
    actor_version = actor["actor"].get("version") or 0
    directory.update_actor(graph, who, "ki-herne", actor_version, changed, today)
    network.save_snapshot(
        graph,
        name="Sitzung",
        filters=network.Filters(),
        positions={"caritas-herne": {"x": 1, "y": 2.5}},
        layout="preset",
        user="editor.t",
        municipality_id="herne",
    )
    assert cases.purge(graph, "herne", 1, dry_run=False)  # leaves aggregates behind


def test_every_label_and_relationship_type_of_the_model_survives_a_round_trip(seeded, tmp_path):
    from graphsvc.domain.graph_model import LABELS, RELATIONSHIPS

    _every_kind(seeded)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    backup.export_file(seeded, first)
    lines = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()[1:-1]]
    assert {x["label"] for x in lines if "label" in x} >= set(LABELS)
    kinds = {(x["from"][0], x["type"], x["to"][0]) for x in lines if "type" in x}
    assert kinds == set(RELATIONSHIPS)
    seeded.drop()
    seeded.apply_schema()
    backup.restore(seeded, first)
    backup.export_file(seeded, second)
    assert backup.same_content(first, second)
