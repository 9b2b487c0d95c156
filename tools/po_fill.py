"""Fill German translations into de/messages.po from a JSON map {msgid: msgstr} on stdin.

A plural message is keyed by its singular msgid and takes a list [singular, plural]."""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "graphsvc/translations/de/LC_MESSAGES/messages.po"
texts = json.load(sys.stdin)
catalog = read_po(PO.open("rb"))
for message in catalog:
    key = message.id[0] if isinstance(message.id, tuple) else message.id
    if key in texts:
        value = texts[key]
        message.string = tuple(value) if isinstance(value, list) else value
        message.flags.discard("fuzzy")
with PO.open("wb") as handle:
    write_po(handle, catalog, omit_header=False, width=100)
