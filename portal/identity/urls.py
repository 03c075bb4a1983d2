"""The OpenID Connect login and callback, under /accounts/oidc/<provider_id>/ like allauth's,
and the addresses to register for logout: `logout/done/` (post_logout_redirect_uri) and
`logout/backchannel/` (backchannel_logout_uri)."""

from django.urls import include, path

from . import logout, views

urlpatterns = [
    path(
        "oidc/<str:provider_id>/",
        include(
            [
                path("login/", views.login, name="openid_connect_login"),
                path("login/callback/", views.callback, name="openid_connect_callback"),
                path("logout/done/", logout.logged_out, name="identity_logged_out"),
                path(
                    "logout/backchannel/",
                    logout.backchannel_logout,
                    name="identity_backchannel_logout",
                ),
            ]
        ),
    )
]
