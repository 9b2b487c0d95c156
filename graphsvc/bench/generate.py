"""Synthetic graphs of Herne's shape at three scales, for measuring every feature.

herne: 1 municipality; nrw: 54 (≈11k actors, 21k offers, 100k cases, 300k case-to-offer
links); nrw10: 540. Every generated node carries `synthetic: true`. The same seed number
gives the same graph. Municipalities are generated and written a few at a time, so memory
stays flat whatever the scale.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import model, same_client
from ..domain.bundle import Bundle
from ..domain.seeds import read_taxonomy
from ..graph import Graph, GraphError
from ..services import loading

SCALES = {"herne": 1, "nrw": 54, "nrw10": 540}
PER_MUNICIPALITY = {"actors": 204, "offers": 389, "cases": 1852, "links_per_case": 3}
DISTRICT_SUFFIXES = ("Mitte", "Nord", "Süd", "West")
PLACES = (
    "Aachen",
    "Bielefeld",
    "Bochum",
    "Bonn",
    "Bottrop",
    "Dortmund",
    "Duisburg",
    "Düsseldorf",
    "Essen",
    "Gelsenkirchen",
    "Hagen",
    "Hamm",
    "Herne",
    "Köln",
    "Krefeld",
    "Leverkusen",
    "Mönchengladbach",
    "Mülheim",
    "Münster",
    "Oberhausen",
    "Remscheid",
    "Solingen",
    "Wuppertal",
    "Borken",
    "Coesfeld",
    "Düren",
    "Ennepe-Ruhr",
    "Euskirchen",
    "Gütersloh",
    "Heinsberg",
    "Herford",
    "Hochsauerland",
    "Höxter",
    "Kleve",
    "Lippe",
    "Märkischer Kreis",
    "Mettmann",
    "Minden-Lübbecke",
    "Oberberg",
    "Olpe",
    "Paderborn",
    "Recklinghausen",
    "Rhein-Erft",
    "Rheinisch-Bergisch",
    "Rhein-Kreis Neuss",
    "Rhein-Sieg",
    "Siegen-Wittgenstein",
    "Soest",
    "Steinfurt",
    "Unna",
    "Viersen",
    "Warendorf",
    "Wesel",
    "Städteregion",
)
OFFER_WORDS = (
    "Beratung",
    "Sprechstunde",
    "Begleitung",
    "Lotsenprojekt",
    "Fachdienst",
    "Treffpunkt",
    "Kurs",
    "Anlaufstelle",
)
# Synthetic intake identities: only their match keys reach the graph. Every
# DUPLICATE_EVERY-th case is an earlier case's client again, at another organisation and
# with a typo, so the same-client match has real work at every scale.
GIVEN_NAMES = (
    "Ahmad Ali Amina Anna Ayse Daria Dmytro Elena Emre Fatima Hassan Ibrahim Ivan Jana Jonas "
    "Karim Katharina Khaled Lara Leon Leyla Lukas Maria Mariam Mehmet Milan Mohammad Nadia "
    "Natalia Nour Olena Omar Paul Petra Rania Reza Sara Selin Sofia Tarek Thomas Yusuf Zainab "
    "Zeynep Aleksandr Bashir Chiara Dalia Edin Farida Goran Hana Ilias Juri Kemal Lina Marek "
    "Nikola Oksana Rahim"
).split()
FAMILY_NAMES = (
    "Abdi Ahmadi Al-Amin Aydin Bauer Becker Celik Demir Doğan Fischer Haddad Hassan Hoffmann "
    "Ibrahimi Ivanova Jovanović Kaya Khan Koch Kovalenko Krüger Lange Mahmoud Mansour Meyer "
    "Müller Nowak Nguyen Öztürk Petrović Popescu Rahimi Richter Saleh Schmidt Schneider "
    "Schulz Shevchenko Sultani Tahir Wagner Weber Wolf Yilmaz Yousef Zimmermann Amiri Barzani "
    "Costa Dragan Eze Fofana Georgiou Horvat Jaber Kowalski Lopez Mensah Novak"
).split()
DUPLICATE_EVERY = 150


def _identity(rng: random.Random) -> tuple[list[str], dt.date]:
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 58 * 365))
    return [rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)], born


def _typo(rng: random.Random, name: str) -> str:
    """The name with one letter dropped or doubled (the commonest intake typos)."""
    at = rng.randint(1, len(name) - 1)
    if rng.random() < 0.5:
        return name[:at] + name[at + 1 :]
    return name[:at] + name[at] + name[at:]


def _code(index: int) -> str:
    """A three-letter pseudonym prefix per municipality (G + two letters)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "G" + letters[index // 26 % 26] + letters[index % 26]


def _pick(rng: random.Random, items: list | tuple, low: int, high: int) -> list:
    return rng.sample(items, min(len(items), rng.randint(low, high)))


def municipality(
    index: int,
    rng: random.Random,
    taxonomy: dict[str, list[str]],
    encoder: same_client.Encoder | None = None,
) -> Bundle:
    """One synthetic municipality with its districts, actors, offers, groups, users, cases."""
    b = Bundle()
    encoder = encoder or same_client.Encoder(same_client.DEV_SECRET)
    # A separate random stream for identities, so adding them left every other generated
    # value (and the bench figures measured on them) the same.
    # Reproducible sample data.
    names_rng = random.Random(f"identities-{index}")  # nosec B311
    identities: list[tuple[list[str], dt.date, str]] = []
    code = _code(index)
    mid = f"gen-{index:03d}"
    place = PLACES[index % len(PLACES)] + (
        f" {index // len(PLACES) + 1}" if index >= len(PLACES) else ""
    )
    b.node("Municipality", id=mid, name=f"{place} (synthetisch)", synthetic=True, sample=True)
    districts = [f"{mid}-d{k}" for k in range(len(DISTRICT_SUFFIXES))]
    for k, did in enumerate(districts):
        b.node(
            "District",
            id=did,
            name=f"{place}-{DISTRICT_SUFFIXES[k]}",
            municipality_id=mid,
            synthetic=True,
            sample=True,
        )
        b.edge(("District", "PART_OF", "Municipality"), did, mid)
        b.edge(("District", "NEIGHBOUR_OF", "District"), did, districts[(k + 1) % len(districts)])

    topics, languages = taxonomy["topic"], taxonomy["language"]
    groups, statuses = taxonomy["target group"], taxonomy["residence status"]
    actors = [f"{mid}-a{k}" for k in range(PER_MUNICIPALITY["actors"])]
    for k, aid in enumerate(actors):
        district = rng.choice(districts)
        b.node(
            "Actor",
            id=aid,
            name=f"Träger {k + 1} {place}",
            kind=rng.choice(model.ACTOR_KINDS),
            municipality_id=mid,
            district_id=district,
            synthetic=True,
            sample=True,
        )
        b.edge(("Actor", "LOCATED_IN", "District"), aid, district)
        if k and rng.random() < 0.75:
            b.edge(
                ("Actor", "COOPERATES_WITH", "Actor"),
                aid,
                rng.choice(actors[:k]),
                kind=rng.choice(model.COOPERATION_KINDS),
            )

    wgs = [f"{mid}-wg{k}" for k in range(17)]
    for k, wid in enumerate(wgs):
        b.node(
            "WorkingGroup",
            id=wid,
            name=f"Arbeitskreis {k + 1} {place}",
            aim="Austausch",
            municipality_id=mid,
            synthetic=True,
            sample=True,
        )
        organiser = actors[k]
        b.edge(("WorkingGroup", "ORGANISED_BY", "Actor"), wid, organiser)
        b.edge(("Actor", "MEMBER_OF", "WorkingGroup"), organiser, wid, role="organiser")
        for member in _pick(rng, actors[17:], 4, 16):
            b.edge(("Actor", "MEMBER_OF", "WorkingGroup"), member, wid, role="member")

    offers_by_topic: dict[str, list[str]] = {t: [] for t in topics}
    for k in range(PER_MUNICIPALITY["offers"]):
        oid = f"{mid}-o{k}"
        category = rng.choice(model.OFFER_CATEGORIES)
        covered = _pick(rng, topics, 1, 3)
        until = None
        if category == "project":
            until = f"{rng.choice((2025, 2026, 2027, 2028))}-{rng.randint(1, 12):02d}-28"
        actor = rng.choice(actors)
        b.node(
            "Offer",
            id=oid,
            name=f"{rng.choice(OFFER_WORDS)} {k + 1} ({place})",
            keywords=" ".join(covered),
            category=category,
            circle=rng.choice(model.CIRCLES),
            age_min=rng.choice((None, None, None, 16, 18, 27)),
            age_max=rng.choice((None, None, None, 26, 64)),
            residence_statuses=_pick(rng, statuses, 2, 5) if rng.random() < 0.2 else [],
            genders=["female"] if rng.random() < 0.05 else [],
            capacity=rng.randint(5, 60),
            waiting_days=rng.randint(0, 60),
            valid_from="2020-01-01",
            valid_until=until,
            municipality_id=mid,
            actor_id=actor,
            synthetic=True,
            sample=True,
        )
        b.edge(("Offer", "PROVIDED_BY", "Actor"), oid, actor)
        for topic in covered:
            b.edge(("Offer", "COVERS", "Topic"), oid, topic)
            offers_by_topic[topic].append(oid)
        for district in _pick(rng, districts, 1, 4):
            b.edge(("Offer", "SERVES", "District"), oid, district)
        for language in {"de", *_pick(rng, languages, 0, 3)}:
            b.edge(("Offer", "AVAILABLE_IN", "Language"), oid, language)
        for group in _pick(rng, groups, 0, 2):
            b.edge(("Offer", "FOR", "TargetGroup"), oid, group)

    case_managers = []
    for k in range(13):
        uid = f"{mid}-u{k}"
        roles = ["case_manager"] if k < 10 else ["coordination"] if k < 12 else ["network"]
        actor = actors[k % 8]
        b.node(
            "User",
            id=uid,
            username=f"{mid}-user{k}",
            display_name=f"Demo {k}",
            roles=roles,
            active=False,
            municipality_id=mid,
            actor_id=actor,
            synthetic=True,
            sample=True,
        )
        b.edge(("User", "WORKS_FOR", "Actor"), uid, actor)
        if k < 10:
            case_managers.append((uid, actor))

    for k in range(PER_MUNICIPALITY["cases"]):
        pseudonym = f"{code}-2026-{k + 1:04d}"
        uid, actor = rng.choice(case_managers)
        district = rng.choice(districts)
        year = rng.choice((2025, 2026))
        month = rng.randint(1, 12 if year == 2025 else 10)  # cases opened in the past only
        opened = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
        names, born = _identity(names_rng)
        if k % DUPLICATE_EVERY == DUPLICATE_EVERY - 1:
            earlier = [i for i in identities if i[2] != actor]
            if earlier:
                names, born, _ = names_rng.choice(earlier)
                names = [names[0], _typo(names_rng, names[1])]
        identities.append((names, born, actor))
        b.node(
            "Case",
            id=pseudonym,
            pseudonym=pseudonym,
            municipality_id=mid,
            actor_id=actor,
            district_id=district,
            phase=rng.choice(model.PHASES),
            intake_outcome="case_management",
            criteria=_pick(rng, model.INTAKE_CRITERIA, 1, 3),
            access_route=rng.choice(model.ACCESS_ROUTES),
            age_band=rng.choice(model.AGE_BANDS),
            residence_status=rng.choice(statuses),
            languages=_pick(rng, languages, 1, 2),
            opened_on=opened,
            version=1,
            match_key=same_client.to_text(encoder.key(names, born)),
            synthetic=True,
            sample=True,
        )
        b.edge(("Case", "HELD_BY", "Actor"), pseudonym, actor)
        b.edge(("Case", "MANAGED_BY", "User"), pseudonym, uid)
        b.edge(("Case", "LIVES_IN", "District"), pseudonym, district)
        needs = _pick(rng, topics, 1, 4)
        for topic in needs:
            b.edge(
                ("Case", "HAS_NEED", "Topic"),
                pseudonym,
                topic,
                status=rng.choice(model.NEED_STATUSES),
                since=opened,
            )
            b.edge(("Case", "CONSENT", "Topic"), pseudonym, topic, signed_on=opened)
        for number in range(PER_MUNICIPALITY["links_per_case"]):
            topic = rng.choice(needs)
            candidates = offers_by_topic[topic]
            if not candidates:
                continue
            b.edge(
                ("Case", "LINKED_TO", "Offer"),
                pseudonym,
                rng.choice(candidates),
                id=f"{pseudonym.lower()}-l{number + 1}",
                mode=rng.choice(model.LINK_MODES),
                status=rng.choice(model.LINK_STATUSES),
                topic=topic,
                since=opened,
                self_referral=False,
            )
    b.node("Counter", id=f"{code}-2026", value=PER_MUNICIPALITY["cases"])
    _history(b, random.Random(f"history-{index}"))  # nosec B311
    return b


# Share of memberships and cooperations that began or ended in the autumn of 2026, so "what
# changed since the last meeting" has something to show at every scale.
RECENT_SHARE = 0.05


def _history(b: Bundle, rng: random.Random) -> None:
    """First and last days for some actors, memberships and cooperations (a stream of its
    own, so every other generated value stays the same)."""
    autumn = [f"2026-{month:02d}-{day:02d}" for month in (9, 10, 11) for day in (1, 8, 15, 22)]
    for actor in b.nodes.get("Actor", []):
        if rng.random() < RECENT_SHARE / 2:
            actor["since"] = rng.choice(autumn)
    for key in (("Actor", "MEMBER_OF", "WorkingGroup"), ("Actor", "COOPERATES_WITH", "Actor")):
        for _, _, props in b.edges.get(key, []):
            draw = rng.random()
            if draw < RECENT_SHARE:
                props["since"] = rng.choice(autumn)
            elif draw < RECENT_SHARE * 1.5:
                props["since"], props["until"] = "2024-01-01", rng.choice(autumn)


def fill(
    graph: Graph,
    seed_dir: Path,
    scale: str,
    seed: int,
    progress: Callable[[int, str], Any] | None = None,
    chunk: int = 6,
    match_secret: str = same_client.DEV_SECRET,
) -> tuple[float, int]:
    """Fill an empty graph; return (seconds, nodes and relationships written)."""
    if scale not in SCALES:
        raise GraphError(f"unknown scale {scale!r}; use one of {', '.join(SCALES)}")
    started = time.perf_counter()
    graph.apply_schema()
    if not graph.query("meta.is_empty"):
        raise GraphError("the graph is not empty; generate fills an empty graph only")
    # The same seed gives the same graph, no secret.
    rng = random.Random(seed)  # nosec B311
    taxonomy_bundle, known = read_taxonomy(seed_dir)
    taxonomy = {kind: sorted(ids) for kind, ids in known.items()}
    count = SCALES[scale]
    encoder = same_client.Encoder(match_secret)
    estimate = 27_000 * count  # nodes and relationships per municipality, roughly
    total = loading.write(graph, taxonomy_bundle)
    bar = progress(estimate, f"generate {scale}") if progress else None
    try:
        for first in range(0, count, chunk):
            bundle = Bundle()
            for index in range(first, min(first + chunk, count)):
                bundle.extend(municipality(index, rng, taxonomy, encoder))
            total += loading.write(graph, bundle, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    return time.perf_counter() - started, total
