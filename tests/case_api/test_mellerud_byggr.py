"""Mellerud's building-permit system plays its part through the case API, over HTTP against the
session's live server, with the standalone client in docs/examples/byggr_client.py (only
`requests`): it fetches Bengt Andersson's new application with its drawing, acknowledges it,
sets "handläggs", requests a completion and posts the decision with a PDF. After each step that
changes the case, Bengt's Mina sidor shows it and he gets one e-mail; replaying the decision
with the same key changes nothing. Åmål's system gets 404 for the case and its drawing, and
Mellerud's preschool system 404 for the building permit.

Everything is committed for the server thread to see, and deleted afterwards."""

import importlib.util
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "byggr_client.py"
DECISION_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load_client_module():
    spec = importlib.util.spec_from_file_location("byggr_client", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def world(live_url, django_db_blocker):
    """Bengt's building permit in Mellerud with a drawing, and three registered systems. The
    database stays open (committed, no transaction) for the server thread while the test runs."""
    from eservices.api.tests.factories import bengt, building_permit, make_client
    from portal.identity.models import CitizenIdentity

    with django_db_blocker.unblock():
        existed = CitizenIdentity.objects.filter(personal_identity_number="196408233234").exists()
        applicant = bengt()
        case = building_permit(applicant)
        clients = {
            "byggr": make_client("Mellerud ByggR", "mellerud", "bygglov"),
            "amal": make_client("Åmål ByggR", "amal", "bygglov"),
            "preschool": make_client("Mellerud förskolesystem", "mellerud", "forskola"),
        }
        try:
            yield {"case": case, "bengt": applicant, "clients": clients}
        finally:
            cleanup(case, clients, None if existed else applicant)


def cleanup(case, clients, applicant):
    from eservices.models import Case, CaseAttachment, CaseLog

    cases = Case.objects.filter(pk=case.pk)
    for attachment in CaseAttachment.objects.filter(case__in=cases):
        attachment.file.delete(save=False)
    CaseLog.objects.filter(case__in=cases).delete()
    cases.delete()
    for client, _client_id, _secret in clients.values():
        application, user = client.application, client.user
        client.delete()
        application.delete()
        user.delete()
    if applicant is not None:
        applicant.delete()


def my_pages(bengt, case) -> str:
    """Bengt's case page on Mina sidor, as he sees it signed in."""
    browser = Client()
    browser.force_login(bengt)
    response = browser.get(f"/mina-sidor/arenden/{case.public_id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_mellerud_byggr_handles_bengts_building_permit_through_the_api(live_url, world):
    from eservices.models import Case, CaseEvent, CaseLog

    byggr_client = load_client_module()
    case, bengt = world["case"], world["bengt"]
    _byggr, client_id, secret = world["clients"]["byggr"]
    api = byggr_client.CaseApi(live_url, client_id, secret)
    api.authenticate()
    mail.outbox.clear()

    def emails_to_bengt():
        return [m for m in mail.outbox if "bengt@example.org" in m.to]

    # Fetch the new application with its drawing.
    new = [row["reference"] for row in api.new_cases()]
    assert case.reference in new
    fetched = api.fetch(case.reference)
    assert fetched["applicant"]["personal_identity_number"] == "196408233234"
    (drawing,) = fetched["attachments"]
    assert drawing["name"] == "fasadritning.pdf"
    assert api.download(drawing).startswith(b"%PDF-")
    assert emails_to_bengt() == []

    # Acknowledge: the case leaves the list of new ones; Mina sidor says the municipality's
    # system has it, one e-mail. Acknowledging again changes nothing.
    assert api.acknowledge(case.reference).status_code == 200
    assert case.reference not in [row["reference"] for row in api.new_cases()]
    assert "Mottaget i kommunens verksamhetssystem" in my_pages(bengt, case)
    assert len(emails_to_bengt()) == 1
    assert api.acknowledge(case.reference).status_code == 200
    assert CaseEvent.objects.filter(case=case, type=CaseEvent.Type.RECEIVED).count() == 1
    assert len(emails_to_bengt()) == 1

    # "Handläggs": Mina sidor shows it, one e-mail.
    response = api.set_status(case.reference, "handlaggs")
    assert response.status_code == 200, response.text
    assert "Handläggs" in my_pages(bengt, case)
    assert len(emails_to_bengt()) == 2

    # A request for completion: Mina sidor asks for it, one more e-mail.
    missing = "Situationsplanen saknas. Skicka den som PDF."
    response = api.request_completion(case.reference, missing)
    assert response.status_code == 200, response.text
    page = my_pages(bengt, case)
    assert missing in page
    assert "Väntar på komplettering" in page
    assert len(emails_to_bengt()) == 3

    # The decision with its PDF: Mina sidor shows it, one more e-mail.
    text = "Bygglov ges för tillbyggnaden enligt ansökan och ritningarna."
    first = api.decide(case.reference, "bifall", text, DECISION_PDF, key="beslut-1")
    assert first.status_code == 200, first.text
    page = my_pages(bengt, case)
    assert text in page
    assert "Bifall" in page
    assert len(emails_to_bengt()) == 4

    # The same decision again with the same key: the same answer, nothing changes.
    events = CaseEvent.objects.filter(case=case).count()
    again = api.decide(case.reference, "bifall", text, DECISION_PDF, key="beslut-1")
    assert again.status_code == 200
    assert again.json() == first.json()
    assert len(emails_to_bengt()) == 4
    assert CaseEvent.objects.filter(case=case).count() == events
    assert Case.objects.get(pk=case.pk).status == Case.Status.DECIDED
    labels = set(
        CaseLog.objects.filter(case=case, role="system").values_list("actor_label", flat=True)
    )
    assert labels == {"Mellerud ByggR (system)"}
    decided = CaseEvent.objects.get(case=case, type=CaseEvent.Type.DECIDED)
    assert decided.actor.get_full_name() == "Mellerud ByggR (system)"

    # Åmål's system: 404 for the case and its drawing.
    _amal, amal_id, amal_secret = world["clients"]["amal"]
    amal = byggr_client.CaseApi(live_url, amal_id, amal_secret)
    amal.authenticate()
    assert amal.get(f"/api/v1/cases/{case.reference}/").status_code == 404
    assert amal.get(drawing["download_url"]).status_code == 404

    # Mellerud's preschool system: 404 for the building permit.
    _preschool, preschool_id, preschool_secret = world["clients"]["preschool"]
    preschool = byggr_client.CaseApi(live_url, preschool_id, preschool_secret)
    preschool.authenticate()
    assert preschool.get(f"/api/v1/cases/{case.reference}/").status_code == 404
    assert preschool.get(drawing["download_url"]).status_code == 404
