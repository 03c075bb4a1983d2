"""Residents for the e-service tests, as fixtures. The seeded demo database has the five
municipalities, their e-services and units (eservices.demo); the builders are in factories.py."""

import pytest

from .factories import EMMA, JONAS, TOLVAN, make_citizen


@pytest.fixture
def emma(db):
    return make_citizen("emma", EMMA, "Emma", "Karlsson")


@pytest.fixture
def jonas(db):
    return make_citizen("jonas", JONAS, "Jonas", "Karlsson")


@pytest.fixture
def tolvan(db):
    return make_citizen("tolvan", TOLVAN, "Tolvan", "Tolvansson")
