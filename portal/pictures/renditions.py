"""The renditions the portal's templates ask for, in one place: made ahead by the task worker
when a picture is uploaded or its focal point moves (signals.py), so that the first resident
to open a page does not wait for AVIF to be encoded.

Each use asks for AVIF and WebP, which every current browser shows, and JPEG for the rest, in
the widths its column needs: `{% picture %}` in the templates writes them out as `<source>`s and
an `<img>` with `width` and `height`, so the page keeps the picture's place while it loads. The
templates must use these exact specs (pictures/tests/test_renditions.py checks them)."""

from django_tasks import task
from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"
SPECS = {
    # At the top of a page: 16:9 around the focal point, as wide as the text column at most.
    "lead": f"{FORMATS} fill-{{480x270,800x450,1200x675}}",
    # In cards and news lists: 16:9, small.
    "card": f"{FORMATS} fill-{{400x225,800x450}}",
    # In a page's body: the whole picture, not cropped.
    "body": f"{FORMATS} width-{{480,800,1200}}",
}


def filter_specs() -> list[str]:
    """Every single spec the templates use ("format-avif|fill-480x270", …), once each."""
    specs = []
    for pattern in SPECS.values():
        for spec in Filter.expand_spec(pattern):
            if spec not in specs:
                specs.append(spec)
    return specs


def make_renditions(picture) -> int:
    """Make every rendition of `picture` the templates use that does not exist yet. Returns how
    many the picture has of them afterwards."""
    return len(picture.get_renditions(*filter_specs()))


@task()
def make_renditions_task(picture_id: int) -> int:
    from .models import Picture

    picture = Picture.objects.filter(pk=picture_id).first()
    return make_renditions(picture) if picture else 0


def with_pictures(pages, use: str = "card"):
    """`pages` (a queryset of a page type with a picture) with each page's picture and its
    renditions for `use` fetched in two queries in all, not two per page."""
    from django.db.models import Prefetch

    from .models import PictureRendition

    specs = Filter.expand_spec(SPECS[use])
    return pages.select_related("picture").prefetch_related(
        Prefetch(
            "picture__renditions",
            queryset=PictureRendition.objects.filter(filter_spec__in=specs),
        )
    )


def forget_all() -> int:
    """After a restore: the rendition rows point at files a backup leaves out. Delete the rows
    (Wagtail then makes a rendition again when a page asks for it) and queue the renditions of
    every picture for the task worker, so that residents seldom wait for one. Returns how many
    rows were deleted."""
    from django.db import transaction

    from .models import Picture

    rendition_model = Picture.get_rendition_model()
    deleted, _ = rendition_model.objects.all().delete()
    pictures = list(Picture.objects.values_list("pk", flat=True))
    transaction.on_commit(lambda: [make_renditions_task.enqueue(pk) for pk in pictures])
    return deleted
