"""The PDF writer draws any text: characters outside latin-1 are replaced, never a crash."""

from __future__ import annotations

import io

import pypdf

from graphsvc.services import gaps_pdf


def _document(text: str) -> dict:
    return {
        "title": f"Lückenanalyse: {text}",
        "meta": [("Zeitraum", "2026-01-01 – 2026-12-31")],
        "date": "25. November 2026",
        "heat": {
            "title": "Bedarf und Angebot",
            "legend": [(5, "Bedarf ohne jedes Angebot"), (None, "× verborgen")],
            "columns": ["Eickel", "Wanne"],
            "rows": [
                {
                    "label": text,
                    "cells": [
                        {"level": 5, "text": "6", "sub": "0 Ang."},
                        {"level": None, "text": "×", "sub": "3 Ang."},
                    ],
                }
            ],
        },
        "tables": [{"title": "Sprachlücken", "columns": ["Sprache", "n"], "rows": [[text, "5"]]}],
        "method_title": "Methode",
        "method": ["Schutz kleiner Fallzahlen: ≥ 5 „Fälle“ …"],
        "footer": "Seite",
    }


def test_non_latin_text_is_replaced_and_german_umlauts_stay():
    assert gaps_pdf.latin1("ትግርኛ – Größe „x“ ≥ 5") == '???? - Größe "x" >= 5'


def test_a_report_with_tigrinya_names_renders_and_reads_back():
    pdf = gaps_pdf.render(_document("ትግርኛ (Tigrinya)"))
    assert pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Lückenanalyse" in text and "(Tigrinya)" in text and "Methode" in text
