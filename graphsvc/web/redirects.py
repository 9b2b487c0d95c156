"""Where a `next` address may lead: only a path of this site, never another host."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit


def local_target(target: object, fallback: str) -> str:
    """`target` when it is a same-site relative path, else `fallback`.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash, so
    "/\\t/evil.example" and "/\\\\evil.example" lead to another host although they start with
    one slash: any control, separator or format character and any backslash is refused, and
    only then is the path checked for a scheme or a host. A refused target never reaches a
    header, so a newline cannot split the answer either.
    """
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or any(unicodedata.category(ch)[0] in "CZ" for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    return target
