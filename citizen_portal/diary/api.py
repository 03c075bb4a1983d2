"""The diary as open data: `/api/v1/diary/` (JSON) and the OpenAPI schema of every /api/v1/
address at `/api/v1/schema/`: the diary's, and the case API's for the municipalities'
back-office systems (eservices.api.schema).

The same search as `/diarium/` (search.py), the same publication rules (nothing else is
stored), the import's field names. Throttled per client address.

Bounded like `/diarium/`, so that one request never reads a million rows: matches are counted
up to MAX_COUNTED, relevance order is used only for a result set that small, and `page` reaches
only the first MAX_COUNTED matches. Beyond them, and to harvest the whole diary, the `next`
links carry a cursor: the position (registered date, id) of the last row shown, which the next
page starts after. Unlike an offset it stays right while new documents are imported.
"""

import base64
import binascii
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from eservices.api import schema as case_api_schema
from portal import throttle
from portal.models import Municipality

from .models import Document
from .search import (
    MAX_COUNTED,
    ORDER_DATE,
    ORDER_RELEVANCE,
    count_documents,
    is_ranked,
    paged,
    search_documents,
)

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# `page` reaches the matches that are counted; further on, the cursor.
MAX_OFFSET = MAX_COUNTED
DIRECTIONS = [choice.value for choice in Document.Direction]
AFTER, BEFORE = "a", "b"


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


def encode_cursor(side: str, document: Document) -> str:
    """An opaque cursor: the rows after (AFTER) or before (BEFORE) this document, in date
    order."""
    position = f"{side}:{document.registered_date.isoformat()}:{document.pk}"
    return base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, date, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        side, day, pk = base64.urlsafe_b64decode(padded.encode()).decode().split(":")
        if side not in (AFTER, BEFORE):
            raise ValueError(side)
        return side, date.fromisoformat(day), int(pk)
    except (binascii.Error, UnicodeError, ValueError):
        raise ValidationError(
            _("Ogiltig cursor: använd den som står i länken next eller previous."),
            code="invalid",
        ) from None


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
    cursor = forms.CharField(required=False, max_length=100)

    def clean_cursor(self):
        cursor = self.cleaned_data["cursor"]
        return decode_cursor(cursor) if cursor else None

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("date_to är före date_from."))
        page, page_size = data.get("page"), data.get("page_size") or PAGE_SIZE
        if data.get("cursor"):
            if page:
                self.add_error("cursor", _("Ange cursor eller page, inte båda."))
            elif data.get("order") == "relevance":
                self.add_error("cursor", _("cursor går bara med order=date."))
        elif page and (page - 1) * page_size >= MAX_OFFSET:
            self.add_error(
                "page",
                _(
                    "Sidan ligger för långt in: page når de första %(max)s träffarna. "
                    "Följ länken next, som bläddrar vidare med cursor, eller avgränsa sökningen."
                )
                % {"max": number_format(MAX_OFFSET, force_grouping=True)},
            )
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


def _after(documents, day: date, pk: int):
    """The documents after (older than) a position in date order, newest first. `lte` on the
    date alone lets PostgreSQL walk the date index from the position."""
    return documents.filter(registered_date__lte=day).exclude(registered_date=day, id__gte=pk)


def _before(documents, day: date, pk: int):
    """The documents before (newer than) a position, the nearest first."""
    newer = documents.filter(registered_date__gte=day).exclude(registered_date=day, id__lte=pk)
    return newer.reverse()


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
    cursor = query.cleaned_data["cursor"]
    arguments = query.search_arguments()

    counted = count_documents(search_documents(**arguments), MAX_COUNTED)
    # Ranking reads every match: with more than are counted, newest first instead.
    if counted > MAX_COUNTED:
        arguments["order"] = ORDER_DATE
    documents = paged(search_documents(**arguments), counted)
    by_date = not is_ranked(documents)

    params = {k: v for k, v in request.GET.items() if k not in ("page", "cursor")}
    if by_date and "order" in params:
        params["order"] = "date"  # what the links' cursors are positions in

    def link(**position):
        return request.build_absolute_uri(
            f"{reverse('diary_api')}?{urlencode({**params, **position})}"
        )

    if cursor is None:
        start = (page - 1) * page_size
        rows = list(documents[start : start + page_size + 1])
        more, rows = len(rows) > page_size, rows[:page_size]
        previous = link(page=page - 1) if page > 1 else None
        if not more:
            following = None
        elif by_date:
            following = link(cursor=encode_cursor(AFTER, rows[-1]))
        else:
            following = link(page=page + 1)
    else:
        side, day, pk = cursor
        if side == AFTER:
            rows = list(_after(documents, day, pk)[: page_size + 1])
            more, rows = len(rows) > page_size, rows[:page_size]
            following = link(cursor=encode_cursor(AFTER, rows[-1])) if more else None
            previous = link(cursor=encode_cursor(BEFORE, rows[0])) if rows else None
        else:
            rows = list(_before(documents, day, pk)[: page_size + 1])
            more, rows = len(rows) > page_size, rows[:page_size][::-1]
            previous = link(cursor=encode_cursor(BEFORE, rows[0])) if more else None
            following = link(cursor=encode_cursor(AFTER, rows[-1])) if rows else None

    return _json(
        {
            "count": min(counted, MAX_COUNTED),
            "count_is_exact": counted <= MAX_COUNTED,
            "order": "date" if by_date else "relevance",
            "next": following,
            "previous": previous,
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
            "count": {
                "type": "integer",
                "maximum": MAX_COUNTED,
                "description": (
                    f"How many documents match, counted up to {MAX_COUNTED}: with more, "
                    f"{MAX_COUNTED} and count_is_exact false."
                ),
            },
            "count_is_exact": {
                "type": "boolean",
                "description": f"False when more than {MAX_COUNTED} documents match.",
            },
            "order": {
                **string,
                "enum": ["date", "relevance"],
                "description": (
                    "The order of the results: relevance only when it was asked for, with q, "
                    f"and at most {MAX_COUNTED} documents match; otherwise date (newest first)."
                ),
            },
            "next": {
                "type": ["string", "null"],
                "format": "uri",
                "description": (
                    "The next page, null on the last. In date order it carries a cursor, and "
                    "following it reaches every match (to harvest the whole diary, follow next "
                    "from the first page); in relevance order, the next page number."
                ),
            },
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
        },
    }
    errors = {
        "type": "object",
        "properties": {"errors": {"type": "object", "additionalProperties": string}},
    }
    case_api = case_api_schema.components()
    spec = {
        "openapi": "3.1.0",
        "info": {
            "title": "Dalslandsportalen: the municipalities' diaries and case API",
            "version": "1",
            "description": (
                "The public records diaries (diarier) of Bengtsfors, Dals-Ed, Färgelanda, "
                "Mellerud and Åmål, one document per result, after the publication rules: no "
                "private individual's name, no personal identity number, no title of a "
                "secrecy-marked document. Throttled per client address.\n\n"
                "The case API (/api/v1/cases/) is for the municipalities' back-office systems: "
                "OAuth 2 client credentials of a system registered for one municipality and "
                "some of its e-services; every write needs an Idempotency-Key "
                "(docs/case-api.md)."
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
                            (
                                "date (newest first, default) or relevance. Relevance applies "
                                f"only when at most {MAX_COUNTED} documents match; the "
                                "response's order says which was used."
                            ),
                            {**string, "enum": ["date", "relevance"]},
                        ),
                        _parameter(
                            "page",
                            (
                                f"Page number, from 1, within the first {MAX_OFFSET} matches; a "
                                "page further in is a 400. Further on, follow next."
                            ),
                            {"type": "integer", "minimum": 1},
                        ),
                        _parameter(
                            "page_size",
                            f"Results per page, 1 to {MAX_PAGE_SIZE}.",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                        ),
                        _parameter(
                            "cursor",
                            (
                                "An opaque position from a next or previous link (date order "
                                "only, not with page). Unlike a page number it stays right "
                                "while new documents are registered."
                            ),
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
                            "description": "A parameter is wrong, or page is too far in.",
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
            },
            **case_api_schema.paths(),
        },
        "components": {
            "schemas": {
                "Document": document,
                "Page": page,
                "Errors": errors,
                **case_api["schemas"],
            },
            "securitySchemes": case_api["securitySchemes"],
        },
    }
    return _json(spec)
