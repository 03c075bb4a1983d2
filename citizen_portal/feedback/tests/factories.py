import factory

from citizen_portal.feedback.models import PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    """An answer; pass `page=` a citizen page (its municipality is taken from it)."""

    municipality = factory.LazyAttribute(lambda answer: answer.page.specific.municipality)
    language = "sv"
    helpful = False
    comment = ""

    class Meta:
        model = PageFeedback
