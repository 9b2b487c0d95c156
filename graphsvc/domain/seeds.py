"""The Herne seed files (seeds/*.yaml): read, check every field and reference, build a Bundle.

Nothing is written before every file has been checked, and every error names the file, the
line and the field. Each seed file describes its own fields in its header comment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import clock, model, same_client
from .bundle import Bundle
from .cases import PSEUDONYM
from .yamlfile import Located, SeedError, load

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Checker:
    """Reads fields of one record, converting and checking as it goes."""

    def __init__(self, record: Any, context: str):
        if not isinstance(record, Located):
            raise SeedError(f"{context}: expected a mapping of fields, found {record!r}")
        self.record = record

    def get(self, field: str, check: Callable[[Any], Any], *, required: bool = True) -> Any:
        """The field's value after `check`; a missing optional field gives None."""
        value = self.record.get(field)
        if value is None:
            if required:
                raise self.record.fail(field, "is required")
            return None
        try:
            return check(value)
        except (TypeError, ValueError) as exc:
            raise self.record.fail(field, str(exc)) from None

    def ids(self, field: str, known: Iterable[str], kind: str) -> list[str]:
        """A list of ids that must all be in `known` (missing field: empty list)."""
        values = self.get(field, _list, required=False) or []
        known = set(known)
        for value in values:
            if value not in known:
                raise self.record.fail(field, f"unknown {kind} id {value!r}")
        return values

    def ref(self, field: str, known: Iterable[str], kind: str, *, required: bool = True) -> Any:
        """One id that must be in `known`."""
        value = self.get(field, str, required=required)
        if value is not None and value not in set(known):
            raise self.record.fail(field, f"unknown {kind} id {value!r}")
        return value


def _id(value: Any) -> str:
    if not isinstance(value, str) or not ID.match(value):
        raise ValueError(f"{value!r} is not an id (lowercase letters, digits and hyphens)")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str | int) or not str(value).strip():
        raise ValueError("must be a non-empty text")
    return str(value).strip()


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("must be a list")
    return value


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{value!r} must be a whole number of 0 or more")
    return value


def one_of(choices: Iterable[str]) -> Callable[[Any], str]:
    """A check that the value is one of `choices`."""
    allowed = tuple(choices)

    def check(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return check


def _records(data: Any, key: str, path: Path) -> list[Located]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise SeedError(f"{path.parent.name}/{path.name}: expected a top-level list '{key}:'")
    return data[key]


def _file(path: Path, key: str) -> list[Located]:
    return _records(load(path), key, path)


def _unique(records: list[Located], seen: dict[str, Located], kind: str) -> list[str]:
    ids = []
    for record in records:
        checker = Checker(record, kind)
        value = checker.get("id", _id)
        if value in seen:
            raise record.fail(
                "id", f"duplicate {kind} id {value!r} (first at {seen[value].where()})"
            )
        seen[value] = record
        ids.append(value)
    return ids


def read_taxonomy(seed_dir: Path) -> tuple[Bundle, dict[str, set[str]]]:
    """The shared taxonomies (topics, languages, target groups, residence statuses)."""
    taxonomy = seed_dir / "taxonomy"
    bundle = Bundle()
    known: dict[str, set[str]] = {}

    topics = _file(taxonomy / "topics.yaml", "topics")
    known["topic"] = set(_unique(topics, {}, "topic"))
    for record in topics:
        c = Checker(record, "topic")
        bundle.node(
            "Topic",
            id=record["id"],
            name_de=c.get("name_de", _text),
            name_en=c.get("name_en", _text),
            keywords_de=[_text(k) for k in c.get("keywords_de", _list, required=False) or []],
        )
        broader = c.ref("broader", known["topic"], "topic", required=False)
        if broader:
            bundle.edge(("Topic", "BROADER", "Topic"), record["id"], broader)
    for label, name, key in (
        ("Language", "languages", "language"),
        ("TargetGroup", "target_groups", "target group"),
        ("ResidenceStatus", "residence_statuses", "residence status"),
    ):
        records = _file(taxonomy / f"{name}.yaml", name)
        known[key] = set(_unique(records, {}, key))
        for record in records:
            c = Checker(record, key)
            bundle.node(
                label,
                id=record["id"],
                name_de=c.get("name_de", _text),
                name_en=c.get("name_en", _text),
            )

    return bundle, known


def read(
    seed_dir: Path, municipality: str = "herne", match_secret: str = same_client.DEV_SECRET
) -> Bundle:
    """Read and check all seed files for one municipality and return them as a Bundle.

    Sample intake identities become match keys with `match_secret`; names stay in the file.
    """
    local = seed_dir / municipality
    bundle, known = read_taxonomy(seed_dir)

    # The municipality and its districts.
    data = load(local / "municipality.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("municipality"), Located):
        raise SeedError(
            f"{municipality}/municipality.yaml: expected 'municipality:' and 'districts:'"
        )
    m = Checker(data["municipality"], "municipality")
    mid = m.get("id", _id)
    bundle.node(
        "Municipality",
        id=mid,
        name=m.get("name", _text),
        ags=m.get("ags", _text, required=False),
        inhabitants=m.get("inhabitants", _count, required=False),
        foreign_nationals=m.get("foreign_nationals", _count, required=False),
        sample=m.get("sample", _bool),
    )
    districts = _records(data, "districts", local / "municipality.yaml")
    known["district"] = set(_unique(districts, {}, "district"))
    for record in districts:
        c = Checker(record, "district")
        bundle.node(
            "District",
            id=record["id"],
            name=c.get("name", _text),
            municipality_id=mid,
            sample=c.get("sample", _bool),
        )
        bundle.edge(("District", "PART_OF", "Municipality"), record["id"], mid)
        for other in c.ids("neighbours", known["district"], "district"):
            bundle.edge(("District", "NEIGHBOUR_OF", "District"), record["id"], other)

    # Actors, then their cooperations (which may point forward in the file).
    actors = _file(local / "actors.yaml", "actors")
    known["actor"] = set(_unique(actors, {}, "actor"))
    for record in actors:
        c = Checker(record, "actor")
        district = c.ref("district", known["district"], "district")
        bundle.node(
            "Actor",
            id=record["id"],
            name=c.get("name", _text),
            kind=c.get("kind", one_of(model.ACTOR_KINDS)),
            description=c.get("description", _text, required=False),
            address=c.get("address", _text, required=False),
            phone=c.get("phone", _text, required=False),
            email=c.get("email", _text, required=False),
            website=c.get("website", _text, required=False),
            municipality_id=mid,
            district_id=district,
            since=c.get("since", _date, required=False),
            sample=c.get("sample", _bool),
        )
        bundle.edge(("Actor", "LOCATED_IN", "District"), record["id"], district)
        for coop in c.get("cooperates_with", _list, required=False) or []:
            cc = Checker(coop, f"{record.where('cooperates_with')}")
            partner = cc.ref("actor", known["actor"], "actor")
            kind = cc.get("kind", one_of(model.COOPERATION_KINDS))
            bundle.edge(
                ("Actor", "COOPERATES_WITH", "Actor"),
                record["id"],
                partner,
                kind=kind,
                **_running(coop, cc),
            )

    _read_offers(_file(local / "offers.yaml", "offers"), bundle, known, mid)
    _read_working_groups(_file(local / "working_groups.yaml", "working_groups"), bundle, known, mid)
    _read_kim(load(local / "kim.yaml"), local / "kim.yaml", bundle, known)
    _read_users(_file(local / "users.yaml", "users"), bundle, known, mid)
    # Sample cases for single findings (gap report, parallel support) live in files of their
    # own, cases_<finding>.yaml, read as part of the same list.
    cases = _file(local / "cases.yaml", "cases")
    for extra in sorted(local.glob("cases_*.yaml")):
        cases += _file(extra, "cases")
    _read_cases(cases, bundle, known, mid)
    if (local / "themes.yaml").exists():
        _read_themes(_file(local / "themes.yaml", "themes"), bundle, known, mid)
    identities = local / "intake_identities.yaml"
    if identities.exists():
        _read_identities(_file(identities, "identities"), bundle, match_secret)
    return bundle


def _read_identities(records: list[Located], bundle: Bundle, secret: str) -> None:
    """Put a match key on each named case; the fictitious name and date go no further."""
    cases = {case["pseudonym"]: case for case in bundle.nodes.get("Case", [])}
    encoder = same_client.Encoder(secret)
    keyed: set[str] = set()
    today = clock.today()
    for record in records:
        c = Checker(record, "identity")
        pseudonym = c.ref("case", cases, "case")
        if pseudonym in keyed:
            raise record.fail("case", f"{pseudonym} has a second identity")
        keyed.add(pseudonym)
        born = dt.date.fromisoformat(c.get("birth_date", _date))
        try:
            same_client.check_birth_date(born, today)
        except same_client.MatchKeyError as exc:
            raise record.fail("birth_date", str(exc)) from None
        names = []
        for field, required in (("given_names", False), ("family_name", True)):
            name = c.get(field, _text, required=required) or ""
            try:
                if name:
                    same_client.check_name(name)
            except same_client.MatchKeyError as exc:
                raise record.fail(field, str(exc)) from None
            names.append(name)
        key = encoder.key(names, born)
        c.get("sample", _bool)
        cases[pseudonym]["match_key"] = same_client.to_text(key)


def _read_offers(records: list[Located], bundle: Bundle, known: dict, mid: str) -> None:
    known["offer"] = set(_unique(records, {}, "offer"))
    for record in records:
        c = Checker(record, "offer")
        actor = c.ref("actor", known["actor"], "actor")
        age_min = c.get("age_min", _count, required=False)
        age_max = c.get("age_max", _count, required=False)
        if age_min is not None and age_max is not None and age_min > age_max:
            raise record.fail("age_max", f"{age_max} is below age_min {age_min}")
        valid_from = c.get("valid_from", _date, required=False)
        valid_until = c.get("valid_until", _date, required=False)
        if valid_from and valid_until and valid_until < valid_from:
            raise record.fail("valid_until", f"{valid_until} is before valid_from {valid_from}")
        topics = c.ids("topics", known["topic"], "topic")
        if not topics:
            raise record.fail("topics", "an offer must cover at least one topic")
        keywords = [
            name for key in topics for name in [_topic_name(bundle, key)] if name
        ]  # searchable German topic names beside the offer's own words
        bundle.node(
            "Offer",
            id=record["id"],
            name=c.get("name", _text),
            description=c.get("description", _text, required=False),
            keywords=" ".join(keywords),
            category=c.get("category", one_of(model.OFFER_CATEGORIES)),
            circle=c.get("circle", one_of(model.CIRCLES)),
            age_min=age_min,
            age_max=age_max,
            genders=[
                one_of(model.GENDERS)(g) for g in c.get("genders", _list, required=False) or []
            ],
            residence_statuses=c.ids(
                "residence_statuses", known["residence status"], "residence status"
            ),
            capacity=c.get("capacity", _count, required=False),
            waiting_days=c.get("waiting_days", _count, required=False),
            valid_from=valid_from,
            valid_until=valid_until,
            address=c.get("address", _text, required=False),
            phone=c.get("phone", _text, required=False),
            email=c.get("email", _text, required=False),
            hours=c.get("hours", _text, required=False),
            # The organisation's own KIM case management (building block 2): never proposed
            # to the organisation's case managers as a partner offer.
            case_management=c.get("case_management", _bool, required=False),
            municipality_id=mid,
            actor_id=actor,
            sample=c.get("sample", _bool),
        )
        oid = record["id"]
        bundle.edge(("Offer", "PROVIDED_BY", "Actor"), oid, actor)
        for key, field, kind, target in (
            (("Offer", "COVERS", "Topic"), "topics", "topic", topics),
            (("Offer", "SERVES", "District"), "districts", "district", None),
            (("Offer", "AVAILABLE_IN", "Language"), "languages", "language", None),
            (("Offer", "FOR", "TargetGroup"), "target_groups", "target group", None),
        ):
            for other in target if target is not None else c.ids(field, known[kind], kind):
                bundle.edge(key, oid, other)


def _topic_name(bundle: Bundle, topic_id: str) -> str | None:
    for topic in bundle.nodes.get("Topic", []):
        if topic["id"] == topic_id:
            return " ".join([topic["name_de"], *topic.get("keywords_de", [])])
    return None


def _read_working_groups(records: list[Located], bundle: Bundle, known: dict, mid: str) -> None:
    known["working group"] = set(_unique(records, {}, "working group"))
    for record in records:
        c = Checker(record, "working group")
        organiser = c.ref("organiser", known["actor"], "actor", required=False)
        bundle.node(
            "WorkingGroup",
            id=record["id"],
            name=c.get("name", _text),
            aim=c.get("aim", _text),
            kim_participants=c.get("kim_participants", _text, required=False),
            meets=c.get("meets", _text, required=False),
            municipality_id=mid,
            sample=c.get("sample", _bool),
        )
        if organiser:
            bundle.edge(("WorkingGroup", "ORGANISED_BY", "Actor"), record["id"], organiser)
        for member in c.get("members", _list, required=False) or []:
            mc = Checker(member, record.where("members"))
            actor = mc.ref("actor", known["actor"], "actor")
            role = mc.get("role", one_of(model.MEMBER_ROLES))
            bundle.edge(
                ("Actor", "MEMBER_OF", "WorkingGroup"),
                actor,
                record["id"],
                role=role,
                **_running(member, mc),
            )


def _running(record: Located, c: Checker) -> dict[str, str]:
    """The optional first and last day (`since`, `until`) of a membership or cooperation."""
    since = c.get("since", _date, required=False)
    until = c.get("until", _date, required=False)
    if since and until and until < since:
        raise record.fail("until", f"{until} is before since {since}")
    return {k: v for k, v in (("since", since), ("until", until)) if v}


def _read_kim(data: Any, path: Path, bundle: Bundle, known: dict) -> None:
    blocks = _records(data, "building_blocks", path)
    known["building block"] = set(_unique(blocks, {}, "building block"))
    for record in blocks:
        c = Checker(record, "building block")
        actor = c.ref("actor", known["actor"], "actor")
        bundle.node(
            "BuildingBlock",
            id=record["id"],
            number=c.get("number", _count),
            name_de=c.get("name_de", _text),
            name_en=c.get("name_en", _text),
            sample=c.get("sample", _bool),
        )
        bundle.edge(("BuildingBlock", "RUN_BY", "Actor"), record["id"], actor)
    positions = _records(data, "cm_positions", path)
    known["position"] = set(_unique(positions, {}, "position"))
    case_management = next((b["id"] for b in blocks if b.get("number") == 2), None)
    for record in positions:
        c = Checker(record, "position")
        actor = c.ref("actor", known["actor"], "actor")
        bundle.node(
            "Position",
            id=record["id"],
            spokesperson=c.get("spokesperson", _bool, required=False) or False,
            actor_id=actor,
            sample=c.get("sample", _bool),
        )
        bundle.edge(("Position", "AT", "Actor"), record["id"], actor)
        for district in c.ids("districts", known["district"], "district"):
            bundle.edge(("Position", "ASSIGNED_TO", "District"), record["id"], district)
        if case_management:
            bundle.edge(("Position", "IN_BLOCK", "BuildingBlock"), record["id"], case_management)


def _read_users(records: list[Located], bundle: Bundle, known: dict, mid: str) -> None:
    known["user"] = set(_unique(records, {}, "user"))
    usernames: dict[str, Located] = {}
    for record in records:
        c = Checker(record, "user")
        username = c.get("username", _text)
        if username in usernames:
            raise record.fail("username", f"duplicate username {username!r}")
        usernames[username] = record
        actor = c.ref("actor", known["actor"], "actor")
        roles = [one_of(model.ROLES)(r) for r in c.get("roles", _list)]
        bundle.node(
            "User",
            id=record["id"],
            username=username,
            display_name=c.get("display_name", _text),
            roles=roles,
            active=False,  # demo users get a password from an admin before they can log in
            municipality_id=mid,
            actor_id=actor,
            sample=c.get("sample", _bool),
        )
        bundle.edge(("User", "WORKS_FOR", "Actor"), record["id"], actor)
        position = c.ref("position", known["position"], "position", required=False)
        if position:
            bundle.edge(("User", "HOLDS", "Position"), record["id"], position)


def _read_cases(records: list[Located], bundle: Bundle, known: dict, mid: str) -> None:
    seen: set[str] = set()
    counters: dict[str, int] = {}
    for record in records:
        c = Checker(record, "case")
        pseudonym = c.get("pseudonym", str)
        if not PSEUDONYM.match(pseudonym):
            raise record.fail("pseudonym", f"{pseudonym!r} is not like HER-2026-0001")
        if pseudonym in seen:
            raise record.fail("pseudonym", f"duplicate pseudonym {pseudonym}")
        seen.add(pseudonym)
        prefix, number = pseudonym.rsplit("-", 1)
        counters[prefix] = max(counters.get(prefix, 0), int(number))
        district = c.ref("district", known["district"], "district")
        actor = c.ref("held_by", known["actor"], "actor")
        user = c.ref("managed_by", known["user"], "user")
        opened = c.get("opened_on", _date)
        phase = c.get("phase", one_of(model.PHASES))
        bundle.node(
            "Case",
            id=pseudonym,
            pseudonym=pseudonym,
            municipality_id=mid,
            actor_id=actor,
            district_id=district,
            phase=phase,
            closed_on=c.get("closed_on", _date, required=phase == "closed"),
            intake_outcome=c.get("intake_outcome", one_of(model.INTAKE_OUTCOMES)),
            criteria=[one_of(model.INTAKE_CRITERIA)(x) for x in c.get("criteria", _list)],
            access_route=c.get("access_route", one_of(model.ACCESS_ROUTES)),
            age_band=c.get("age_band", one_of(model.AGE_BANDS)),
            gender=c.get("gender", one_of(model.GENDERS), required=False),
            residence_status=c.ref(
                "residence_status", known["residence status"], "residence status"
            ),
            household_band=c.get("household_band", one_of(model.HOUSEHOLD_BANDS), required=False),
            languages=c.ids("languages", known["language"], "language"),
            opened_on=opened,
            privacy_notice_on=c.get("privacy_notice_on", _date, required=False),
            agreement_signed_on=c.get("agreement_signed_on", _date, required=False),
            version=1,
            sample=c.get("sample", _bool),
        )
        bundle.edge(("Case", "HELD_BY", "Actor"), pseudonym, actor)
        bundle.edge(("Case", "MANAGED_BY", "User"), pseudonym, user)
        bundle.edge(("Case", "LIVES_IN", "District"), pseudonym, district)
        for need in c.get("needs", _list, required=False) or []:
            nc = Checker(need, record.where("needs"))
            topic = nc.ref("topic", known["topic"], "topic")
            status = nc.get("status", one_of(model.NEED_STATUSES))
            bundle.edge(
                ("Case", "HAS_NEED", "Topic"), pseudonym, topic, status=status, since=opened
            )
        consents: dict[str, tuple[str, str | None]] = {}
        for consent in c.get("consents", _list, required=False) or []:
            cc = Checker(consent, record.where("consents"))
            topic = cc.ref("topic", known["topic"], "topic")
            signed = cc.get("signed_on", _date)
            withdrawn = cc.get("withdrawn_on", _date, required=False)
            consents[topic] = (signed, withdrawn)
            bundle.edge(
                ("Case", "CONSENT", "Topic"),
                pseudonym,
                topic,
                signed_on=signed,
                withdrawn_on=withdrawn,
            )
        for number, link in enumerate(c.get("links", _list, required=False) or [], start=1):
            lc = Checker(link, record.where("links"))
            offer = lc.ref("offer", known["offer"], "offer")
            topic = lc.ref("topic", known["topic"], "topic")
            since = lc.get("since", _date)
            self_referral = lc.get("self_referral", _bool, required=False) or False
            signed, withdrawn = consents.get(topic, (None, None))
            consented = (
                signed is not None and signed <= since and (not withdrawn or withdrawn > since)
            )
            if not self_referral and not consented:
                raise link.fail(
                    "topic", f"no valid confidentiality waiver for {topic!r} on {since}"
                )
            bundle.edge(
                ("Case", "LINKED_TO", "Offer"),
                pseudonym,
                offer,
                id=f"{pseudonym.lower()}-l{number}",
                mode=lc.get("mode", one_of(model.LINK_MODES)),
                status=lc.get("status", one_of(model.LINK_STATUSES)),
                topic=topic,
                since=since,
                until=lc.get("until", _date, required=False),
                self_referral=self_referral,
            )
    for prefix, value in sorted(counters.items()):
        bundle.node("Counter", id=prefix, value=value)  # new pseudonyms continue after these


def _read_themes(records: list[Located], bundle: Bundle, known: dict, mid: str) -> None:
    """Generative themes (coordination): title, topics, districts and the cases they came from."""
    cases = {row["pseudonym"] for row in bundle.nodes.get("Case", [])}
    _unique(records, {}, "theme")
    for record in records:
        c = Checker(record, "theme")
        theme = record["id"]
        created = c.get("created_at", _date)
        bundle.node(
            "Theme",
            id=theme,
            municipality_id=mid,
            title=c.get("title", _text),
            description=c.get("description", _text, required=False) or "",
            status=c.get("status", one_of(("open", "closed"))),
            created_by=c.get("created_by", _text),
            created_at=created,
            updated_at=created,
            version=1,
            sample=c.get("sample", _bool),
        )
        for topic in c.ids("topics", known["topic"], "topic"):
            bundle.edge(("Theme", "ABOUT", "Topic"), theme, topic)
        for district in c.ids("districts", known["district"], "district"):
            bundle.edge(("Theme", "AFFECTS", "District"), theme, district)
        for pseudonym in c.ids("cases", cases, "case"):
            bundle.edge(("Theme", "SEEN_IN", "Case"), theme, pseudonym)
