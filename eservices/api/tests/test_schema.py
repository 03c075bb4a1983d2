"""The OpenAPI document at /api/v1/schema/ describes the case API beside the diary, is valid
OpenAPI 3.1 (openapi-spec-validator), and the API's real answers match its response schemas
(openapi-schema-validator)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openapi_schema_validator import OAS31Validator, validate
from openapi_spec_validator import validate as validate_spec

from .conftest import api_for
from .factories import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client):
    response = client.get(reverse("api_schema"))
    assert response.status_code == 200
    return response.json()


def check(spec, path, method, response):
    """The response matches what the document says of this path, method and status."""
    operation = spec["paths"][path][method]
    described = operation["responses"][str(response.status_code)]
    (content_type,) = [t for t in described["content"] if response["Content-Type"].startswith(t)]
    schema = described["content"][content_type]["schema"]
    validate(
        response.json(),
        {**schema, "components": spec["components"]},
        cls=OAS31Validator,
    )


def test_the_schema_is_valid_openapi_3_1_with_the_case_api(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/diary/" in spec["paths"]
    assert "/api/v1/cases/{reference}/decision/" in spec["paths"]
    flow = spec["components"]["securitySchemes"]["caseApi"]["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "/api/v1/oauth/token/"
    assert "cases" in flow["scopes"]


def test_real_answers_match_the_schema(spec, api, case, client):
    cases_path = "/api/v1/cases/"
    case_path = "/api/v1/cases/{reference}/"
    url = reverse("case_api_case", args=[case.reference])

    check(spec, cases_path, "get", api.get(cases_path))
    check(spec, cases_path, "get", api.get(cases_path, data={"changed_since": "x"}))
    check(spec, case_path, "get", api.get(url))
    check(spec, case_path, "get", client.get(url))  # 401
    other = api_for(client, "Åmål ByggR", "amal", "bygglov")
    check(spec, case_path, "get", other.get(url))  # 404

    def write(name, data, key, status=None, json=True):
        path = f"/api/v1/cases/{{reference}}/{name}/"
        response = api.post(f"{url}{name}/", data, key=key, json=json)
        if status:
            assert response.status_code == status, response.content
        check(spec, path, "post", response)
        return response

    write("acknowledge", {}, "a", 200)
    write("status", {"status": "handlaggs"}, "s", 200)
    write("status", {"status": "avslutad"}, "s", 422)
    write("status", {}, None, 400)
    write("completion-requests", {"body": "Ritningen saknas."}, "c", 200)
    write("messages", {"body": "Hej"}, "m", 201, json=False)
    write(
        "decision",
        {"outcome": "bifall", "text": "Bygglov ges.", "document": SimpleUploadedFile("b.pdf", PDF)},
        "d",
        200,
        json=False,
    )
    write("status", {"status": "handlaggs"}, "s2", 409)
