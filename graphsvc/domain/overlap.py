"""Duplicate structures: offers of different organisations that do the same thing for the same
people in the same place, scored, explained and clustered.

Two running offers of different organisations in one municipality are compared when they
share a topic. Each facet (topics, districts served, target groups, languages) is compared by
Jaccard similarity |A ∩ B| / |A ∪ B|; the combined score is their weighted mean. A pair is a
duplicate structure when every facet overlaps at all and the score reaches the threshold;
clusters are complete-linkage groups of those pairs (see `clusters`).

An empty set means "no restriction" (the directory and HSDS imports leave a field empty when
an offer is open to all), so it stands for the whole universe of that facet — all districts of
the municipality, all target groups, all languages. Treating it as "nothing" would give a
Jaccard of 0 and hide an offer open to everyone; treating it as the universe lets it overlap
with everybody, but only as much as the other offer is broad too (a city-wide offer and a
Wanne-only one share 1 of 4 districts: 0.25).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

FACETS = ("topics", "districts", "target_groups", "languages")

# What an offer does matters most: the network agrees "who does what" topic by topic.
WEIGHT_TOPICS = 0.4
# The same work in different districts is a division of labour, not a duplicate.
WEIGHT_DISTRICTS = 0.3
# The same topic for different groups (youth vs. seniors) is complementary.
WEIGHT_TARGET_GROUPS = 0.2
# Nearly every offer counsels in German, so sharing languages is the weakest evidence.
WEIGHT_LANGUAGES = 0.1
WEIGHTS = {
    "topics": WEIGHT_TOPICS,
    "districts": WEIGHT_DISTRICTS,
    "target_groups": WEIGHT_TARGET_GROUPS,
    "languages": WEIGHT_LANGUAGES,
}

# At 0.7 two offers must agree on what, where and for whom: identical topics and districts
# alone give exactly 0.7, so anything less needs matching groups and languages to make up for
# it. At Herne's seeds 0.6 listed 18 groups, many just "city-wide, German, one shared topic";
# 0.7 lists 11, led by the two known duplicate structures.
DEFAULT_MIN_SCORE = 0.7
# Below this the list fills with offers that merely share a topic: useless for a meeting.
LOWEST_MIN_SCORE = 0.3

# Target groups that mean "every migrant": the same as no restriction.
EVERYONE_TARGET_GROUPS = frozenset({"all-migrants"})
# The law assigns statutory services (Jobcentre, Foreigners' Office, youth welfare office) to
# one body each: two of them on the same topic are different duties, not something the
# network can agree to share out.
NOT_COMPARED_CATEGORIES = frozenset({"statutory"})


@dataclass(frozen=True)
class Offer:
    """A running offer with the sets it is compared by."""

    id: str
    name: str
    actor_id: str
    actor_name: str
    category: str | None
    topics: frozenset[str]
    districts: frozenset[str]
    target_groups: frozenset[str]
    languages: frozenset[str]

    def facet(self, name: str) -> frozenset[str]:
        """One of the four sets by name."""
        return getattr(self, name)


@dataclass(frozen=True)
class Overlap:
    """A scored pair of offers, with the per-facet similarity and what they share."""

    a: Offer
    b: Offer
    score: float
    similarity: dict[str, float]
    shared: dict[str, list[str]]
    # facets where one or both offers have no restriction (the sharing is "everyone")
    open_to_all: tuple[str, ...] = ()


@dataclass
class Cluster:
    """Offers that all overlap pairwise, and what all of them share."""

    offers: list[Offer]
    pairs: list[Overlap]
    shared: dict[str, list[str]] = field(default_factory=dict)

    @property
    def score(self) -> float:
        """The weakest pair of the cluster: every two of its offers overlap at least this much."""
        return min(p.score for p in self.pairs)

    @property
    def organisations(self) -> list[str]:
        """The organisations involved, by name."""
        return sorted({o.actor_name for o in self.offers})


@dataclass
class Clustering:
    """The clusters, and the duplicate pairs that link offers of two different clusters."""

    clusters: list[Cluster]
    between: list[Overlap]


def offer_from_row(row: Mapping, universe: Mapping[str, frozenset[str]]) -> Offer:
    """An Offer from a query row, empty or "everyone" sets widened to the facet's universe."""
    sets = {}
    for name in FACETS:
        values = frozenset(v for v in row.get(name) or () if v)
        if name == "target_groups" and values & EVERYONE_TARGET_GROUPS:
            values = frozenset()
        sets[name] = values or frozenset(universe.get(name, ()))
    return Offer(
        id=row["id"],
        name=row.get("name") or row["id"],
        actor_id=row["actor_id"],
        actor_name=row.get("actor_name") or row["actor_id"],
        category=row.get("category"),
        **sets,
    )


def is_running(row: Mapping, today: str) -> bool:
    """Started and not ended on `today` (ISO dates compare as strings)."""
    started = not row.get("valid_from") or row["valid_from"] <= today
    ended = bool(row.get("valid_until")) and row["valid_until"] < today
    return started and not ended


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|A ∩ B| / |A ∪ B|; two empty sets are not similar (there is nothing to compare)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def compare(a: Offer, b: Offer, universe: Mapping[str, frozenset[str]]) -> Overlap:
    """Score one pair and say what it shares."""
    similarity = {name: jaccard(a.facet(name), b.facet(name)) for name in FACETS}
    score = sum(WEIGHTS[name] * similarity[name] for name in FACETS)
    shared = {name: sorted(a.facet(name) & b.facet(name)) for name in FACETS}
    open_to_all = tuple(
        name
        for name in FACETS
        if universe.get(name) and shared[name] and set(shared[name]) == set(universe[name])
    )
    return Overlap(a, b, round(score, 3), similarity, shared, open_to_all)


def candidate_pairs(offers: Iterable[Offer]) -> set[tuple[str, str]]:
    """Pairs of offers of different organisations that share a topic (inverted index by topic).

    Only offers listed under the same topic are compared, so a municipality's few hundred
    offers give thousands of comparisons, not the square of all offers.
    """
    by_topic: dict[str, list[Offer]] = defaultdict(list)
    for offer in offers:
        if offer.category in NOT_COMPARED_CATEGORIES:
            continue
        for topic in offer.topics:
            by_topic[topic].append(offer)
    pairs: set[tuple[str, str]] = set()
    for members in by_topic.values():
        for a, b in combinations(members, 2):
            if a.actor_id != b.actor_id:
                pairs.add((a.id, b.id) if a.id < b.id else (b.id, a.id))
    return pairs


def duplicate_pairs(
    offers: Iterable[Offer],
    universe: Mapping[str, frozenset[str]],
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Overlap]:
    """Every pair that overlaps on all four facets with a score of at least `min_score`."""
    by_id = {o.id: o for o in offers}
    found = []
    for a_id, b_id in candidate_pairs(by_id.values()):
        overlap = compare(by_id[a_id], by_id[b_id], universe)
        if overlap.score >= min_score and all(overlap.shared[name] for name in FACETS):
            found.append(overlap)
    return sorted(found, key=lambda p: (-p.score, p.a.name, p.b.name))


def clusters(pairs: list[Overlap]) -> Clustering:
    """Complete-linkage clusters: groups in which every two offers of different organisations
    are a duplicate pair (an organisation's own offers are its own business, never a pair).

    Connected components would chain A~B~C into one group although A and C may share little
    (at Herne's seeds one component swallowed 70 offers); here two groups merge, strongest
    pair first, only when every offer of one overlaps every offer of the other. Pairs left
    between groups are kept and shown beside them.
    """
    score = {frozenset((p.a.id, p.b.id)): p for p in pairs}
    group_of: dict[str, int] = {}
    groups: dict[int, list[Offer]] = {}
    for pair in pairs:  # strongest first (duplicate_pairs sorts them)
        for offer in (pair.a, pair.b):
            if offer.id not in group_of:
                group_of[offer.id] = len(group_of)
                groups[group_of[offer.id]] = [offer]
        first, second = group_of[pair.a.id], group_of[pair.b.id]
        if first == second:
            continue
        if all(
            x.actor_id == y.actor_id or frozenset((x.id, y.id)) in score
            for x in groups[first]
            for y in groups[second]
        ):
            for offer in groups.pop(second):
                group_of[offer.id] = first
                groups[first].append(offer)
    inside: dict[int, list[Overlap]] = defaultdict(list)
    between = []
    for pair in pairs:
        if group_of[pair.a.id] == group_of[pair.b.id]:
            inside[group_of[pair.a.id]].append(pair)
        else:
            between.append(pair)
    result = []
    for number, members in groups.items():
        if len(members) < 2:  # its pairs all reach into other groups: listed in `between`
            continue
        members.sort(key=lambda o: (o.actor_name, o.name))
        shared = {
            name: sorted(frozenset.intersection(*(o.facet(name) for o in members)))
            for name in FACETS
        }
        result.append(Cluster(members, inside[number], shared))
    result.sort(key=lambda c: (-c.score, -len(c.offers), c.offers[0].name))
    return Clustering(result, between)
