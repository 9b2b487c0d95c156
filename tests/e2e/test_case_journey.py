"""A case manager's day in the browser: search, intake with a multi-line note, waiver, link,
a refused link, the parallel-support warning, closing; every step checked for accessibility."""

from __future__ import annotations

import re

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import DESK, demo_login

PAGE_BUDGET_MS = 500


def choose_offer(page, text: str, name: str) -> None:
    """Type into the offer picker and choose the option whose name starts with `name`."""
    page.wait_for_load_state()  # the picker is built once the page's script ran
    picker = page.locator("#link-offer_id[role=combobox]")
    picker.fill("")
    picker.press_sequentially(text, delay=30)
    option = page.locator("#link-offer_id-options [role=option]", has_text=name).first
    option.wait_for()
    while picker.get_attribute("aria-activedescendant") != (option.get_attribute("id")):
        picker.press("ArrowDown")
    picker.press("Enter")
    assert page.locator("input[name=offer_id]").input_value()


def top_message(page, kind: str) -> str:
    """The message at the top of the page: 'success' (a status) or 'error' (a focused alert)."""
    page.wait_for_load_state()
    if kind == "error":
        alert = page.locator("#messages [role=alert], #parallel-warning").first
        alert.wait_for()
        assert page.evaluate("document.activeElement.matches('[role=alert]')")
    else:
        alert = page.locator("#messages .flash.success[role=status]").first
    box = alert.bounding_box()
    assert box and box["y"] < 500, f"the message is not at the top: {box}"
    return alert.inner_text()


def test_a_case_managers_day(live_server, open_page):
    page = open_page(DESK)
    page.on("dialog", lambda dialog: dialog.accept())
    demo_login(page, live_server, "cm.caritas1")
    assert page.url.endswith("/cases/"), "a case manager starts at the case list"
    a11y.check(page, "case list")

    # Search: needs as checkboxes, the proposal on top, compact cards.
    page.get_by_role("link", name="Vermittlungssuche").click()
    a11y.check(page, "search form")
    needs = page.locator("#topics")
    needs.get_by_label("Wohnen", exact=True).check()
    needs.get_by_label("Arbeitssuche und Bewerbung", exact=True).check()
    page.select_option("#district", "wanne")
    page.locator("#languages").get_by_label("Arabisch", exact=True).check()
    page.get_by_role("button", name="Suchen", exact=True).click()
    assert (
        page.locator("#help-network").bounding_box()["y"]
        < (page.locator("#results").bounding_box()["y"])
    ), "the help-network proposal comes first"
    assert page.locator("li.result-card").count() >= 10
    assert "KIM Case Management" in page.locator("#results").inner_text(), (
        "the KI's case management is a partner offer for a Caritas case manager"
    )
    a11y.check(page, "search results")
    page.locator("li.result-card details.explanation").first.locator("summary").click()
    a11y.check(page, "search results, one explanation open")
    search_ms = a11y.median_interactive_ms(page, page.url)

    # Intake with a note of two lines, typed as a user types it.
    page.get_by_role("link", name="Fälle", exact=True).click()
    page.get_by_role("link", name="Neuen Fall anlegen (Erstgespräch)").click()
    a11y.check(page, "intake form")
    page.select_option("#intake_outcome", "case_management")
    page.locator("#criteria").get_by_label("Mehrdimensionaler Unterstützungsbedarf").check()
    page.locator("#needs").get_by_label("Wohnen", exact=True).check()
    page.locator("#needs").get_by_label("Arbeit", exact=True).check()
    page.select_option("#district_id", "wanne")
    page.select_option("#access_route", "self_referral")
    page.select_option("#age_band", "27-44")
    page.select_option("#gender", "male")
    page.select_option("#residence_status", "protection-granted")
    page.locator("#languages").get_by_label("Arabisch", exact=True).check()
    page.locator("#notes").click()
    page.keyboard.type("Sucht eine Wohnung für drei Personen")
    page.keyboard.press("Enter")
    page.keyboard.type("Folgetermin im Januar")
    page.get_by_role("button", name="Fall anlegen").click()
    assert "angelegt" in top_message(page, "success")
    case_url = page.url
    page.locator("details.case-notes summary").click()
    assert page.locator("#case-notes").inner_text().splitlines() == [
        "Sucht eine Wohnung für drei Personen",
        "Folgetermin im Januar",
    ]
    assert "Datenschutzerklärung" in page.locator("#next-step").inner_text()
    a11y.check(page, "new case")

    # A link without a waiver is refused, and says so at the top and beside the field.
    choose_offer(page, "Wohnungslotsen", "Wohnungslotsen Wanne")
    page.select_option("#link-topic", "housing")
    page.get_by_role("button", name="Angebot verknüpfen").click()
    message = top_message(page, "error")
    assert "Schweigepflichtentbindung" in message
    assert "Die Person geht selbst hin" in page.locator("#link-topic-errors").inner_text()
    assert page.locator("li.link-card").count() == 0
    a11y.check(page, "link refused")

    # Documents and the waiver, each saved with a message.
    page.fill("#documents-privacy_notice_on", "2026-11-02")
    page.fill("#documents-agreement_signed_on", "2026-11-02")
    page.get_by_role("button", name="Dokumente speichern").click()
    assert "gespeichert" in top_message(page, "success")
    page.get_by_role("button", name="Entbindung eintragen (Wohnen)").click()
    assert "Wohnen" in top_message(page, "success")
    a11y.check(page, "waiver recorded")

    # The link, then the partner's answer with a feedback of two lines.
    choose_offer(page, "Wohnungslotsen", "Wohnungslotsen Wanne")
    page.select_option("#link-topic", "housing")
    page.get_by_role("button", name="Angebot verknüpfen").click()
    assert "verknüpft" in top_message(page, "success")
    card = page.locator("li.link-card[data-status=proposed]")
    assert card.count() == 1
    card.locator("summary").click()
    card.locator("select[name=status]").select_option("accepted")
    card.locator("textarea[name=feedback]").click()
    page.keyboard.type("Erstgespräch am Montag")
    page.keyboard.press("Enter")
    page.keyboard.type("Unterlagen mitbringen")
    card.get_by_role("button", name="Status speichern").click()
    assert "angenommen" in top_message(page, "success")
    feedback = page.locator("li.link-card[data-status=accepted] .feedback").inner_text()
    assert "Erstgespräch am Montag\nUnterlagen mitbringen" in feedback
    a11y.check(page, "link accepted")

    # A second partner for the same need: the warning asks for a reason at the top.
    choose_offer(page, "Wohnraumberatung", "Wohnraumberatung für Geflüchtete in Wanne")
    page.select_option("#link-topic", "housing")
    page.get_by_role("button", name="Angebot verknüpfen").click()
    assert "Parallelbetreuung" in top_message(page, "error")
    a11y.check(page, "parallel-support warning")
    page.fill("#parallel-reason", "Tandem mit der AWO abgestimmt")
    page.get_by_role("button", name="Trotzdem verknüpfen, mit dieser Begründung").click()
    assert "verknüpft" in top_message(page, "success")
    assert "Tandem mit der AWO abgestimmt" in page.locator("li.link-card .reason").inner_text()
    case_ms = a11y.median_interactive_ms(page, case_url)

    # Close: end the links, walk the phases, an outcome per need.
    for status in ("active", "completed"):
        card = page.locator("li.link-card", has_text="Wohnungslotsen Wanne")
        card.locator("summary").click()
        card.locator("select[name=status]").select_option(status)
        card.get_by_role("button", name="Status speichern").click()
        top_message(page, "success")
    card = page.locator("li.link-card", has_text="Wohnraumberatung")
    card.locator("summary").click()
    card.locator("select[name=status]").select_option("cancelled")
    card.get_by_role("button", name="Status speichern").click()
    for phase in ("assessment", "linking", "monitoring", "evaluation"):
        page.select_option("#phase-phase", phase)
        page.get_by_role("button", name="Phase ändern").click()
        assert "Phase geändert" in top_message(page, "success")
    a11y.check(page, "evaluation")
    page.select_option("#close-outcome_housing", "met")
    page.select_option("#close-outcome_work", "unmet")
    page.get_by_role("button", name="Fall abschließen").click()
    assert "abgeschlossen" in top_message(page, "success")
    assert page.locator("#phase").inner_text() == "Abgeschlossen"
    a11y.check(page, "closed case")

    assert search_ms <= PAGE_BUDGET_MS, f"search results interactive after {search_ms:.0f} ms"
    assert case_ms <= PAGE_BUDGET_MS, f"case page interactive after {case_ms:.0f} ms"


def test_the_search_from_a_case_keeps_the_client_and_marks_linked_offers(live_server, open_page):
    page = open_page(DESK)
    demo_login(page, live_server, "cm.ki1")
    page.goto(live_server + "/cases/HER-2026-0005")
    page.locator("#search-for-case").click()
    query = page.url
    for kept in ("age_band=18-26", "gender=male", "district=wanne", "languages=fa"):
        assert kept in query, kept
    assert re.findall(r"topics=([\w-]+)", query) == ["housing"], "only the needs still open"
    summary = page.locator("#search-summary").inner_text()
    assert "Altersgruppe 18-26" in summary and "männlich" in summary
    assert page.locator("li.result-card[data-linked]").count() >= 1
    results = page.locator("#results").inner_text()
    assert "Frauenhaus" not in results, "a women's shelter is no offer for a male client"
    assert "KIM Case Management" not in results, "the KI's own case management is no partner"
    a11y.check(page, "search from a case")


def test_intake_to_link_with_the_keyboard_alone(live_server, open_page):
    page = open_page(DESK)
    demo_login(page, live_server, "cm.caritas2")
    page.goto(live_server + "/cases/new")

    def tab_to(selector: str, limit: int = 250) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def choose(selector: str, label: str) -> None:
        tab_to(selector)
        page.keyboard.type(label)  # a focused select picks the option typed

    choose("#intake_outcome", "Case Management")
    choose("#access_route", "Selbstmeldung")
    tab_to("#needs input[value=housing]")
    page.keyboard.press("Space")
    choose("#district_id", "Sodingen")
    choose("#age_band", "45")
    choose("#residence_status", "Niederlassung")
    tab_to("#notes")
    page.keyboard.type("Erste Zeile")
    page.keyboard.press("Enter")
    page.keyboard.type("Zweite Zeile")
    tab_to("button[type=submit]:not(.link)")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cases/HER-"))
    tab_to("#consent-housing-signed_on + button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#messages .flash.success")
    tab_to("#link-offer_id")
    page.keyboard.type("Mieter")
    page.wait_for_selector("#link-offer_id-options [role=option]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    choose("#link-topic", "Wohnen")
    tab_to(".link-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#messages .flash.success")
    assert page.locator("li.link-card[data-status=proposed]").count() == 1
    a11y.check(page, "linked with the keyboard")
