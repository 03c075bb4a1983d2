"""The decision document the portal writes (eservices.documents.decision_pdf): a PDF/UA-1 file
that prints every letter of the applicant's name, lets long grounds flow over as many pages as
they need, keeps the handler's paragraphs and line breaks, and names the municipality, the case,
the service, the date, the outcome, how to appeal and who decided."""

import io
import random

import pikepdf
import pytest
from django.utils import timezone, translation

from eservices.documents import decision_pdf
from eservices.models import Case, EService
from portal.tests.factories import UserFactory
from portal.tests.pdf_inspection import (
    extracted_text,
    page_count,
    structure_types,
    unembedded_fonts,
    xmp,
)

from .factories import make_citizen

NAME = "Łukasz Wójcik-Čeněk Ŋaavre"
# Words of the grounds: Swedish, Nordic, Sámi and Central European letters, and signs.
VOCABULARY = [
    "bygglov",
    "strandskydd",
    "fastighetsbeteckning",
    "Åmål",
    "Ängebacken",
    "öster",
    "Ørje",
    "Ærø",
    "Đurđa",
    "sápmi",
    "Ŋuoŋŋa",
    "Čeněk",
    "Łódź",
    "Wójcik",
    "≥",
    "→",
    "detaljplan",
    "nämnden",
    "bedömer",
    "att",
    "åtgärden",
    "överensstämmer",
    "med",
    "planen",
]


def grounds(words=3000):
    """Three thousand words in paragraphs, one with a single line break inside."""
    rng = random.Random(18)
    paragraphs = []
    for start in range(0, words, 150):
        paragraphs.append(" ".join(rng.choice(VOCABULARY) for _ in range(min(150, words - start))))
    paragraphs.insert(1, "Första raden i ett stycke.\nAndra raden i samma stycke.")
    return "\n\n".join(paragraphs)


@pytest.fixture
def decided_case(db):
    applicant = make_citizen("lukasz", "199003159861", "Łukasz", "Wójcik-Čeněk Ŋaavre")
    eservice = EService.objects.get(kind="bygglov", municipality__slug="amal")
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        data={"applicant_name": "Namnet i ansökan"},
        submitted_at=timezone.now(),
    )
    case.reference = case.make_reference()
    case.status = Case.Status.DECIDED
    case.decision_outcome = Case.Outcome.PARTLY_APPROVED
    case.decision_text = grounds()
    case.decided_at = timezone.now()
    case.decided_by = UserFactory(first_name="Đurđa", last_name="Šimić")
    case.save()
    return case


def test_the_decision_prints_every_name_and_word_of_long_grounds_over_several_pages(
    decided_case,
):
    content = decision_pdf(decided_case)
    text = extracted_text(content)
    assert NAME in text  # the applicant's name from their e-ID, not the one typed in the form
    assert "Namnet i ansökan" not in text
    words = set(text.split())
    missing = {word for word in decided_case.decision_text.split() if word not in words}
    assert missing == set()
    assert page_count(content) > 1
    pages = page_count(content)
    assert f"Sida 1 av {pages}" in text and f"Sida {pages} av {pages}" in text


def test_the_decision_keeps_the_handlers_line_breaks(decided_case):
    text = extracted_text(decision_pdf(decided_case))
    assert "Första raden i ett stycke.\nAndra raden i samma stycke." in text


def test_the_decision_names_municipality_case_service_date_outcome_appeal_and_decider(
    decided_case,
):
    text = " ".join(extracted_text(decision_pdf(decided_case)).split())
    municipality = decided_case.municipality
    assert municipality.name in text and municipality.postal_address in text
    assert decided_case.reference in text
    assert "Delvis bifall" in text
    assert "Beslutet är fattat av Đurđa Šimić." in text
    # The document is Swedish whatever language the request was in.
    with translation.override("sv"):
        assert decided_case.eservice.get_kind_display() in text
        appeal = " ".join(str(decided_case.kind_def.appeal).split())
    assert appeal.startswith("Beslutet kan överklagas") and appeal in text


def test_the_decision_is_pdf_ua_1_with_embedded_fonts_headings_title_and_language(
    decided_case,
):
    pdf = pikepdf.open(io.BytesIO(decision_pdf(decided_case)))
    title = f"Beslut i ärende {decided_case.reference}"
    with pdf.open_metadata() as meta:
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == title
    assert title in "".join(xmp(pdf).itertext())
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.Root.Lang) == "sv"
    assert unembedded_fonts(pdf) == []
    headings = [t for t in structure_types(pdf) if t[0] == "H" and t[1:].isdigit()]
    assert headings == ["H1", "H2", "H2", "H2", "H2"]  # title, decision, grounds, appeal, contact
    assert "Table" in structure_types(pdf)
