import datetime

import factory
import wagtail_factories
from django.utils import timezone

from employee_portal.models import Application, EmployeeInformationPage, EmployeeNewsPage


class EmployeeInformationPageFactory(wagtail_factories.PageFactory):
    """An employee page; pass `parent=` the EmployeeHomePage."""

    title = factory.Sequence(lambda n: f"Rutin för medarbetare {n}")
    slug = factory.Sequence(lambda n: f"rutin-{n}")
    intro = "Bara för medarbetare."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Intern information.</p>")])
    review_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))

    class Meta:
        model = EmployeeInformationPage


class EmployeeNewsPageFactory(wagtail_factories.PageFactory):
    """A news item; pass `parent=` the EmployeeNewsIndexPage. Add audiences with
    `page.employee_audiences.add(PageAudience(...)); page.save()`."""

    title = factory.Sequence(lambda n: f"Nyhet för medarbetare {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    intro = "Kort om nyheten."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nyheten i sin helhet.</p>")])
    review_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    class Meta:
        model = EmployeeNewsPage


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A system in the catalogue; `municipalities=[…]` says who uses it."""

    name = factory.Sequence(lambda n: f"Verksamhetssystem {n}")
    description = "Ett system för verksamheten."
    url = factory.Sequence(lambda n: f"https://system-{n}.example.se/")
    kind = Application.Kind.BUSINESS
    system_owner = "Förvaltningschefen"
    system_administrator = "Systemförvaltaren"
    support_contact = "IT-servicedesk"

    class Meta:
        model = Application
        skip_postgeneration_save = True

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)
