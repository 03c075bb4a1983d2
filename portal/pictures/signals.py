"""A picture's renditions are made by the task worker as soon as it is saved (a new file or
focal point needs new ones; otherwise the task finds them all made), not by the first request
that shows it (renditions.py). Should the queue be unavailable, the page makes them when shown."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Picture
from .renditions import make_renditions_task

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Picture)
def queue_renditions(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pk = instance.pk

    def enqueue():
        try:
            make_renditions_task.enqueue(pk)
        except Exception:
            logger.exception("Could not queue the renditions of picture %s", pk)

    transaction.on_commit(enqueue)
