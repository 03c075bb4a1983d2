"""The demo's OpenID Connect identity provider: a second, small Django project.

It stands in for the municipalities' employee login and for the citizens' e-ID broker when the
portal runs as a demo or in browser tests. It is allauth's own provider (`allauth.idp.oidc`) plus
a page where you pick a test person instead of signing in with BankID or Freja. Nothing here is a
real e-ID: it is for loopback only, and it serves over plain HTTP.

Run it as its own process:

    DJANGO_SETTINGS_MODULE=demo_idp.settings python manage.py seed_idp --portal-url URL
    DJANGO_SETTINGS_MODULE=demo_idp.settings python manage.py runserver 127.0.0.1:8001 --noreload
"""
