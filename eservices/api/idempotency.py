"""Every write of the case API carries an `Idempotency-Key` header, so that a system can send it
again after a timeout without acting twice.

The key, a fingerprint of the request (method, path, fields and the files' SHA-256) and the
answer are stored in the transaction of the write. The same key with the same request gets the
stored answer and changes nothing; the same key with another request is a 422 problem; a write
without a key a 400 problem. Only successful answers are stored: a refused write (400, 409) did
nothing, and may be sent again with the same key once the cause is put right.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.http import JsonResponse

from .auth import problem
from .models import IdempotentRequest

MAX_KEY_LENGTH = 255


def fingerprint(request) -> str:
    """The request's content, independent of how it was encoded (a multipart boundary, the
    order of JSON keys)."""
    if request.content_type == "application/json":
        try:
            fields = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            fields = request.body.decode("latin-1")
    else:
        fields = {key: request.POST.getlist(key) for key in sorted(request.POST)}
    files = []
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
            files.append([name, upload.name, digest.hexdigest()])
    content = json.dumps(
        {"method": request.method, "path": request.path, "fields": fields, "files": files},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode()).hexdigest()


def _stored(row) -> JsonResponse:
    response = JsonResponse(
        row.body, status=row.status_code, json_dumps_params={"ensure_ascii": False}
    )
    response["Idempotent-Replayed"] = "true"
    return response


def _replay(request, key, digest):
    row = IdempotentRequest.objects.filter(client=request.client, key=key).first()
    if row is None:
        return None
    if row.fingerprint != digest:
        return problem(
            422,
            "Unprocessable Content",
            "This Idempotency-Key was used for another request.",
        )
    return _stored(row)


def idempotent(request, case, act):
    """Run `act()` on `case` once per Idempotency-Key. `act` returns (status, body) when it
    acted, or a response when it refused."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return problem(400, "Bad Request", "The Idempotency-Key header is required.")
    if len(key) > MAX_KEY_LENGTH:
        return problem(400, "Bad Request", f"Idempotency-Key is at most {MAX_KEY_LENGTH} long.")
    digest = fingerprint(request)
    replayed = _replay(request, key, digest)
    if replayed is not None:
        return replayed
    try:
        with transaction.atomic():
            result = act()
            if not isinstance(result, tuple):
                transaction.set_rollback(True)
                return result
            status, body = result
            IdempotentRequest.objects.create(
                client=request.client,
                case=case,
                key=key,
                fingerprint=digest,
                status_code=status,
                body=body,
            )
    except IntegrityError:
        # The same key at the same moment: the other request acted; answer as it did.
        replayed = _replay(request, key, digest)
        if replayed is not None:
            return replayed
        raise
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
