"""Applying for a preschool place, a school and a building permit, as a resident would: drafts,
errors, submitting once, the receipt, and the manual route for protected identities."""

import uuid

import pytest
from django.core import mail
from django.forms import ValidationError
from django.utils import timezone

from eservices.kinds.building_permit import parse_property_designation
from eservices.models import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseLog,
    EService,
    FeeCeiling,
    Notification,
    Unit,
)

from .factories import (
    CHILD,
    JONAS,
    building_answers,
    drawing,
    make_citizen,
    preschool_answers,
)

APPLY_PRESCHOOL = "/e-tjanster/forskola/ansok/?kommun=amal"
APPLY_PERMIT = "/e-tjanster/bygglov/ansok/"


def post(client, url, data, key=None):
    return client.post(url, {"submission_key": str(key or uuid.uuid4()), **data})


def test_applying_needs_an_e_id_login(client, db):
    response = client.get(APPLY_PRESCHOOL)

    assert response.status_code == 302
    assert response["Location"].startswith("/mina-sidor/logga-in/?next=")


def test_an_employee_session_cannot_apply(employee_client):
    response = employee_client.get(APPLY_PRESCHOOL, follow=True)

    assert response.redirect_chain[-1][0].startswith("/mina-sidor/logga-in/")


def test_a_protected_identity_is_guided_to_the_manual_route(client, db):
    linnea = make_citizen("linnea", "198504129829", "Linnea", "Holm", protected_identity=True)
    client.force_login(linnea)

    response = client.get(APPLY_PRESCHOOL)

    html = response.content.decode()
    assert "Du har skyddade personuppgifter" in html
    assert "0532-170 00" in html  # Åmål's switchboard
    assert 'name="child_number"' not in html
    response = post(client, APPLY_PRESCHOOL, preschool_answers())
    assert not Case.objects.filter(applicant=linnea).exists()


def test_the_form_offers_only_the_municipalitys_own_units(client, emma):
    client.force_login(emma)

    html = client.get(APPLY_PRESCHOOL).content.decode()

    assert "Förskolan Solrosen" in html
    assert "Förskolan Linden" not in html  # Mellerud
    assert "Rösparksskolan" not in html  # a school, not a preschool


def test_errors_are_shown_in_swedish_and_nothing_typed_is_lost(client, emma):
    client.force_login(emma)

    response = post(
        client,
        APPLY_PRESCHOOL,
        preschool_answers(child_number="20240512-9807", household_income="", declaration=""),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Det finns fel i formuläret" in html
    assert "Personnumret är inte giltigt" in html
    assert "Skriv hushållets inkomst, eller kryssa i" in html
    assert "Kryssa i att uppgifterna stämmer" in html
    assert 'value="20240512-9807"' in html
    assert 'value="Alva Karlsson"' in html
    assert "Det du har skrivit är sparat som ett utkast" in html
    draft = Case.objects.get(applicant=emma)
    assert draft.status == Case.Status.DRAFT
    assert draft.data["child_name"] == "Alva Karlsson"
    assert draft.reference is None


def test_a_draft_is_saved_and_submitted_later(client, emma):
    client.force_login(emma)

    response = post(client, APPLY_PRESCHOOL, preschool_answers(action="save", email=""))

    case = Case.objects.get(applicant=emma)
    assert response.status_code == 302
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/andra/"
    assert case.status == Case.Status.DRAFT
    # The draft is listed on Mina sidor and opens with what was typed.
    assert (
        f"/mina-sidor/arenden/{case.public_id}/andra/"
        in client.get("/mina-sidor/").content.decode()
    )
    html = client.get(response["Location"]).content.decode()
    assert 'value="Alva Karlsson"' in html
    assert f'value="{case.submission_key}"' in html

    response = post(client, response["Location"], preschool_answers(), key=case.submission_key)

    case.refresh_from_db()
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/kvitto/"
    assert case.status == Case.Status.SUBMITTED
    assert case.reference.startswith("FSK-1492-")
    assert case.data["child_number"] == CHILD
    assert case.co_applicant_number == JONAS
    assert len(case.data["units"]) == 2


def test_the_receipt_gives_the_reference_and_the_offer_deadline(client, emma):
    client.force_login(emma)
    response = post(client, APPLY_PRESCHOOL, preschool_answers())

    html = client.get(response["Location"]).content.decode()

    case = Case.objects.get(applicant=emma)
    assert case.reference in html
    assert "Kommunen ska erbjuda en plats senast" in html
    assert "Jonas Karlsson behöver logga in på Mina sidor" in html


def test_submitting_twice_gives_one_case(client, emma):
    client.force_login(emma)
    key = uuid.uuid4()

    first = post(client, APPLY_PRESCHOOL, preschool_answers(), key=key)
    second = post(client, APPLY_PRESCHOOL, preschool_answers(), key=key)

    assert Case.objects.filter(applicant=emma).count() == 1
    assert first["Location"] == second["Location"]


def test_submission_queues_e_mails_with_a_link_and_no_personal_details(
    client, emma, django_capture_on_commit_callbacks
):
    client.force_login(emma)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, APPLY_PRESCHOOL, preschool_answers())

    case = Case.objects.get(applicant=emma)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [
        "barnomsorg@amal.se",
        "emma.karlsson@example.se",
        "jonas.karlsson@example.se",
    ]
    for message in mail.outbox:
        assert str(case.public_id) in message.body
        assert "Alva" not in message.body and "Karlsson" not in message.body
        assert CHILD not in message.body and "9806" not in message.body
    assert Notification.objects.filter(case=case, sent_at__isnull=False).count() == 3


def test_a_building_permit_takes_its_municipality_from_the_property(client, tolvan):
    client.force_login(tolvan)

    response = client.post(
        APPLY_PERMIT,
        {"submission_key": str(uuid.uuid4()), **building_answers(), "drawings": [drawing()]},
    )

    case = Case.objects.get(applicant=tolvan)
    assert response["Location"] == f"/mina-sidor/arenden/{case.public_id}/kvitto/"
    assert case.municipality.slug == "mellerud"
    assert case.eservice.municipality.slug == "mellerud"
    assert case.reference.startswith("BYG-1461-")
    assert case.clock_started_on is not None
    attachment = case.attachments.get()
    assert attachment.type == CaseAttachment.Type.APPLICATION
    assert attachment.original_name == "situationsplan.pdf"
    assert attachment.content_type == "application/pdf"


def test_a_building_permit_needs_a_drawing_and_refuses_a_disguised_file(client, tolvan):
    client.force_login(tolvan)
    key = uuid.uuid4()

    response = client.post(APPLY_PERMIT, {"submission_key": str(key), **building_answers()})
    assert response.status_code == 400
    assert "Bifoga minst en ritning" in response.content.decode()

    fake = drawing("ritning.pdf", b"MZ\x90\x00 this is a program")
    response = client.post(
        f"/mina-sidor/arenden/{Case.objects.get(applicant=tolvan).public_id}/andra/",
        {"submission_key": str(key), **building_answers(), "drawings": [fake]},
    )
    assert response.status_code == 400
    assert "Filen går inte att öppna som PDF" in response.content.decode()
    assert not CaseAttachment.objects.filter(case__applicant=tolvan).exists()


def test_a_valid_drawing_is_kept_when_something_else_is_wrong(client, tolvan):
    client.force_login(tolvan)
    key = uuid.uuid4()

    response = client.post(
        APPLY_PERMIT,
        {"submission_key": str(key), **building_answers(description=""), "drawings": [drawing()]},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Beskriv vad du vill göra" in html
    assert "situationsplan.pdf" in html  # listed as already attached
    case = Case.objects.get(applicant=tolvan)
    response = client.post(
        f"/mina-sidor/arenden/{case.public_id}/andra/",
        {"submission_key": str(key), **building_answers()},
    )
    case.refresh_from_db()
    assert case.status == Case.Status.SUBMITTED
    assert case.attachments.count() == 1


@pytest.mark.parametrize(
    ("typed", "municipality", "canonical"),
    [
        ("Mellerud Sunnanå 1:38", "mellerud", "Mellerud Sunnanå 1:38"),
        ("ÅMÅL  TÖSSE 2:14", "amal", "Åmål Tösse 2:14"),
        ("dals-ed ed 3:120", "dals-ed", "Dals-Ed Ed 3:120"),
        ("Bengtsfors Billingsfors S:1", "bengtsfors", "Bengtsfors Billingsfors S:1"),
        ("Färgelanda Kyrkeby GA:2", "fargelanda", "Färgelanda Kyrkeby GA:2"),
        ("Åmål Gamla staden 12", "amal", "Åmål Gamla Staden 12"),
    ],
)
def test_property_designations_are_read_with_their_municipality(db, typed, municipality, canonical):
    found, text = parse_property_designation(typed)

    assert found.slug == municipality
    assert text == canonical


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Trollhättan Kronogården 1:23", "other_municipality"),
        ("Sunnanå 1:38", "invalid"),
        ("Mellerud Sunnanå", "invalid"),
        ("Mellerud 1:38", "invalid"),
    ],
)
def test_wrong_property_designations_are_explained(db, typed, code):
    with pytest.raises(ValidationError) as error:
        parse_property_designation(typed)

    assert error.value.code == code


def test_school_choice_ranks_the_municipalitys_schools(client, emma):
    client.force_login(emma)
    schools = list(Unit.objects.filter(municipality__slug="amal", type="skola").order_by("name"))

    response = post(
        client,
        "/e-tjanster/skolval/ansok/?kommun=amal",
        {
            "child_name": "Elias Karlsson",
            "child_number": "202003189814",
            "guardian": "on",
            "school_year": "1",
            "start_date": "2027-08-18",
            "school_1": str(schools[1].pk),
            "school_2": str(schools[0].pk),
            "email": "emma.karlsson@example.se",
            "declaration": "on",
            "action": "submit",
        },
    )

    case = Case.objects.get(applicant=emma)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert case.data["schools"] == [schools[1].pk, schools[0].pk]
    assert case.reference.startswith("SKV-1492-")


def test_the_same_school_twice_is_refused(client, emma):
    client.force_login(emma)
    school = Unit.objects.filter(municipality__slug="amal", type="skola").first()

    response = post(
        client,
        "/e-tjanster/skolval/ansok/?kommun=amal",
        {
            "child_name": "Elias Karlsson",
            "child_number": "202003189814",
            "guardian": "on",
            "school_year": "1",
            "start_date": "2027-08-18",
            "school_1": str(school.pk),
            "school_2": str(school.pk),
            "email": "emma.karlsson@example.se",
            "declaration": "on",
            "action": "submit",
        },
    )

    assert response.status_code == 400
    assert "Du har redan valt den här enheten" in response.content.decode()


def test_a_unit_of_another_municipality_cannot_be_posted(client, emma):
    client.force_login(emma)
    mellerud = Unit.objects.filter(municipality__slug="mellerud", type="forskola").first()

    response = post(client, APPLY_PRESCHOOL, preschool_answers(unit_1=str(mellerud.pk)))

    assert response.status_code == 400
    assert "Välj en enhet i listan" in response.content.decode()


def test_drafts_and_submissions_are_logged(client, emma):
    client.force_login(emma)

    post(client, APPLY_PRESCHOOL, preschool_answers())

    case = Case.objects.get(applicant=emma)
    details = list(case.log.order_by("pk").values_list("action", "detail", "actor"))
    assert details == [
        (CaseLog.Action.CHANGE, "sparade utkast", emma.pk),
        (CaseLog.Action.CHANGE, "skickade in ansökan", emma.pk),
    ]


def test_the_e_services_are_listed_per_municipality_and_linked_from_service_pages(client, db):
    html = client.get("/e-tjanster/").content.decode()

    for name in ("Bengtsfors kommun", "Dals-Eds kommun", "Färgelanda kommun", "Melleruds kommun"):
        assert name in html
    assert "/e-tjanster/bygglov/ansok/?kommun=mellerud" in html

    from django.apps import apps

    # Through the app registry: eservices does not import citizen_portal (it is the other way).
    ServicePage = apps.get_model("citizen_portal", "ServicePage")
    page = ServicePage.objects.live().get(
        municipality__slug="amal", slug="forskola", locale__language_code="sv"
    )
    html = client.get(page.url).content.decode()
    assert "/e-tjanster/forskola/ansok/?kommun=amal" in html


def test_the_income_help_names_this_years_fee_ceiling_when_there_is_one(client, emma):
    client.force_login(emma)
    FeeCeiling.objects.filter(year=timezone.localdate().year).delete()
    without = client.get(APPLY_PRESCHOOL).content.decode()
    FeeCeiling.objects.create(year=timezone.localdate().year, monthly_income_ceiling=59_000)

    shown = client.get(APPLY_PRESCHOOL).content.decode()
    refused = post(client, APPLY_PRESCHOOL, preschool_answers(child_name=""))

    assert 'id="id_household_income_helptext"' not in without
    assert refused.status_code == 400
    for html in (shown, refused.content.decode()):
        assert "inkomsttaket, 59 000 kronor i månaden" in html


def test_a_submission_keeps_its_history_and_its_three_notifications(client, emma):
    client.force_login(emma)

    post(client, APPLY_PRESCHOOL, preschool_answers())

    case = Case.objects.get(applicant=emma)
    assert case.status == Case.Status.SUBMITTED and case.reference
    assert list(case.events.values_list("type", flat=True)) == [
        CaseEvent.Type.CREATED,
        CaseEvent.Type.SUBMITTED,
    ]
    assert sorted(case.notifications.values_list("event", flat=True)) == sorted(
        [
            Notification.Event.SUBMITTED,
            Notification.Event.CO_APPLICANT,
            Notification.Event.HANDLER_NEW_CASE,
        ]
    )


def test_an_e_service_switched_off_closes_its_form_at_once(client, emma):
    client.force_login(emma)
    assert client.get(APPLY_PRESCHOOL).status_code == 200
    eservice = EService.objects.get(kind="forskola", municipality__slug="amal")
    eservice.active = False
    eservice.save()

    response = client.get(APPLY_PRESCHOOL)
    assert response.status_code == 302
    assert response["Location"].endswith("/e-tjanster/forskola/")


# A NUL character (pasted from another program, or sent by a script) ------------------------

NUL_MESSAGE = "Null-tecken är inte tillåtna"


def nul_answers(name):
    """The preschool answers with a NUL in the field `name`, and the value without it."""
    answers = preschool_answers()
    typed = answers[name]
    return {**answers, name: typed[:2] + "\x00" + typed[2:]}, typed


@pytest.mark.parametrize(
    "name",
    ["child_name", "employer", "email", "care_type", "start_date", "unit_1", "household_income"],
)
def test_a_nul_in_any_field_is_refused_in_swedish_and_the_rest_is_kept(client, emma, name):
    client.force_login(emma)
    answers, typed = nul_answers(name)

    response = post(client, APPLY_PRESCHOOL, answers)

    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{name}' in html  # id_care_type_0 for the radio buttons
    assert NUL_MESSAGE in html
    assert "\x00" not in html
    assert 'value="Alva Karlsson"' in html or name == "child_name"
    draft = Case.objects.get(applicant=emma)
    assert draft.status == Case.Status.DRAFT
    assert draft.data[name] == typed
    assert draft.data["phone"] == "070-123 45 67"


def test_saving_a_draft_with_a_nul_saves_it_without_and_says_why(client, emma):
    client.force_login(emma)
    answers, _typed = nul_answers("employer")

    response = post(client, APPLY_PRESCHOOL, {**answers, "email": "", "action": "save"})

    assert response.status_code == 400
    html = response.content.decode()
    assert NUL_MESSAGE in html
    assert 'href="#id_employer"' in html
    assert "Utkastet är sparat utan null-tecknen" in html
    # A draft may be half done: saving it checks nothing else.
    assert 'href="#id_email"' not in html
    draft = Case.objects.get(applicant=emma)
    assert draft.status == Case.Status.DRAFT
    assert draft.data["employer"] == "Åmåls kommun"


def test_a_nul_in_a_draft_being_edited_is_refused_and_the_draft_kept(client, emma):
    client.force_login(emma)
    post(client, APPLY_PRESCHOOL, preschool_answers(action="save"))
    draft = Case.objects.get(applicant=emma)
    edit_url = f"/mina-sidor/arenden/{draft.public_id}/andra/"

    for action in ("save", "submit"):
        response = post(
            client,
            edit_url,
            preschool_answers(action=action, child_name="Alva\x00 Karlsson"),
            key=draft.submission_key,
        )

        assert response.status_code == 400
        assert NUL_MESSAGE in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == Case.Status.DRAFT
        assert draft.data["child_name"] == "Alva Karlsson"


def test_a_nul_in_a_building_permits_description_is_refused(client, tolvan):
    client.force_login(tolvan)
    answers = building_answers(description="Uterum\x00 mot söder", drawings=drawing())

    response = post(client, APPLY_PERMIT, answers)

    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert Case.objects.get(applicant=tolvan).data["description"] == "Uterum mot söder"


def test_a_nul_in_the_municipality_of_the_address_is_no_municipality(client, emma):
    client.force_login(emma)

    response = client.get("/e-tjanster/forskola/ansok/", {"kommun": "amal\x00"})
    permit = client.get(APPLY_PERMIT, {"kommun": "mellerud\x00"})

    assert response.status_code == 302
    assert response["Location"] == "/e-tjanster/forskola/"
    assert permit.status_code == 200


# Saved while typing (eservices/static/eservices/autosave.js) --------------------------------


def autosave(client, url, data, key):
    return post(client, url, {**data, "action": "autosave"}, key=key)


def test_the_form_saves_itself_as_a_draft_while_the_resident_types(client, emma):
    client.force_login(emma)
    key = uuid.uuid4()
    half = {"child_name": "Alva Karlsson", "care_type": "forskola"}

    response = autosave(client, APPLY_PRESCHOOL, half, key)

    assert response.status_code == 200
    answer = response.json()
    draft = Case.objects.get(applicant=emma)
    assert draft.status == Case.Status.DRAFT and draft.submission_key == key
    assert draft.data["child_name"] == "Alva Karlsson"
    saved_at = timezone.localtime(draft.updated_at)
    assert answer["message"] == f"Utkastet sparades kl. {saved_at:%H.%M}."
    assert answer["edit_url"] == f"/mina-sidor/arenden/{draft.public_id}/andra/"
    # No message waits for the next page: the form's script said it already.
    assert "Utkastet är sparat" not in client.get("/mina-sidor/").content.decode()
    assert CaseLog.objects.filter(case=draft, detail="sparade utkast automatiskt").count() == 1

    # More typing, saved at the draft's address: the same draft, nothing new.
    autosave(client, answer["edit_url"], {**half, "employer": "Åmåls kommun"}, key)
    draft.refresh_from_db()
    assert Case.objects.filter(applicant=emma).count() == 1
    assert draft.data["employer"] == "Åmåls kommun"

    # The resident sends it: the draft is submitted; a late background save changes nothing.
    response = post(client, answer["edit_url"], preschool_answers(), key=key)
    assert response["Location"] == f"/mina-sidor/arenden/{draft.public_id}/kvitto/"
    late = autosave(client, answer["edit_url"], half, key)
    assert late.status_code == 200 and late.json() == {"saved": False, "sent": True}
    draft.refresh_from_db()
    assert draft.status == Case.Status.SUBMITTED
    assert draft.data["child_name"] == preschool_answers()["child_name"]


def test_a_background_save_in_english_gives_the_time_the_english_way(client, emma):
    client.force_login(emma)

    answer = autosave(client, "/en" + APPLY_PRESCHOOL, {"child_name": "Alva"}, uuid.uuid4()).json()

    saved_at = timezone.localtime(Case.objects.get(applicant=emma).updated_at)
    assert answer["message"] == f"Draft saved at {saved_at:%H:%M}."


def test_a_background_save_with_a_nul_keeps_the_rest_and_says_so(client, emma):
    client.force_login(emma)

    answer = autosave(client, APPLY_PRESCHOOL, {"child_name": "Alva\x00 Karlsson"}, uuid.uuid4())

    assert "utan null-tecknen" in answer.json()["message"]
    assert Case.objects.get(applicant=emma).data["child_name"] == "Alva Karlsson"


def test_a_background_save_cannot_reach_someone_elses_draft(client, emma, jonas):
    client.force_login(jonas)
    post(client, APPLY_PRESCHOOL, preschool_answers(action="save"))
    theirs = Case.objects.get(applicant=jonas)
    client.force_login(emma)

    edit = autosave(
        client,
        f"/mina-sidor/arenden/{theirs.public_id}/andra/",
        {"child_name": "Inte min"},
        theirs.submission_key,
    )
    new_form = autosave(client, APPLY_PRESCHOOL, {"child_name": "Inte min"}, theirs.submission_key)

    assert edit.status_code == 404 and new_form.status_code == 404
    theirs.refresh_from_db()
    assert theirs.data["child_name"] != "Inte min"


def test_the_form_carries_the_status_line_and_the_script(client, emma):
    client.force_login(emma)

    html = client.get(APPLY_PRESCHOOL).content.decode()

    assert 'id="autosave-status" role="status"' in html
    assert "eservices/autosave" in html and "data-autosave" in html
