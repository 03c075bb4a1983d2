import factory
import wagtail_factories
from wagtail.models import Locale

from citizen_portal.agencies.models import Agency, AgencyTopic, LifeEventGuidePage


class AgencyFactory(factory.django.DjangoModelFactory):
    """An agency in the register, in the default language."""

    name = factory.Sequence(lambda n: f"Testmyndigheten {n}")
    url = factory.Sequence(lambda n: f"https://myndighet-{n}.example.org")
    level = "stat"
    topics = factory.LazyFunction(lambda: [AgencyTopic.MOVING])
    description = "En myndighet som testerna skapar."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Agency


def step(title="Ett steg", text="<p>Gör så här.</p>", pages=(), agencies=(), eservice=""):
    """A guide step's value; `agencies` are Agency objects or (agency, description) pairs."""
    return (
        "step",
        {
            "title": title,
            "text": text,
            "pages": list(pages),
            "eservice": eservice,
            "agencies": [
                {"agency": item[0], "description": item[1]}
                if isinstance(item, tuple)
                else {"agency": item, "description": ""}
                for item in agencies
            ],
        },
    )


class LifeEventGuidePageFactory(wagtail_factories.PageFactory):
    """A guide; pass `parent=` the LifeEventIndexPage and `steps=[step(...), ...]`."""

    title = factory.Sequence(lambda n: f"Testguide {n}")
    slug = factory.Sequence(lambda n: f"testguide-{n}")
    intro = "En guide som testerna skapar."
    topic = AgencyTopic.MOVING
    steps = factory.LazyFunction(lambda: [step()])

    class Meta:
        model = LifeEventGuidePage
