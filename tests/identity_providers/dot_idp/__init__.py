"""A second OpenID Connect provider for the portal's sign-in tests, one the project did not
write: django-oauth-toolkit in OIDC mode, run as a small Django project of its own.

It stands in for the municipalities' identity provider (employees, with the claims Entra ID or
AD FS would send: `municipality`, `department`, `roles`, `network`, names and e-mail, and no
`email_verified`) and for the e-ID broker (residents, with a personnummer in the Swedish OIDC
profile's claim). Its ID tokens are signed with RS256 and carry a `kid`; a test can make it
rotate its signing key between two logins (`keys.py`).

Started by `tests.identity_providers.dot_server.run_dot_idp`; it imports nothing of the portal.
Test persons sign in by picking their name (`views.pick_person`), without a password.
"""
