"""Fill German translations into de/messages.po from a JSON map {msgid: msgstr} on stdin."""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "graphsvc/translations/de/LC_MESSAGES/messages.po"
texts = json.load(sys.stdin)
catalog = read_po(PO.open("rb"))
for message in catalog:
    if message.id in texts:
        message.string = texts[message.id]
        message.flags.discard("fuzzy")
with PO.open("wb") as handle:
    write_po(handle, catalog, omit_header=False, width=100)
