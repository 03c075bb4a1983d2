"""Private files in an S3-compatible bucket (portal.storage_config): no public grant, no URL.

A private object is read only by the portal, with its keys, and handed out through the view
that checked who is asking (portal.files.stored_file_response). No presigned or public address
is ever made for it: such a link would work for anyone who got hold of it.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """An S3 storage whose objects are private and that refuses to make URLs."""

    default_acl = "private"
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no public URL; link to the view that hands it out.")


class PublicMediaS3Storage(S3Storage):
    """Wagtail's media: images publicly readable (linked from pages), documents private.

    Wagtail's documents may be in a collection with restricted access, so they are handed out
    through the portal's `/documents/…` view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which
    checks it, as the reverse proxy refuses `/media/documents/` on the file system."""

    PRIVATE_FOLDERS = ("documents/",)

    def get_object_parameters(self, name):
        # `name` is the object's key here, with the storage's location (`media/`) in front.
        parameters = super().get_object_parameters(name)
        prefix = f"{self.location.strip('/')}/" if self.location else ""
        if name.removeprefix(prefix).startswith(self.PRIVATE_FOLDERS):
            parameters["ACL"] = "private"
        return parameters
