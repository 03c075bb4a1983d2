"""The diary as open data: `/api/v1/diary/` (JSON) and its OpenAPI schema at `/api/v1/schema/`.

The same search as `/diarium/` (search.py), the same publication rules (nothing else is
stored), the import's field names. Throttled per client address.
"""

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import throttle
from portal.models import Municipality

from .models import Document
from .search import ORDER_DATE, ORDER_RELEVANCE, search_documents

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
DIRECTIONS = [choice.value for choice in Document.Direction]


def _json(data, status=200, **headers) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any web page may read it.
    response["Access-Control-Allow-Origin"] = "*"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def throttled(request) -> int | None:
    """Seconds to wait when this client has used up its requests for the minute, else None."""
    return throttle.hit(
        "diary-api", request, limit=settings.DIARY_API_REQUESTS_PER_MINUTE, window=60
    )


class DiaryApiQuery(forms.Form):
    """The API's query parameters (English names, the import's vocabulary)."""

    q = forms.CharField(required=False)
    municipality = forms.ModelChoiceField(
        Municipality.objects.all(), to_field_name="slug", required=False
    )
    register = forms.CharField(required=False)
    date_from = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    direction = forms.ChoiceField(choices=[("", "")] + Document.Direction.choices, required=False)
    case_number = forms.CharField(required=False)
    order = forms.ChoiceField(
        choices=[("date", "date"), ("relevance", "relevance")], required=False
    )
    page = forms.IntegerField(min_value=1, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("date_to är före date_from."))
        return data

    def search_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "q": data["q"],
            "municipality": data["municipality"],
            "register": data["register"].upper(),
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "direction": data["direction"],
            "case_number": data["case_number"],
            "order": ORDER_RELEVANCE if data["order"] == "relevance" else ORDER_DATE,
        }


def result(document: Document) -> dict:
    case = document.case
    return {
        "municipality": document.municipality.slug,
        "register": document.register.code,
        "case_number": case.case_number,
        "case_title": case.title,
        "document_number": document.document_number,
        "document_title": document.title,  # empty for a secrecy-marked document
        "document_date": document.document_date.isoformat() if document.document_date else None,
        "registered_date": document.registered_date.isoformat(),
        "direction": document.direction,
        "party": document.party,  # empty for a private individual
        "party_type": document.party_type,
        "department": case.department,
        "secrecy": document.secrecy,
    }


@require_GET
def diary_api(request):
    wait = throttled(request)
    if wait is not None:
        return _json(
            {"detail": "Too many requests: wait a minute and try again."},
            status=429,
            Retry_After=str(wait),
        )
    query = DiaryApiQuery(request.GET)
    if not query.is_valid():
        errors = {name: " ".join(messages) for name, messages in query.errors.items()}
        return _json({"errors": errors}, status=400)
    page = query.cleaned_data["page"] or 1
    page_size = query.cleaned_data["page_size"] or PAGE_SIZE

    documents = search_documents(**query.search_arguments())
    count = documents.count()
    start = (page - 1) * page_size
    rows = list(documents[start : start + page_size])

    def link(number):
        if number < 1 or (number - 1) * page_size >= count:
            return None
        params = {k: v for k, v in request.GET.items() if k != "page"}
        params["page"] = number
        return request.build_absolute_uri(f"{reverse('diary_api')}?{urlencode(params)}")

    return _json(
        {
            "count": count,
            "next": link(page + 1),
            "previous": link(page - 1) if page > 1 else None,
            "results": [result(document) for document in rows],
        }
    )


def _parameter(name, description, schema=None):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


@require_GET
def schema(request):
    string = {"type": "string"}
    nullable_date = {"type": ["string", "null"], "format": "date"}
    document = {
        "type": "object",
        "properties": {
            "municipality": {
                **string,
                "enum": list(Municipality.objects.values_list("slug", flat=True)),
            },
            "register": string,
            "case_number": string,
            "case_title": string,
            "document_number": string,
            "document_title": {**string, "description": "Empty for a secrecy-marked document."},
            "document_date": nullable_date,
            "registered_date": {"type": "string", "format": "date"},
            "direction": {**string, "enum": DIRECTIONS},
            "party": {**string, "description": "Empty for a private individual."},
            "party_type": {**string, "enum": ["", "private", "organisation", "authority"]},
            "department": string,
            "secrecy": {
                **string,
                "description": "The secrecy marking's reference (OSL 26 kap. 1 §), or empty.",
            },
        },
    }
    page = {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
        },
    }
    errors = {
        "type": "object",
        "properties": {"errors": {"type": "object", "additionalProperties": string}},
    }
    spec = {
        "openapi": "3.1.0",
        "info": {
            "title": "Dalslandsportalen: the municipalities' diaries",
            "version": "1",
            "description": (
                "The public records diaries (diarier) of Bengtsfors, Dals-Ed, Färgelanda, "
                "Mellerud and Åmål, one document per result, after the publication rules: no "
                "private individual's name, no personal identity number, no title of a "
                "secrecy-marked document. Throttled per client address."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": {
            reverse("diary_api"): {
                "get": {
                    "summary": "Search the diaries",
                    "operationId": "searchDiary",
                    "parameters": [
                        _parameter("q", "Free text: case and document titles, party, numbers."),
                        _parameter("municipality", "Municipality slug, e.g. amal."),
                        _parameter("register", "Register (board) code, e.g. KS."),
                        _parameter(
                            "date_from",
                            "Registered on or after.",
                            {"type": "string", "format": "date"},
                        ),
                        _parameter(
                            "date_to",
                            "Registered on or before.",
                            {"type": "string", "format": "date"},
                        ),
                        _parameter(
                            "direction", "in, out or internal.", {**string, "enum": DIRECTIONS}
                        ),
                        _parameter("case_number", "Exact case number, e.g. KS 2025/123."),
                        _parameter(
                            "order",
                            "date (newest first, default) or relevance.",
                            {**string, "enum": ["date", "relevance"]},
                        ),
                        _parameter(
                            "page", "Page number, from 1.", {"type": "integer", "minimum": 1}
                        ),
                        _parameter(
                            "page_size",
                            f"Results per page, 1 to {MAX_PAGE_SIZE}.",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of documents.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"}
                                }
                            },
                        },
                        "400": {
                            "description": "A parameter is wrong.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Errors"}
                                }
                            },
                        },
                        "429": {
                            "description": "Too many requests from this client; see Retry-After."
                        },
                    },
                }
            }
        },
        "components": {"schemas": {"Document": document, "Page": page, "Errors": errors}},
    }
    return _json(spec)
