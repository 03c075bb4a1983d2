"""Mina sidor and the handlers' pages take a fixed number of queries, at most QUERY_BUDGET,
however many cases, messages, files and notifications there are: each page is measured with
little content and again with ten times the demo's, the page chrome (header, footer) warmed by a
first request as a visitor's second page finds it."""

import itertools

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from eservices import services
from eservices.models import Case, CaseAttachment, EService, Kind, Notification
from portal.identity.models import EmployeeProfile
from portal.models import Municipality
from portal.tests.factories import UserFactory, sign_in_for_admin

from .factories import EMMA, drawing, make_citizen

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
MY_PAGES = "/mina-sidor/"
_serials = itertools.count(100)


def personnummer() -> str:
    """A valid twelve-digit personnummer born 1985-05-05, a new one each call."""
    nine = f"850505{next(_serials):03d}"
    total = 0
    for position, digit in enumerate(nine):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return f"19{nine}{(10 - total % 10) % 10}"


def as_request(user):
    request = RequestFactory().post("/")
    request.user = user
    return request


def make_case(kind, slug, applicant, *, submit=True, co_applicant_number="", handler=None):
    """A case of `kind` in `slug` with a message each way, a file and its notifications;
    assigned to `handler` if given."""
    eservice = EService.objects.get(kind=kind, municipality__slug=slug)
    case = Case.objects.create(
        eservice=eservice,
        municipality=eservice.municipality,
        applicant=applicant,
        co_applicant_number=co_applicant_number,
        data={"email": "sokande@example.org", "co_applicant_email": "annan@example.org"},
    )
    services.store_files(case, [drawing()], applicant, CaseAttachment.Type.APPLICATION)
    if not submit:
        return case
    case = services.submit(as_request(applicant), case)
    if handler is not None:
        case = services.assign(as_request(handler), case, handler)
        services.handler_message(as_request(handler), case, "Vi behöver en ritning till.")
    services.applicant_message(as_request(applicant), case, "Här är den.", [drawing()])
    return case


def measure(client, url):
    """The queries of a second request to `url` (the first warms the chrome and the caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, captured


def listing(captured) -> str:
    return "\n".join(query["sql"] for query in captured.captured_queries)


# Mina sidor ----------------------------------------------------------------------------------


def residents_cases(emma, times):
    """Emma's cases `times` over: in each of the three e-services, one open, one decided, one
    closed, one draft, and one where she is the second guardian still to confirm."""
    kinds = [(Kind.PRESCHOOL, "amal"), (Kind.SCHOOL_CHOICE, "amal"), (Kind.BUILDING_PERMIT, "amal")]
    for _ in range(times):
        for kind, slug in kinds:
            make_case(kind, slug, emma)
            decided = make_case(kind, slug, emma, handler=handler_of(slug))
            Case.objects.filter(pk=decided.pk).update(status=Case.Status.DECIDED)
            closed = make_case(kind, slug, emma)
            Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED)
            make_case(kind, slug, emma, submit=False)
            other = make_citizen(f"sokande-{next(_serials)}", personnummer(), "Per", "Sökande")
            make_case(kind, slug, other, co_applicant_number=EMMA)


def handler_of(slug):
    user = UserFactory()
    EmployeeProfile.objects.create(user=user, municipality=Municipality.objects.get(slug=slug))
    return user


def test_my_pages_takes_the_same_few_queries_for_ten_times_the_cases(client, emma):
    client.force_login(emma)
    residents_cases(emma, 1)
    small, few = measure(client, MY_PAGES)

    residents_cases(emma, 9)
    large, many = measure(client, MY_PAGES)

    assert len(large.context["open_cases"]) == 10 * len(small.context["open_cases"]) > 0
    assert len(large.context["to_confirm"]) == 10 * len(small.context["to_confirm"]) > 0
    assert len(large.context["drafts"]) == 10 * len(small.context["drafts"]) > 0
    assert len(large.context["finished_cases"]) == 10 * len(small.context["finished_cases"]) > 0
    assert Notification.objects.filter(case__applicant=emma).count() >= 100
    assert len(many) == len(few), listing(many)
    assert len(many) <= QUERY_BUDGET, listing(many)


# The handlers' pages -------------------------------------------------------------------------


def municipality_cases(handler, times):
    """`times` cases in each step of building permits and preschool in Åmål, from different
    residents, half of them the handler's, each with messages both ways and files."""
    colleague = handler_of("amal")
    for index in range(times):
        for kind in (Kind.BUILDING_PERMIT, Kind.PRESCHOOL):
            applicant = make_citizen(f"sokande-{next(_serials)}", personnummer(), "Ida", "Ek")
            make_case(kind, "amal", applicant, handler=handler if index % 2 else colleague)
            make_case(kind, "amal", applicant, co_applicant_number=personnummer())
            waiting = make_case(kind, "amal", applicant, handler=handler)
            services.change_status(
                as_request(handler), waiting, Case.Status.AWAITING_COMPLETION, "Komplettera."
            )


@pytest.fixture
def amal_handler(client):
    user = handler_of("amal")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="eservices",
            codename__in=["handle_building_permit", "handle_preschool"],
        )
    )
    sign_in_for_admin(client, user)
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/handlaggning/",
        "/handlaggning/bygglov/",
        "/handlaggning/forskola/",
        "/handlaggning/forskola/?status=alla",
    ],
)
def test_the_handlers_pages_take_the_same_few_queries_for_ten_times_the_cases(
    client, amal_handler, url
):
    municipality_cases(amal_handler, 1)
    _small, few = measure(client, url)

    municipality_cases(amal_handler, 10)
    large, many = measure(client, url)

    assert Case.objects.for_handler(amal_handler).count() >= 66
    if "entries" in large.context:
        assert len(large.context["entries"]) >= 20
    assert len(many) == len(few), listing(many)
    assert len(many) <= QUERY_BUDGET, listing(many)
