"""The test settings for a restore in a subprocess: the database (DATABASE_URL, as in base.py)
and the file folders (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) of the empty installation come from the
environment, where config.settings.test makes new temporary folders. Tasks are queued, as in
production."""

import os

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["MEDIA_ROOT"]
PRIVATE_MEDIA_ROOT = os.environ["PRIVATE_MEDIA_ROOT"]
# As in production: tasks queued for the task worker (the restore queues the renditions of every
# picture), not run at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
