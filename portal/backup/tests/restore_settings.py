"""The test settings for a restore in a subprocess: the database (DATABASE_URL, as in base.py)
and the file folders (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) of the empty installation come from the
environment, where config.settings.test makes new temporary folders."""

import os

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["MEDIA_ROOT"]
PRIVATE_MEDIA_ROOT = os.environ["PRIVATE_MEDIA_ROOT"]
