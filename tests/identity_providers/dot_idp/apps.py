from django.apps import AppConfig


class DotIdpConfig(AppConfig):
    name = "tests.identity_providers.dot_idp"
    label = "dot_idp"
