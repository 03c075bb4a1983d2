"""A Mellerud ByggR system with a token, and Bengt's building permit, for the case API tests."""

import pytest
from django.core import mail
from django.urls import reverse

from .factories import basic, building_permit, make_client


def token_for(client, client_id, secret, scope="cases"):
    response = client.post(
        reverse("case_api_token"),
        {"grant_type": "client_credentials", "scope": scope},
        HTTP_AUTHORIZATION=basic(client_id, secret),
    )
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


class Api:
    """Django's test client with a bearer token."""

    def __init__(self, client, token):
        self.client, self.token = client, token

    def get(self, path, **extra):
        return self.client.get(path, HTTP_AUTHORIZATION=f"Bearer {self.token}", **extra)

    def post(self, path, data=None, *, key=None, json=True, **extra):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}", **extra}
        if key:
            headers["HTTP_IDEMPOTENCY_KEY"] = key
        if json:
            return self.client.post(path, data or {}, content_type="application/json", **headers)
        return self.client.post(path, data or {}, **headers)


@pytest.fixture
def byggr(db):
    return make_client("Mellerud ByggR", "mellerud", "bygglov")


@pytest.fixture
def api(client, byggr):
    return Api(client, token_for(client, byggr[1], byggr[2]))


def api_for(client, name, slug, *kinds):
    registered = make_client(name, slug, *kinds)
    return Api(client.__class__(), token_for(client, registered[1], registered[2]))


@pytest.fixture
def case(db):
    permit = building_permit()
    mail.outbox.clear()
    return permit
