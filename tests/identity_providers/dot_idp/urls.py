from django.urls import include, path

from . import views

urlpatterns = [
    path("login/", views.pick_person, name="login"),
    # Before django-oauth-toolkit's own, so its discovery document points here.
    path("o/.well-known/jwks.json", views.PublishedKeysView.as_view()),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("test/keys/", views.control_keys),
    path("test/persons/<str:username>/", views.control_person),
]
