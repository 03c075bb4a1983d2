"""ID tokens are checked as OpenID Connect Core 3.1.3.7 and 10.1 say (portal.identity.id_tokens):
keys chosen by `kid` or, without one, the set's only key; rotation; the algorithm from the key
and the provider, never the token; and the claims."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache
from jwt.utils import base64url_encode

from portal.identity.id_tokens import IdTokenError, verify_id_token

ISSUER = "https://login.dalsland.example"
CLIENT_ID = "dalslandsportalen"


class Key:
    """An RSA key pair, its public half as a JWK."""

    def __init__(self, kid=None, alg=None):
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        jwk["use"] = "sig"
        if kid:
            jwk["kid"] = kid
        if alg:
            jwk["alg"] = alg
        self.jwk = jwk

    def sign(self, claims=None, *, kid=None, alg="RS256", **changes):
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "sub": "anna",
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": "n-0S6",
            **(claims or {}),
        }
        payload.update(changes)
        headers = {"kid": kid} if kid else {}
        return jwt.encode(payload, self.private, algorithm=alg, headers=headers)


# Generating RSA keys takes a while: three for the whole module.
@pytest.fixture(scope="module")
def keys():
    return Key(), Key(kid="a"), Key(kid="b")


class KeySetServer:
    """The provider's `jwks_uri` on loopback: serves `key_set`, counts how often it is asked."""

    def __init__(self):
        self.key_set = {"keys": []}
        self.hits = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits += 1
                body = json.dumps(server.key_set).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/jwks"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def serve(self, *keys):
        self.key_set = {"keys": [key.jwk for key in keys]}


@pytest.fixture
def jwks():
    cache.clear()
    server = KeySetServer()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
    cache.clear()


def config_for(jwks, **changes):
    return {"issuer": ISSUER, "jwks_uri": jwks.url, **changes}


def verify(token, jwks, nonce="n-0S6", **changes):
    return verify_id_token(
        token, openid_config=config_for(jwks, **changes), client_id=CLIENT_ID, nonce=nonce
    )


def refusal(token, jwks, **kwargs) -> str:
    with pytest.raises(IdTokenError) as caught:
        verify(token, jwks, **kwargs)
    return caught.value.reason


# --- Choosing the key ---------------------------------------------------------------------------


def test_a_token_without_kid_is_checked_with_the_only_key_in_the_set(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    token = single.sign()

    assert "kid" not in jwt.get_unverified_header(token)
    assert verify(token, jwks)["sub"] == "anna"


def test_several_keys_are_told_apart_by_kid(keys, jwks):
    _, a, b = keys
    jwks.serve(a, b)

    assert verify(b.sign(kid="b"), jwks)["sub"] == "anna"
    assert verify(a.sign(kid="a"), jwks)["sub"] == "anna"


def test_a_token_without_kid_is_refused_when_several_keys_fit(keys, jwks):
    _, a, b = keys
    jwks.serve(a, b)

    assert refusal(a.sign(), jwks) == "kid_required"


def test_a_token_signed_by_another_key_is_refused(keys, jwks):
    single, a, _ = keys
    jwks.serve(single)

    assert refusal(a.sign(), jwks) == "signature"


def test_the_key_set_is_cached_between_logins(keys, jwks):
    _, a, _ = keys
    jwks.serve(a)

    verify(a.sign(kid="a"), jwks)
    verify(a.sign(kid="a"), jwks)

    assert jwks.hits == 1


def test_an_unknown_kid_fetches_the_key_set_again_once(keys, jwks):
    _, a, b = keys
    jwks.serve(a)
    verify(a.sign(kid="a"), jwks)
    jwks.serve(a, b)  # the provider rotates in a new key

    assert verify(b.sign(kid="b"), jwks)["sub"] == "anna"
    assert jwks.hits == 2


def test_a_kid_still_unknown_after_fetching_again_is_refused(keys, jwks):
    _, a, b = keys
    jwks.serve(a)
    verify(a.sign(kid="a"), jwks)

    assert refusal(b.sign(kid="b"), jwks) == "unknown_key"
    assert jwks.hits == 2


def test_made_up_key_ids_fetch_the_key_set_again_at_most_once_a_minute(keys, jwks):
    _, a, b = keys
    jwks.serve(a)
    verify(a.sign(kid="a"), jwks)

    for forged in range(5):
        assert refusal(b.sign(kid=f"forged-{forged}"), jwks) == "unknown_key"
    assert jwks.hits == 2  # the first fetch and one more, not one per forged token


def test_a_key_set_just_fetched_is_not_fetched_again(keys, jwks):
    _, a, b = keys
    jwks.serve(a)

    assert refusal(b.sign(kid="b"), jwks) == "unknown_key"
    assert jwks.hits == 1


def test_a_header_with_an_odd_algorithm_is_refused(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    _, payload, signature = single.sign().split(".")
    header = encoded({"alg": ["RS256"], "typ": "JWT"}).decode()

    assert refusal(f"{header}.{payload}.{signature}", jwks) == "algorithm_not_allowed"


def test_a_rotated_single_key_without_kid_is_fetched_again(keys, jwks):
    single, a, _ = keys
    rotated = Key.__new__(Key)
    rotated.private, rotated.jwk = a.private, {k: v for k, v in a.jwk.items() if k != "kid"}
    jwks.serve(single)
    verify(single.sign(), jwks)
    jwks.serve(rotated)

    assert verify(rotated.sign(), jwks)["sub"] == "anna"
    assert jwks.hits == 2


def test_a_key_set_that_cannot_be_read_refuses_the_token(keys, jwks):
    single, _, _ = keys
    jwks.key_set = ["not", "a", "key", "set"]

    assert refusal(single.sign(), jwks) == "key_set_unavailable"


# --- The algorithm ----------------------------------------------------------------------------


def encoded(data) -> bytes:
    return base64url_encode(json.dumps(data).encode())


def unsigned(claims) -> str:
    return (encoded({"alg": "none", "typ": "JWT"}) + b"." + encoded(claims) + b".").decode()


def test_an_unsigned_token_is_refused(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "eve", "aud": CLIENT_ID, "iat": now, "exp": now + 300}

    assert refusal(unsigned(claims), jwks) == "algorithm_not_allowed"
    # Even when a provider's metadata were to announce it.
    assert (
        refusal(unsigned(claims), jwks, id_token_signing_alg_values_supported=["none"])
        == "algorithm_not_allowed"
    )


def test_a_token_signed_with_hmac_and_the_public_key_is_refused(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    public_pem = single.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "eve", "aud": CLIENT_ID, "iat": now, "exp": now + 300}
    # Signed by hand: PyJWT itself refuses a PEM key as an HMAC secret.
    signing_input = encoded({"alg": "HS256", "typ": "JWT"}) + b"." + encoded(claims)
    signature = hmac.new(public_pem, signing_input, hashlib.sha256).digest()
    forged = (signing_input + b"." + base64url_encode(signature)).decode()

    assert refusal(forged, jwks) == "algorithm_not_allowed"
    assert (
        refusal(forged, jwks, id_token_signing_alg_values_supported=["HS256", "RS256"])
        == "algorithm_not_allowed"
    )


def test_the_algorithm_must_be_one_the_provider_announces(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)

    assert refusal(single.sign(alg="RS512"), jwks) == "algorithm_not_allowed"
    assert verify(single.sign(alg="RS512"), jwks, id_token_signing_alg_values_supported=["RS512"])


def test_a_key_that_names_its_algorithm_is_used_with_that_one_only(keys, jwks):
    single, _, _ = keys
    pinned = Key.__new__(Key)
    pinned.private, pinned.jwk = single.private, {**single.jwk, "alg": "RS512"}
    jwks.serve(pinned)
    supported = ["RS256", "RS512"]

    assert verify(pinned.sign(alg="RS512"), jwks, id_token_signing_alg_values_supported=supported)
    assert (
        refusal(pinned.sign(alg="RS256"), jwks, id_token_signing_alg_values_supported=supported)
        == "unknown_key"
    )


# --- The claims --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"iss": "https://evil.example"}, "issuer"),
        ({"aud": "another-client"}, "audience"),
        ({"exp": int(time.time()) - 3600}, "expired"),
        ({"iat": int(time.time()) + 3600}, "issued_in_the_future"),
        ({"nonce": "from-another-login"}, "nonce"),
        ({"aud": [CLIENT_ID, "another-client"]}, "authorized_party"),
        ({"aud": [CLIENT_ID, "another-client"], "azp": "another-client"}, "authorized_party"),
    ],
)
def test_claims_that_do_not_fit_this_login_are_refused(keys, jwks, changes, reason):
    single, _, _ = keys
    jwks.serve(single)

    assert refusal(single.sign(**changes), jwks) == reason


def test_several_audiences_are_accepted_with_this_client_as_authorized_party(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    token = single.sign(aud=[CLIENT_ID, "another-client"], azp=CLIENT_ID)

    assert verify(token, jwks)["azp"] == CLIENT_ID


def test_a_token_without_an_expiry_is_refused(keys, jwks):
    single, _, _ = keys
    jwks.serve(single)
    token = single.sign()
    claims = jwt.decode(token, options={"verify_signature": False})
    del claims["exp"]

    assert refusal(jwt.encode(claims, single.private, algorithm="RS256"), jwks) == "missing_claim"


def test_the_allowed_clock_skew_is_a_setting(keys, jwks, settings):
    single, _, _ = keys
    jwks.serve(single)
    token = single.sign(exp=int(time.time()) - 30)

    settings.OIDC_CLOCK_SKEW_SECONDS = 60
    assert verify(token, jwks)["sub"] == "anna"
    settings.OIDC_CLOCK_SKEW_SECONDS = 10
    assert refusal(token, jwks) == "expired"
