"""Match keys (CLK Bloom filters): the same person scores high despite typos, swapped names
and umlaut spellings; different people with the same birth date score low."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from graphsvc.domain import same_client as mk

SECRET = "unit-test-secret-0123456789"
THRESHOLD = mk.DEFAULT_THRESHOLD
BORN = dt.date(1985, 3, 12)


def score(a: list[str], b: list[str], born_a=BORN, born_b=BORN, secret=SECRET) -> float:
    encoder = mk.Encoder(secret)
    return mk.dice(encoder.key(a, born_a), encoder.key(b, born_b))


def test_the_same_person_scores_one():
    assert score(["Ahmad", "Hassan"], ["Ahmad", "Hassan"]) == 1.0


@pytest.mark.parametrize(
    "written, typed",
    [
        (["Ahmad", "Hassan"], ["Ahmad", "Hasan"]),
        (["Mohammad", "Rahimi"], ["Mohamad", "Rahimi"]),
        (["Katharina", "Schneider"], ["Katarina", "Schneider"]),
        (["Ahmad", "Hassan"], ["Ahmed", "Hasan"]),  # two typos
    ],
)
def test_typos_in_the_name_stay_above_the_threshold(written, typed):
    assert score(written, typed) >= THRESHOLD


def test_swapped_first_and_family_name_give_the_same_key():
    assert score(["Thi Lan", "Nguyen"], ["Nguyen", "Thi Lan"]) == 1.0


@pytest.mark.parametrize(
    "a, b",
    [
        (["Katharina", "Müller"], ["Katharina", "Mueller"]),
        (["Jürgen", "Schröder"], ["Juergen", "Schroeder"]),
        (["Hans", "Strauß"], ["Hans", "Strauss"]),
        (["ÄNNE", "MÜLLER"], ["änne", "müller"]),
    ],
)
def test_umlaut_spellings_give_the_same_key(a, b):
    assert score(a, b) == 1.0


@pytest.mark.parametrize(
    "a, b",
    [
        (["Emre", "Çelik"], ["Emre", "Celik"]),
        (["Fatima", "Al-Amin"], ["Fatima", "Amin"]),
        (["Karl", "von der Heide"], ["Karl", "Heide"]),
        (["Dragan", "Petrović"], ["Dragan", "Petrovic"]),
        (["Sean", "O'Neill"], ["Sean", "ONeill"]),
    ],
)
def test_accents_particles_and_apostrophes_are_normalised(a, b):
    assert score(a, b) == 1.0


def test_umlaut_written_without_e_still_scores_above_the_threshold():
    assert score(["Jürgen", "Müller"], ["Jurgen", "Muller"]) >= THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        (["Ahmad", "Hassan"], ["Olena", "Kovalenko"]),
        (["Ali", "Yilmaz"], ["Aylin", "Yildiz"]),
        (["Olena", "Kovalenko"], ["Ahmad", "Sultani"]),
        (["Maria", "Schmidt"], ["Mariam", "Saleh"]),
    ],
)
def test_different_people_with_the_same_birth_date_score_below_the_threshold(a, b):
    assert score(a, b) < THRESHOLD


def test_the_same_name_with_another_birth_date_scores_below_the_threshold():
    assert score(["Ahmad", "Hassan"], ["Ahmad", "Hassan"], born_b=dt.date(1990, 7, 1)) < THRESHOLD


def test_a_typo_in_one_part_of_the_birth_date_stays_above_the_threshold():
    later = dt.date(1985, 3, 21)
    assert score(["Ahmad", "Hassan"], ["Ahmad", "Hassan"], born_b=later) >= THRESHOLD


def test_another_secret_gives_unrelated_keys():
    one = mk.Encoder(SECRET).key(["Ahmad", "Hassan"], BORN)
    other = mk.Encoder("another-secret-9876543210").key(["Ahmad", "Hassan"], BORN)
    assert mk.dice(one, other) < 0.35


def test_key_text_has_a_fixed_length_and_reads_back():
    key = mk.Encoder(SECRET).key(["Li"], BORN)
    text = mk.to_text(key)
    assert len(text) == mk.HEX_LENGTH and mk.from_text(text) == key
    with pytest.raises(mk.MatchKeyError):
        mk.from_text("abc")


def test_a_name_without_letters_cannot_be_encoded():
    with pytest.raises(mk.MatchKeyError):
        mk.Encoder(SECRET).key(["1234", "--"], BORN)


@pytest.mark.parametrize(
    "born, ok",
    [
        (dt.date(2026, 11, 24), True),
        (dt.date(2026, 11, 25), False),  # today
        (dt.date(2030, 1, 1), False),
        (dt.date(1906, 1, 1), True),
        (dt.date(1905, 12, 31), False),
    ],
)
def test_birth_date_must_lie_in_the_past_and_be_plausible(born, ok):
    today = dt.date(2026, 11, 25)
    if ok:
        mk.check_birth_date(born, today)
    else:
        with pytest.raises(mk.MatchKeyError):
            mk.check_birth_date(born, today)


def test_best_matches_are_sorted_and_honour_the_threshold():
    encoder = mk.Encoder(SECRET)
    others = [
        mk.Keyed("A", "org-1", encoder.key(["Ahmad", "Hassan"], BORN)),
        mk.Keyed("B", "org-2", encoder.key(["Ahmad", "Hasan"], BORN)),
        mk.Keyed("C", "org-2", encoder.key(["Olena", "Kovalenko"], BORN)),
    ]
    found = mk.best_matches(encoder.key(["Ahmad", "Hassan"], BORN), others, THRESHOLD)
    assert [k.pseudonym for k, _ in found] == ["A", "B"]
    assert found[0][1] > found[1][1]


def test_all_pairs_equals_brute_force_across_organisations_only():
    rng = random.Random(5)
    encoder = mk.Encoder(SECRET)
    names = ["Ahmad", "Hassan", "Olena", "Kovalenko", "Ali", "Yilmaz", "Maria", "Schmidt"]
    items = []
    for n in range(120):
        given, family = rng.choice(names), rng.choice(names)
        born = dt.date(1980 + rng.randint(0, 3), rng.randint(1, 2), rng.randint(1, 3))
        if n % 10 == 9:  # a typo'd copy of an earlier one
            earlier = items[n - 5]
            given, family, born = *earlier[1], earlier[2]
            family = family[:-1]
        items.append((f"P{n:03d}", [given, family], born, f"org-{rng.randint(1, 3)}"))
    keyed = [mk.Keyed(p, org, encoder.key(ns, b)) for p, ns, b, org in items]
    brute = {
        (a.pseudonym, b.pseudonym)
        for i, a in enumerate(keyed)
        for b in keyed[i + 1 :]
        if a.actor_id != b.actor_id and mk.dice(a.key, b.key) >= THRESHOLD
    }
    found = mk.all_pairs(keyed, THRESHOLD)
    assert {(a.pseudonym, b.pseudonym) for a, b, _ in found} == brute
    assert brute  # the crafted copies give pairs
    assert all(a.actor_id != b.actor_id for a, b, _ in found)
