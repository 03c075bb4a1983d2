"""Back-office systems and cases for the case API's tests: a system registered as an
administrator registers one, and Bengt Andersson's building permit in Mellerud with a drawing."""

import base64

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from eservices import services
from eservices.api.credentials import save_client
from eservices.api.models import CaseApiClient
from eservices.models import Case, CaseAttachment, EService
from eservices.tests.factories import make_citizen
from portal.models import Municipality

BENGT = "196408233234"
BENGT_EMAIL = "bengt@example.org"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_client(name, slug, *kinds, webhook_url=""):
    """A registered system: (client, client_id, secret)."""
    municipality = Municipality.objects.get(slug=slug)
    client = CaseApiClient(name=name, municipality=municipality, webhook_url=webhook_url)
    secret = save_client(client)
    client.eservices.set(EService.objects.filter(municipality=municipality, kind__in=kinds))
    return client, client.client_id, secret


def basic(client_id, secret) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def bengt():
    from portal.identity.models import CitizenIdentity

    identity = CitizenIdentity.objects.filter(personal_identity_number=BENGT).first()
    if identity is not None:
        return identity.user
    return make_citizen("bengt-andersson", BENGT, "Bengt", "Andersson")


def building_permit(applicant=None, slug="mellerud", drawing="fasadritning.pdf"):
    """Bengt's submitted building permit with a drawing."""
    applicant = applicant or bengt()
    eservice = EService.objects.get(kind="bygglov", municipality__slug=slug)
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        data={
            "property_designation": "Mellerud Sunnanå 1:38",
            "property_address": "Sunnanåvägen 12, Mellerud",
            "measure": "tillbyggnad",
            "description": "Tillbyggnad av fritidshuset med ett sovrum mot norr.",
            "building_area": 18,
            "control_officer_name": "Karin Ek",
            "control_officer_certificate": "SC1234-56",
            "email": BENGT_EMAIL,
            "applicant_name": "Bengt Andersson",
        },
    )
    services.store_files(
        case,
        [SimpleUploadedFile(drawing, PDF, content_type="application/pdf")],
        applicant,
        CaseAttachment.Type.APPLICATION,
        field_name="drawings",
    )
    request = RequestFactory().post("/")
    request.user = applicant
    return services.submit(request, case)
