import datetime

import factory
import wagtail_factories
from django.utils import timezone

from citizen_portal.models import NewsPage, ServicePage, Topic

PARAGRAPH = [("paragraph", "<p>Text för test.</p>")]


class NewsPageFactory(wagtail_factories.PageFactory):
    """A news item; pass `parent=` a NewsIndexPage."""

    title = factory.Sequence(lambda n: f"Testnyhet {n}")
    slug = factory.Sequence(lambda n: f"testnyhet-{n}")
    date = factory.LazyFunction(datetime.date.today)
    intro = "En nyhet som testerna skapar."
    body = factory.LazyFunction(lambda: list(PARAGRAPH))

    class Meta:
        model = NewsPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A service; pass `parent=` a DepartmentPage."""

    title = factory.Sequence(lambda n: f"Testtjänst {n}")
    slug = factory.Sequence(lambda n: f"testtjanst-{n}")
    topic = Topic.CHILDREN_EDUCATION
    intro = "En tjänst som testerna skapar."
    description = "<p>Vad tjänsten är.</p>"
    review_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))

    class Meta:
        model = ServicePage


# A valid answer for each of Wagtail's form field types.
ANSWERS = {
    "singleline": "Anna Andersson",
    "multiline": "Det här är mitt ärende.\nMed två rader.",
    "email": "anna.andersson@example.org",
    "number": "3",
    "url": "https://example.org/",
    "date": "2026-05-04",
    "datetime": "2026-05-04 10:30",
}


def valid_form_data(form_page) -> dict:
    """Answers to every field of a Wagtail form page, as its form would post them."""
    data = {}
    form = form_page.get_form()
    for field in form_page.get_form_fields():
        form_field = form.fields[field.clean_name]
        choices = [value for value, _label in getattr(form_field, "choices", []) if value]
        if field.field_type == "checkbox":
            data[field.clean_name] = "on"
        elif field.field_type in {"checkboxes", "multiselect"}:
            data[field.clean_name] = choices[:1]
        elif field.field_type in {"dropdown", "radio"}:
            data[field.clean_name] = choices[0]
        elif field.field_type == "hidden":
            data[field.clean_name] = field.default_value
        else:
            data[field.clean_name] = ANSWERS[field.field_type]
    return data
