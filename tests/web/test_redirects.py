"""`next` addresses: only same-site relative paths are followed, anything else goes home;
a control character in `next` never reaches a header (no 500)."""

from __future__ import annotations

import pytest

HOSTILE = [
    "/%09/evil.example",  # a tab the browser drops: //evil.example
    "/%0A/evil.example",  # a newline: must not reach the Location header
    "/%0D/evil.example",
    "/%0D%0ASet-Cookie:%20x=1",
    "//evil.example",
    "///evil.example",
    "https://evil.example/",
    "/%5Cevil.example",  # a backslash the browser reads as a slash
    "%2F%2Fevil.example",
    "/\\/evil.example",
    " /evil.example",
    "javascript:alert(1)",
    "/%00/evil.example",
    "/%E2%80%8B/evil.example",  # a zero-width space
]


@pytest.mark.parametrize("target", HOSTILE)
def test_language_switch_never_redirects_off_site(client, target):
    answer = client.get(f"/lang/en?next={target}")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/"


@pytest.mark.parametrize("target", HOSTILE)
def test_login_never_redirects_off_site(client, auth, target):
    username = auth.user()
    answer = client.post(
        f"/login?next={target}",
        data={
            "username": username,
            "password": auth.PASSWORD,
            "csrf_token": auth.csrf(client, "/login"),
        },
    )
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/directory/?q=Wohnen", "/cases/HER-2026-0001", "/search"])
def test_a_local_path_with_its_query_is_followed(client, target):
    answer = client.get("/lang/en", query_string={"next": target})
    assert answer.headers["Location"] == target
