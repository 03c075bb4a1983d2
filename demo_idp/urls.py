from django.urls import include, path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="picker"), name="home"),
    path("valj-testperson/", views.picker, name="picker"),
    path("valj-testperson/<slug:key>/andra/", views.edit_identity, name="edit_identity"),
    # Ahead of allauth's own route for the same path, which it wraps.
    path("identity/o/authorize", views.authorize, name="authorize"),
    # /.well-known/openid-configuration, /.well-known/jwks.json, /identity/o/...
    path("", include("allauth.idp.urls")),
    # allauth sends `prompt=login` to the URL named account_login: here, the picker.
    path("valj-testperson/", views.picker, name="account_login"),
]
