"""A broken seed file names the file, the line and the field; nothing is half-read."""

from __future__ import annotations

import shutil

import pytest

from graphsvc.domain import seeds
from graphsvc.domain.yamlfile import SeedError
from tests.support import SEEDS


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def break_line(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return text[: text.index(old)].count("\n") + 1


def test_herne_seeds_read_cleanly():
    bundle = seeds.read(SEEDS)
    assert len(bundle.nodes["Offer"]) >= 80


def test_unknown_category_names_file_line_and_field(seed_copy):
    line = break_line(
        seed_copy / "herne/offers.yaml", "    category: counselling", "    category: advice"
    )
    with pytest.raises(SeedError) as error:
        seeds.read(seed_copy)
    message = str(error.value)
    assert "herne/offers.yaml" in message
    assert "field 'category'" in message
    assert "'advice' is not one of" in message
    assert message.startswith(f"herne/offers.yaml:{line}: ")


def test_unknown_reference_names_the_id(seed_copy):
    break_line(
        seed_copy / "herne/offers.yaml", "    actor: ", "    actor: no-such-actor\n    old_actor: "
    )
    with pytest.raises(
        SeedError, match=r"herne/offers.yaml:\d+: field 'actor': unknown actor id 'no-such-actor'"
    ):
        seeds.read(seed_copy)


def test_invalid_yaml_names_the_line(seed_copy):
    path = seed_copy / "herne/actors.yaml"
    path.write_text(path.read_text() + "\n  - id: [unclosed\n")
    with pytest.raises(SeedError, match=r"actors.yaml:\d+: not valid YAML"):
        seeds.read(seed_copy)


def test_link_without_consent_for_its_topic_is_refused(seed_copy):
    path = seed_copy / "herne/cases.yaml"
    text = path.read_text()
    path.write_text(text.replace("consents:", "consents_removed:", 1))
    with pytest.raises(SeedError, match="no valid confidentiality waiver"):
        seeds.read(seed_copy)


def test_sample_identities_become_keys_and_their_names_stay_in_the_file():
    bundle = seeds.read(SEEDS, match_secret="seed-test-secret-0123456789")
    keyed = {c["pseudonym"]: c["match_key"] for c in bundle.nodes["Case"] if "match_key" in c}
    assert {"HER-2026-0003", "HER-2026-0004", "HER-2026-0007", "HER-2026-0022"} <= set(keyed)
    text = repr(bundle.nodes) + repr(bundle.edges)
    for name in ("Rahimi", "Müller", "Mueller", "Kovalenko", "1991-04-17"):
        assert name not in text
    other = seeds.read(SEEDS, match_secret="another-secret-9876543210")
    assert all(
        c.get("match_key") != keyed.get(c["pseudonym"])
        for c in other.nodes["Case"]
        if "match_key" in c
    )


@pytest.mark.parametrize(
    "old, new, field",
    [
        ('case: "HER-2026-0003"', 'case: "HER-2026-9999"', "case"),
        ('birth_date: "1991-04-17"', 'birth_date: "2999-04-17"', "birth_date"),
        ('birth_date: "1972-09-30"', 'birth_date: "30.09.1972"', "birth_date"),
        ('family_name: "Rahimi"', 'family_name: "123"', "family_name"),
        ('case: "HER-2026-0004"', 'case: "HER-2026-0003"', "case"),  # a second identity
    ],
)
def test_a_broken_intake_identity_names_file_line_and_field(seed_copy, old, new, field):
    line = break_line(seed_copy / "herne/intake_identities.yaml", old, new)
    with pytest.raises(SeedError) as error:
        seeds.read(seed_copy)
    message = str(error.value)
    assert message.startswith(f"herne/intake_identities.yaml:{line}: field '{field}'"), message
