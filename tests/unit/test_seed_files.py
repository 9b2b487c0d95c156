"""A broken seed file names the file, the line and the field; nothing is half-read."""

from __future__ import annotations

import shutil

import pytest

from graphsvc.domain import seeds
from graphsvc.domain.yamlfile import SeedError
from tests.conftest import SEEDS


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
