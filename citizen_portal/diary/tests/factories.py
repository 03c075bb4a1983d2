"""Diary rows as the import stores them: a register (a board's diary) of a municipality, a case
in it and its documents. Made-up words and dates in 2031, so no seeded demo row is ever
mistaken for one of a test's."""

import datetime

import factory
from django.db import connection

from citizen_portal.diary.importer import update_search_vectors
from citizen_portal.diary.models import Case, Document, Register
from portal.models import Municipality


def municipality(slug: str) -> Municipality:
    return Municipality.objects.get(slug=slug)


class RegisterFactory(factory.django.DjangoModelFactory):
    """Åmål's "Zylofonnämnden" unless told otherwise."""

    municipality = factory.LazyFunction(lambda: municipality("amal"))
    code = "ZYL"
    name = "Zylofonnämnden"

    class Meta:
        model = Register
        django_get_or_create = ("municipality", "code")


class CaseFactory(factory.django.DjangoModelFactory):
    register = factory.SubFactory(RegisterFactory)
    municipality = factory.SelfAttribute("register.municipality")
    case_number = factory.Sequence(lambda n: f"ZYL 2031/{n + 1}")
    title = "Ombyggnad av Zylofonhallen"

    class Meta:
        model = Case
        django_get_or_create = ("register", "case_number")


class DocumentFactory(factory.django.DjangoModelFactory):
    """One document of `case`, numbered after the case's own number; the search vector is
    filled as the import fills it on PostgreSQL."""

    case = factory.SubFactory(CaseFactory)
    municipality = factory.SelfAttribute("case.municipality")
    register = factory.SelfAttribute("case.register")
    document_number = factory.LazyAttribute(
        lambda d: f"{d.case.case_number}-{d.case.documents.count() + 1}"
    )
    title = "Ansökan"
    registered_date = datetime.date(2031, 3, 14)
    direction = Document.Direction.INCOMING

    class Meta:
        model = Document
        skip_postgeneration_save = True

    @factory.post_generation
    def search_vector(self, create, extracted, **kwargs):
        if create and connection.vendor == "postgresql":
            update_search_vectors({self.case_id})
