"""Residents, answers and files for the e-service tests: Skatteverket's test numbers, the
application forms' answers as a browser sends them, a drawing to attach."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.identity.models import CitizenIdentity
from portal.tests.factories import UserFactory

EMMA = "199003159861"
JONAS = "198807079937"
TOLVAN = "191212121212"
CHILD = "202405129806"
SCHOOL_CHILD = "202003189814"

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_citizen(username, number, given, family, **extra):
    user = UserFactory(username=username)
    CitizenIdentity.objects.create(
        user=user,
        personal_identity_number=number,
        given_name=given,
        family_name=family,
        **extra,
    )
    return user


def drawing(name="situationsplan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def preschool_answers(**overrides):
    from eservices.models import Unit

    units = list(
        Unit.objects.filter(municipality__slug="amal", type="forskola").order_by("name")[:2]
    )
    start = timezone.localdate() + datetime.timedelta(days=150)
    data = {
        "child_name": "Alva Karlsson",
        "child_number": "20240512-9806",
        "care_type": "forskola",
        "start_date": start.isoformat(),
        "unit_1": str(units[0].pk),
        "unit_2": str(units[1].pk),
        "unit_3": "",
        "mon_from": "07:30",
        "mon_to": "16:00",
        "occupation": "arbetar",
        "employer": "Åmåls kommun",
        "email": "emma.karlsson@example.se",
        "phone": "070-123 45 67",
        "co_applicant_name": "Jonas Karlsson",
        "co_applicant_number": "19880707-9937",
        "co_applicant_email": "jonas.karlsson@example.se",
        "household_income": "52000",
        "declaration": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data


def building_answers(**overrides):
    data = {
        "property_designation": "Mellerud Sunnanå 1:38",
        "property_address": "Sunnanåvägen 5, Mellerud",
        "owner_is_applicant": "on",
        "measure": "tillbyggnad",
        "description": "Tillbyggnad av bostadshuset med ett uterum på 18 kvadratmeter mot söder.",
        "building_area": "18",
        "control_officer_name": "Anders Ek",
        "control_officer_certificate": "SC1234-56",
        "email": "tolvan@example.se",
        "declaration": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data
