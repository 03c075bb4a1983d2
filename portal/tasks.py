"""Background work of the portal core: the daily content review (portal.review,
docs/content-review.md), run by the scheduler."""

from django_tasks import task

from . import review


@task()
def review_content_task() -> dict:
    """The daily review: queue reminders for pages whose date is near, then unpublish those
    whose date has passed. Returns what it did, for the command to print."""
    reminders = review.send_reminders()
    return {**reminders, "unpublished": review.unpublish_stale()}
