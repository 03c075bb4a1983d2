"""The case API's part of the OpenAPI document at /api/v1/schema/ (citizen_portal.diary.api
serves the whole): its paths, its response schemas and the OAuth 2 client-credentials scheme."""

from django.urls import reverse

from eservices import kinds
from eservices.models import Case, CaseAttachment, CaseEvent, PlacementOffer

from .auth import SCOPE

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DATETIME = {"type": "string", "format": "date-time"}
NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
PROBLEM = "application/problem+json"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(required if required is not None else properties),
    }


def components() -> dict:
    statuses = [choice.value for choice in Case.Status]
    attachment = _object(
        {
            "id": {"type": "string", "format": "uuid"},
            "type": {**STRING, "enum": [c.value for c in CaseAttachment.Type]},
            "name": STRING,
            "content_type": STRING,
            "size": {"type": "integer", "minimum": 0},
            "uploaded_at": DATETIME,
            "download_url": {"type": "string", "format": "uri"},
        }
    )
    person = _object(
        {
            "name": STRING,
            "personal_identity_number": {
                **STRING,
                "description": "Twelve digits; empty for a foreign e-ID without one.",
            },
            "email": STRING,
            "phone": STRING,
        },
        required=["name", "personal_identity_number", "email"],
    )
    summary = _object(
        {
            "reference": {
                **STRING,
                "description": "The case's reference, e.g. BYG-1461-2026-00042.",
            },
            "eservice": {**STRING, "enum": [kind.slug for kind in kinds.all()]},
            "municipality": STRING,
            "status": {**STRING, "enum": statuses},
            "status_label": STRING,
            "submitted_at": NULLABLE_DATETIME,
            "changed_at": {
                **DATETIME,
                "description": "The last change of the case or its history.",
            },
            "acknowledged": {
                "type": "boolean",
                "description": "Whether this client has acknowledged the case.",
            },
            "url": {"type": "string", "format": "uri"},
        }
    )
    case = {
        "allOf": [
            _ref("CaseSummary"),
            _object(
                {
                    "eservice_name": STRING,
                    "deadline": {"type": ["string", "null"], "format": "date"},
                    "applicant": _ref("Person"),
                    "co_applicant": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "allOf": [
                                    _ref("Person"),
                                    _object({"confirmed_at": NULLABLE_DATETIME}),
                                ]
                            },
                        ]
                    },
                    "data": {
                        "type": "object",
                        "description": "The answers as stored, by the form's field names.",
                    },
                    "answers": {
                        "type": "array",
                        "description": "The answers as people read them, in sections.",
                        "items": _object(
                            {
                                "heading": STRING,
                                "rows": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "label": STRING,
                                            "text": STRING,
                                            "ranked": {"type": "array", "items": STRING},
                                        },
                                        "required": ["label"],
                                    },
                                },
                            }
                        ),
                    },
                    "events": {
                        "type": "array",
                        "items": _object(
                            {
                                "type": {**STRING, "enum": [c.value for c in CaseEvent.Type]},
                                "label": STRING,
                                "at": DATETIME,
                                "by_applicant": {"type": "boolean"},
                                "from_status": STRING,
                                "to_status": STRING,
                                "comment": STRING,
                            }
                        ),
                    },
                    "messages": {
                        "type": "array",
                        "items": _object(
                            {
                                "from_applicant": {"type": "boolean"},
                                "body": STRING,
                                "sent_at": DATETIME,
                                "attachments": {"type": "array", "items": _ref("Attachment")},
                            }
                        ),
                    },
                    "attachments": {"type": "array", "items": _ref("Attachment")},
                    "decision": {
                        "oneOf": [
                            {"type": "null"},
                            _object(
                                {
                                    "outcome": {
                                        **STRING,
                                        "enum": [c.value for c in Case.Outcome],
                                    },
                                    "text": STRING,
                                    "decided_at": DATETIME,
                                    "document": {"oneOf": [{"type": "null"}, _ref("Attachment")]},
                                }
                            ),
                        ]
                    },
                    "offers": {
                        "type": "array",
                        "description": "Offers of a place (preschool), the first first.",
                        "items": _ref("Offer"),
                    },
                }
            ),
        ]
    }
    page = _object(
        {
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": _ref("CaseSummary")},
        }
    )
    problem = {
        "type": "object",
        "description": "Problem details (RFC 9457).",
        "properties": {
            "type": STRING,
            "title": STRING,
            "status": {"type": "integer"},
            "detail": STRING,
            "errors": {"type": "object", "additionalProperties": STRING},
            "case_status": {**STRING, "enum": statuses},
        },
        "required": ["type", "title", "status"],
    }
    offer = _object(
        {
            "id": {**STRING, "format": "uuid"},
            "unit": {"type": "integer", "description": "The unit's id."},
            "unit_name": STRING,
            "start_date": {**STRING, "format": "date"},
            "answer_by": {**STRING, "format": "date"},
            "state": {**STRING, "enum": [c.value for c in PlacementOffer.State]},
            "offered_at": DATETIME,
            "answered_at": NULLABLE_DATETIME,
            "decline_reason": STRING,
        }
    )
    return {
        "schemas": {
            "Attachment": attachment,
            "Offer": offer,
            "Person": person,
            "CaseSummary": summary,
            "Case": case,
            "CasePage": page,
            "Problem": problem,
        },
        "securitySchemes": {
            "caseApi": {
                "type": "oauth2",
                "description": (
                    "Client credentials of a system registered in the admin for one "
                    "municipality and some of its e-services."
                ),
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": reverse("case_api_token"),
                        "scopes": {SCOPE: "Read and change the client's cases."},
                    }
                },
            }
        },
    }


def _problem(description):
    return {"description": description, "content": {PROBLEM: {"schema": _ref("Problem")}}}


def _json(description, name):
    return {"description": description, "content": {"application/json": {"schema": _ref(name)}}}


COMMON = {
    "401": _problem("No valid bearer token (see WWW-Authenticate)."),
    "403": _problem("The token lacks the scope cases."),
    "404": _problem(
        "No such case for this client: another municipality's, another e-service's, a draft, "
        "or none at all."
    ),
    "429": _problem("Too many requests from this client; see Retry-After."),
}

REFERENCE = {
    "name": "reference",
    "in": "path",
    "required": True,
    "schema": STRING,
    "description": "The case's reference.",
}

IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "maxLength": 255},
    "description": (
        "A key unique to this write (a UUID). Sent again with the same request it returns the "
        "first answer and changes nothing; with another request it is a 422."
    ),
}


def _write(
    summary,
    operation_id,
    description,
    body_schema,
    *,
    multipart=False,
    created=False,
    also_json=False,
):
    content_type = "multipart/form-data" if multipart else "application/json"
    content = {content_type: {"schema": body_schema}}
    if also_json:
        content["application/json"] = {"schema": body_schema}
    if not multipart:
        # The same fields are accepted as a form (application/x-www-form-urlencoded).
        content["application/x-www-form-urlencoded"] = {"schema": body_schema}
    return {
        "post": {
            "summary": summary,
            "operationId": operation_id,
            "description": description,
            "security": [{"caseApi": [SCOPE]}],
            "parameters": [REFERENCE, IDEMPOTENCY_KEY],
            "requestBody": {"required": operation_id != "acknowledgeCase", "content": content},
            "responses": {
                "201" if created else "200": _json("The case after the change.", "Case"),
                "400": _problem("No Idempotency-Key, or a field is wrong (errors)."),
                "409": _problem("The case's status does not allow the change."),
                "422": _problem("The Idempotency-Key was used for another request."),
                **COMMON,
            },
        }
    }


def paths() -> dict:
    def case_path(name, *args):
        return reverse(name, args=args or ["{reference}"]).replace("%7B", "{").replace("%7D", "}")

    return {
        reverse("case_api_cases"): {
            "get": {
                "summary": "New and changed cases of the client's municipality and e-services",
                "operationId": "listCases",
                "security": [{"caseApi": [SCOPE]}],
                "description": (
                    "Submitted cases only, the oldest change first: poll with changed_since "
                    "set to the last changed_at seen."
                ),
                "parameters": [
                    {
                        "name": "changed_since",
                        "in": "query",
                        "schema": {"type": "string", "format": "date-time"},
                        "description": "Changed after this time (ISO 8601 with offset).",
                    },
                    {
                        "name": "unacknowledged",
                        "in": "query",
                        "schema": {"type": "boolean"},
                        "description": "true: only cases this client has not acknowledged.",
                    },
                    {
                        "name": "status",
                        "in": "query",
                        "schema": {
                            "type": "array",
                            "items": {**STRING, "enum": [c.value for c in Case.Status]},
                        },
                        "explode": True,
                    },
                    {"name": "eservice", "in": "query", "schema": STRING},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {
                        "name": "page_size",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 200},
                    },
                ],
                "responses": {
                    "200": _json("A page of cases.", "CasePage"),
                    "400": _problem("A parameter is wrong (errors)."),
                    **{k: v for k, v in COMMON.items() if k != "404"},
                },
            }
        },
        case_path("case_api_case"): {
            "get": {
                "summary": "One case with its answers, history, messages and files",
                "operationId": "getCase",
                "security": [{"caseApi": [SCOPE]}],
                "parameters": [REFERENCE],
                "responses": {"200": _json("The case.", "Case"), **COMMON},
            }
        },
        case_path(
            "case_api_attachment", "{reference}", "00000000-0000-0000-0000-000000000000"
        ).replace("00000000-0000-0000-0000-000000000000", "{id}"): {
            "get": {
                "summary": "One of the case's files, as a download",
                "operationId": "getAttachment",
                "security": [{"caseApi": [SCOPE]}],
                "parameters": [
                    REFERENCE,
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "format": "uuid"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The file (Content-Disposition: attachment).",
                        "content": {
                            "application/octet-stream": {
                                "schema": {
                                    "type": "string",
                                    "contentMediaType": "application/octet-stream",
                                }
                            }
                        },
                    },
                    **COMMON,
                },
            }
        },
        case_path("case_api_acknowledge"): _write(
            "Acknowledge the case",
            "acknowledgeCase",
            "The case is taken into the client's system; it leaves the unacknowledged list.",
            {"type": "object"},
        ),
        case_path("case_api_status"): _write(
            "Change the case's status",
            "changeStatus",
            "handlaggs (being handled) or avslutad (closed), as the case's status allows. The "
            "resident is e-mailed.",
            _object(
                {"status": {**STRING, "enum": ["handlaggs", "avslutad"]}, "comment": STRING},
                required=["status"],
            ),
        ),
        case_path("case_api_messages"): _write(
            "Write to the applicant",
            "postMessage",
            "The resident reads it on Mina sidor and is e-mailed. One file may be attached "
            "(PDF, JPEG or PNG) in a multipart body.",
            _object(
                {"body": STRING, "file": {"type": "string", "contentMediaType": "application/pdf"}},
                required=["body"],
            ),
            multipart=True,
            created=True,
            also_json=True,
        ),
        case_path("case_api_completion_requests"): _write(
            "Request a completion",
            "requestCompletion",
            "The body (what is missing) is sent to the applicant, the case awaits the "
            "completion; for a building permit the ten-week clock waits too.",
            _object({"body": STRING}),
        ),
        case_path("case_api_decision"): _write(
            "Record the decision",
            "postDecision",
            "The outcome, the decision text and the decision document as a PDF. The resident "
            "is e-mailed and reads the decision on Mina sidor.",
            _object(
                {
                    "outcome": {**STRING, "enum": [c.value for c in Case.Outcome]},
                    "text": STRING,
                    "document": {"type": "string", "contentMediaType": "application/pdf"},
                }
            ),
            multipart=True,
        ),
        case_path("case_api_offers"): _write(
            "Offer a place",
            "postOffer",
            "Preschool cases: offer a place at one of the municipality's own units from a start "
            "date. Both guardians are e-mailed and answer on Mina sidor with e-ID; the answer "
            "comes back as the webhook offer.answered and in the case's offers. answer_by "
            "defaults to the municipality's answer time, never after the start date. A case "
            "that is not a preschool case, is closed, waits for the second guardian or already "
            "has an offer waiting for an answer is a 409.",
            _object(
                {
                    "unit": {"type": "integer", "description": "A unit id of the municipality."},
                    "start_date": {**STRING, "format": "date"},
                    "answer_by": {**STRING, "format": "date"},
                },
                required=["unit", "start_date"],
            ),
            created=True,
        ),
    }
