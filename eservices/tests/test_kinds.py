"""The registry of e-services (eservices.kinds): a fourth e-service, defined here and nowhere
else, is applied for, handled and decided through the real views, without any change to the
shared code. And the three built-in e-services are registered as they were."""

import datetime
import uuid

import pytest
from django import forms
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eservices import kinds
from eservices.forms import ApplicationForm, DateInput
from eservices.kinds import AnswerSection, EServiceKind, Kind
from eservices.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseLog,
    EService,
    Notification,
    parse_date,
)
from portal.identity.models import EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin
from portal.tests.pdf_inspection import extracted_text

pytestmark = pytest.mark.django_db

APPLY = "/e-tjanster/torgplats/ansok/?kommun=amal"


# The fourth e-service ------------------------------------------------------------------------


class MarketStallForm(ApplicationForm):
    GOODS = [
        ("livsmedel", "Livsmedel"),
        ("hantverk", "Hantverk"),
        ("loppis", "Begagnade saker"),
    ]

    market_day = forms.DateField(
        label="Torgdag",
        widget=DateInput,
        error_messages={"required": "Skriv vilken dag du vill stå på torget."},
    )
    goods = forms.ChoiceField(label="Vad säljer du?", choices=GOODS, widget=forms.RadioSelect)
    stall_metres = forms.IntegerField(label="Platsens längd i meter", min_value=1, max_value=12)

    sections = [
        ("Torgplatsen", "", ["market_day", "goods", "stall_metres"]),
        ("Du som ansöker", "", ["email", "phone"]),
        ("Intygande", "", ["declaration"]),
    ]

    def clean_market_day(self):
        day = self.cleaned_data["market_day"]
        if day < timezone.localdate():
            raise forms.ValidationError("Torgdagen har redan varit.")
        return day


class MarketStall(EServiceKind):
    """Ansökan om torgplats: decided at the latest a week before the market day."""

    slug = "torgplats"
    name = "Ansökan om torgplats"
    constant = "MARKET_STALL"
    order = 40
    reference_prefix = "TRG"
    retention_days = 90
    permission = "handle_market_stall"
    permission_name = "Handlägga ansökningar om torgplats"
    form_class = MarketStallForm
    summary = "Sök en plats på torget för en dag."
    lead = "Sälj på torget: ansök senast två veckor före torgdagen."
    before_you_start = ("Bestäm hur lång plats du behöver.",)
    answer_sections = (AnswerSection("Torgplatsen", ("market_day", "goods", "stall_metres")),)
    answer_labels = {
        "market_day": "Önskad torgdag",
        "goods": "Säljer",
        "stall_metres": "Platsens längd",
    }
    value_suffixes = {"stall_metres": "m"}
    appeal = "Torgbeslut prövas genom laglighetsprövning."
    deadline_rule = "Beslut ska fattas senast en vecka före torgdagen."
    deadline_label = "Besked senast"

    def deadline(self, case):
        day = parse_date(case.data.get("market_day"))
        return day - datetime.timedelta(days=7) if day else None

    def on_submitted(self, case):
        case.data["checked_by_kind"] = True

    def next_steps(self, case):
        return ["Torgvärden hör av sig före torgdagen."]


@pytest.fixture
def market_stall():
    kind = kinds.register(MarketStall())
    try:
        kinds.ensure_permissions([kind])
        EService.objects.create(
            kind=kind.slug,
            municipality=Municipality.objects.get(slug="amal"),
            notification_email="torg@amal.example.org",
        )
        yield kind
    finally:
        kinds.unregister(kind.slug)


def answers(**overrides):
    market_day = timezone.localdate() + datetime.timedelta(days=30)
    data = {
        "market_day": market_day.isoformat(),
        "goods": "hantverk",
        "stall_metres": "3",
        "email": "emma.karlsson@example.se",
        "declaration": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data


def market_handler(slug="amal", *codenames):
    user = UserFactory(first_name="Tora", last_name="Torgvärd")
    EmployeeProfile.objects.create(user=user, municipality=Municipality.objects.get(slug=slug))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="eservices", codename__in=codenames)
    )
    return user


# Apply → handle → decide -------------------------------------------------------------------


def test_a_fourth_e_service_is_applied_for_handled_and_decided(market_stall, client, emma):
    # It is offered like the others.
    html = client.get("/e-tjanster/").content.decode()
    assert "Ansökan om torgplats" in html and "Sök en plats på torget för en dag." in html
    assert "/e-tjanster/torgplats/ansok/?kommun=amal" in html
    html = client.get("/e-tjanster/torgplats/").content.decode()
    assert "Bestäm hur lång plats du behöver." in html
    assert f'href="{APPLY}"' in html

    # Emma applies: a mistake keeps the draft, the second send submits it.
    client.force_login(emma)
    html = client.get(APPLY).content.decode()
    assert 'name="stall_metres"' in html and "Ansökan går till Åmåls kommun" in html
    key = str(uuid.uuid4())
    response = client.post(APPLY, {"submission_key": key, **answers(stall_metres="")})
    assert response.status_code == 400
    assert "Det du har skrivit är sparat som ett utkast" in response.content.decode()
    draft = Case.objects.get(applicant=emma)
    assert draft.status == Case.Status.DRAFT and draft.data["goods"] == "hantverk"

    response = client.post(APPLY, {"submission_key": key, **answers()})

    case = Case.objects.get(applicant=emma)
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/kvitto/"
    assert case.status == Case.Status.SUBMITTED
    assert case.reference.startswith("TRG-1492-")
    assert case.eservice.retention_days == 90
    assert case.data["stall_metres"] == 3 and case.data["checked_by_kind"] is True
    assert case.deadline == parse_date(case.data["market_day"]) - datetime.timedelta(days=7)
    # The same form sent again gives the first receipt, not a second case.
    again = client.post(APPLY, {"submission_key": key, **answers()})
    assert again["Location"] == response["Location"]
    assert Case.objects.filter(applicant=emma).count() == 1
    receipt = client.get(response["Location"]).content.decode()
    assert case.reference in receipt
    assert "Torgvärden hör av sig före torgdagen." in receipt
    assert "Säljer" in receipt and "Hantverk" in receipt  # the answers, by the kind's labels
    assert Notification.objects.filter(case=case, recipient="torg@amal.example.org").exists()

    # Tora handles market stalls in Åmål: the case is in her queue, and she opens it.
    tora = Client()
    sign_in_for_admin(tora, market_handler("amal", "handle_market_stall"))
    html = tora.get("/handlaggning/").content.decode()
    assert "Ansökan om torgplats" in html and 'href="/handlaggning/torgplats/"' in html
    html = tora.get("/handlaggning/torgplats/").content.decode()
    assert case.reference in html and "Besked senast" in html
    page = tora.get(reverse("eservices_handler_case", args=[case.public_id]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Beslut ska fattas senast en vecka före torgdagen." in html
    assert "<dt>Säljer</dt><dd>Hantverk</dd>" in html
    assert "<dt>Platsens längd</dt><dd>3 m</dd>" in html
    assert CaseLog.objects.filter(case=case, action=CaseLog.Action.VIEW, role="handläggare")

    # She records the decision; the document says how to appeal, as the kind says.
    response = tora.post(
        reverse("eservices_handler_decide", args=[case.public_id]),
        {"beslut-outcome": Case.Outcome.APPROVED, "beslut-text": "Plats 4 vid fontänen."},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED
    decision = CaseAttachment.objects.get(case=case, type=CaseAttachment.Type.DECISION)
    with decision.file.open("rb") as handle:
        text = " ".join(extracted_text(handle.read()).split())
    assert " ".join(str(MarketStall.appeal).split()) in text
    assert list(case.events.values_list("type", flat=True)) == [
        CaseEvent.Type.CREATED,
        CaseEvent.Type.SUBMITTED,
        CaseEvent.Type.DECIDED,
    ]

    # Emma reads the decision on Mina sidor.
    html = client.get(f"/mina-sidor/arenden/{case.public_id}/").content.decode()
    assert "Beslut: Bifall" in html and "Plats 4 vid fontänen." in html


def test_the_fourth_e_service_is_handled_only_with_its_permission_in_its_municipality(
    market_stall, client, emma
):
    client.force_login(emma)
    client.post(APPLY, {"submission_key": str(uuid.uuid4()), **answers()})
    case = Case.objects.get(applicant=emma)
    case_path = reverse("eservices_handler_case", args=[case.public_id])

    builder = Client()
    sign_in_for_admin(builder, market_handler("amal", "handle_building_permit"))
    other_town = Client()
    sign_in_for_admin(other_town, market_handler("mellerud", "handle_market_stall"))

    assert builder.get("/handlaggning/torgplats/").status_code == 404
    assert builder.get(case_path).status_code == 404
    assert other_town.get(case_path).status_code == 404

    # The portal's second-factor rule knows the new e-service's handlers from the registry: one
    # without a second factor is led to set one up, like every other handler.
    unverified = Client()
    unverified.force_login(market_handler("amal", "handle_market_stall"))
    response = unverified.get(case_path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_fourth_e_service_is_a_choice_of_the_model_and_of_the_former_kind(market_stall):
    eservice = EService.objects.get(kind="torgplats")

    eservice.full_clean()
    assert eservice.get_kind_display() == "Ansökan om torgplats"
    assert ("torgplats", "Ansökan om torgplats") in Kind.choices
    assert Kind.MARKET_STALL == "torgplats"
    assert Permission.objects.filter(codename="handle_market_stall").exists()


def test_an_unregistered_e_service_has_no_pages(client, db):
    kinds.register(MarketStall())
    kinds.unregister("torgplats")

    assert client.get("/e-tjanster/torgplats/").status_code == 404
    assert "torgplats" not in Kind.values


def test_a_case_of_an_e_service_taken_out_is_no_longer_shown_and_nothing_breaks(
    market_stall, client, emma
):
    client.force_login(emma)
    client.post(APPLY, {"submission_key": str(uuid.uuid4()), **answers()})
    case = Case.objects.get(applicant=emma)
    kinds.unregister("torgplats")

    assert client.get(f"/mina-sidor/arenden/{case.public_id}/").status_code == 404
    my_pages = client.get("/mina-sidor/")
    assert my_pages.status_code == 200
    assert case.reference not in my_pages.content.decode()
    assert Case.objects.filter(pk=case.pk).exists()  # kept, and purged in its time


# The built-in e-services -----------------------------------------------------------------------


def test_the_built_in_e_services_are_registered_in_order():
    registered = [(kind.slug, kind.reference_prefix, kind.retention_days) for kind in kinds.all()]

    assert registered == [
        ("forskola", "FSK", 730),
        ("uppsagning", "UPS", 730),
        ("skolval", "SKV", 730),
        ("bygglov", "BYG", 365),
    ]
    assert [kind.value for kind in Kind] == ["forskola", "uppsagning", "skolval", "bygglov"]
    assert Kind.PRESCHOOL == "forskola" and Kind.BUILDING_PERMIT.label == "Bygglov"


def test_a_slug_or_reference_prefix_cannot_be_taken_twice():
    class Again(MarketStall):
        slug = "forskola"

    class SamePrefix(MarketStall):
        reference_prefix = "BYG"

    with pytest.raises(ValueError):
        kinds.register(Again())
    with pytest.raises(ValueError):
        kinds.register(SamePrefix())
    assert kinds.find("torgplats") is None
