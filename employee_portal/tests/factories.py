import factory
import wagtail_factories

from employee_portal.models import EmployeeInformationPage


class EmployeeInformationPageFactory(wagtail_factories.PageFactory):
    """An employee page; pass `parent=` the EmployeeHomePage."""

    title = factory.Sequence(lambda n: f"Rutin för medarbetare {n}")
    slug = factory.Sequence(lambda n: f"rutin-{n}")
    intro = "Bara för medarbetare."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Intern information.</p>")])

    class Meta:
        model = EmployeeInformationPage
