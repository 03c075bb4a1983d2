"""Backup and restore of a whole installation: the database and every stored file.

`manage.py backup_portal` and `manage.py restore_portal` (docs/operations.md, "Backups") are
thin wrappers around portal.backup.archive; portal.backup.s3 adds a bucket as the place a
backup is kept.
"""
