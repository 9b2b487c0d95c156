"""The spreadsheet upload cap comes from GRAPHSVC_IMPORT_MAX_MB, checked at start-up."""

from __future__ import annotations

import pytest

from graphsvc.config import ConfigError, from_env


def test_the_upload_cap_defaults_to_ten_mb_and_can_be_raised():
    assert from_env({}).import_max_mb == 10
    assert from_env({"GRAPHSVC_IMPORT_MAX_MB": "25"}).import_max_mb == 25


@pytest.mark.parametrize(
    "raw, message",
    [
        ("ten", "GRAPHSVC_IMPORT_MAX_MB='ten' is not a whole number"),
        ("0", "GRAPHSVC_IMPORT_MAX_MB=0 must be between 1 and 200"),
        ("500", "GRAPHSVC_IMPORT_MAX_MB=500 must be between 1 and 200"),
    ],
)
def test_a_bad_upload_cap_names_the_variable(raw, message):
    with pytest.raises(ConfigError, match=message):
        from_env({"GRAPHSVC_IMPORT_MAX_MB": raw})
