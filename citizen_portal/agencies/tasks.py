"""Background work of the link check (citizen_portal.agencies.linkcheck, docs/agencies.md): the
daily check, run by the scheduler."""

from django_tasks import task

from .linkcheck import run_link_check


@task()
def check_links_task() -> dict:
    """The daily link check, for the scheduler (SCHEDULED_JOBS). Returns what it did."""
    return run_link_check()
