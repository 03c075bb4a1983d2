"""Checking an OpenID Connect ID token, as the standard says rather than as one provider does.

OpenID Connect Core 1.0, 3.1.3.7 (ID token validation) and 10.1 (signing):

* The key comes from the provider's key set (`jwks_uri`). A token without `kid` is allowed
  when the set has one key that fits; with several, `kid` picks the key and a token without
  one is refused.
* The key set is cached between logins (`KEY_SET_CACHE_SECONDS`). A `kid` the cached set does
  not have, or a signature the cached key does not match, fetches the set again once: the
  provider may have rotated its keys. Not more than once a minute (`REFETCH_SECONDS`), however
  many such tokens arrive.
* The algorithm is the key's own (`alg` in the JWK), else one the provider announces in
  `id_token_signing_alg_values_supported` (default RS256), and only an asymmetric one: `none`,
  and HMAC (which would accept a token "signed" with the public key), are refused whatever the
  token's header says.
* `iss`, `aud` (and `azp` when there are several audiences), `exp`, `iat` and `nonce` are
  checked, with `OIDC_CLOCK_SKEW_SECONDS` of leeway for clocks that differ.

Every refusal is an `IdTokenError` whose `reason` names the check, for the audit trail; the
token itself is never in it.
"""

import hashlib
import hmac
from collections.abc import Mapping

import jwt
import requests
from allauth.socialaccount.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

KEY_SET_CACHE_SECONDS = 60 * 60
# A token the cached key set cannot check fetches the set again at most once in this time, so
# forged tokens with made-up key ids cannot make the portal hammer the provider.
REFETCH_SECONDS = 60
DEFAULT_ALGORITHMS = ("RS256",)
# Signatures made with a private key and checked with the published public key.
ASYMMETRIC_ALGORITHMS = frozenset(
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "ES256", "ES384", "ES512", "ES256K", "EdDSA",
    }
)  # fmt: skip
KEY_TYPES = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}
REQUIRED_CLAIMS = ["iss", "sub", "aud", "exp", "iat"]


class IdTokenError(Exception):
    """The ID token was refused; `reason` says which check refused it."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def verify_id_token(
    id_token: str,
    *,
    openid_config: Mapping,
    client_id: str,
    nonce: str | None = None,
) -> dict:
    """The claims of `id_token` once every check has passed; `IdTokenError` otherwise.

    `openid_config` is the provider's discovery document (`issuer`, `jwks_uri`,
    `id_token_signing_alg_values_supported`); `nonce` the one sent with the authorization
    request, if any.
    """
    claims = verify_signed_token(
        id_token, openid_config=openid_config, client_id=client_id, required=REQUIRED_CLAIMS
    )
    check_authorized_party(claims, client_id)
    if nonce is not None:
        check_nonce(claims, nonce)
    return claims


def verify_signed_token(
    token: str, *, openid_config: Mapping, client_id: str, required: list[str]
) -> dict:
    """The claims of a JWT the provider signed for this client (an ID token, or a logout
    token: portal.identity.logout), with the key, algorithm, `iss`, `aud`, `exp` and `iat`
    checked as for an ID token."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise IdTokenError("malformed", str(error)) from error
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in allowed_algorithms(openid_config):
        raise IdTokenError("algorithm_not_allowed", str(alg))
    jwks_uri = openid_config.get("jwks_uri")
    if not jwks_uri:
        raise IdTokenError("key_set_unavailable", "no jwks_uri in the discovery document")

    key_set, fresh = cached_key_set(jwks_uri), False
    if key_set is None:
        key_set, fresh = fetch_key_set(jwks_uri), True
    while True:
        try:
            jwk, algorithm = select_key(key_set, header)
            return decode(token, jwk, algorithm, openid_config, client_id, required)
        except IdTokenError as error:
            # Not in the cached set, or not the cached key's signature: the provider may
            # have rotated its keys since. Ask once, and not again within REFETCH_SECONDS.
            if fresh or error.reason not in ("unknown_key", "signature"):
                raise
            if not cache.add(_cache_key(jwks_uri) + ":refetched", True, REFETCH_SECONDS):
                raise
            key_set, fresh = fetch_key_set(jwks_uri), True


def allowed_algorithms(openid_config: Mapping) -> set[str]:
    announced = openid_config.get("id_token_signing_alg_values_supported")
    if not isinstance(announced, list) or not announced:
        announced = DEFAULT_ALGORITHMS
    return {alg for alg in announced if isinstance(alg, str) and alg in ASYMMETRIC_ALGORITHMS}


def _cache_key(jwks_uri: str) -> str:
    return "identity:jwks:" + hashlib.sha256(jwks_uri.encode()).hexdigest()


def cached_key_set(jwks_uri: str) -> dict | None:
    return cache.get(_cache_key(jwks_uri))


def fetch_key_set(jwks_uri: str) -> dict:
    """The provider's key set, fetched now and cached for the next logins."""
    try:
        with get_adapter().get_requests_session() as session:
            response = session.get(jwks_uri)
            response.raise_for_status()
            key_set = response.json()
    except (requests.RequestException, ValueError) as error:
        raise IdTokenError("key_set_unavailable", type(error).__name__) from error
    if not isinstance(key_set, dict) or not isinstance(key_set.get("keys"), list):
        raise IdTokenError("key_set_unavailable", "not a JWK set")
    cache.set(_cache_key(jwks_uri), key_set, KEY_SET_CACHE_SECONDS)
    return key_set


def select_key(key_set: Mapping, header: Mapping) -> tuple[dict, str]:
    """The key that signed a token with this header (whose `alg` the caller has checked),
    and the algorithm to check it with."""
    alg = header["alg"]
    fitting = [
        jwk
        for jwk in key_set["keys"]
        if isinstance(jwk, dict)
        and jwk.get("use", "sig") == "sig"
        and jwk.get("kty") == KEY_TYPES.get(alg[:2])
        # A key that names its algorithm is used with that one only.
        and jwk.get("alg", alg) == alg
    ]
    kid = header.get("kid")
    if kid is not None:
        fitting = [jwk for jwk in fitting if jwk.get("kid") == kid]
    if not fitting:
        raise IdTokenError("unknown_key", f"kid={kid!r}" if kid is not None else "no kid")
    if len(fitting) > 1:
        # OpenID Connect Core 10.1: with several keys in the set, the token must say which.
        raise IdTokenError("kid_required", f"{len(fitting)} keys fit")
    return fitting[0], alg


def decode(
    id_token: str,
    jwk: dict,
    algorithm: str,
    openid_config: Mapping,
    client_id: str,
    required: list[str] = REQUIRED_CLAIMS,
):
    try:
        key = jwt.PyJWK(jwk, algorithm=algorithm)
    except jwt.PyJWTError as error:
        raise IdTokenError("unknown_key", f"unusable key: {error}") from error
    try:
        return jwt.decode(
            id_token,
            key=key,
            algorithms=[algorithm],
            audience=client_id,
            issuer=openid_config.get("issuer"),
            leeway=settings.OIDC_CLOCK_SKEW_SECONDS,
            options={"require": required},
        )
    except jwt.InvalidSignatureError as error:
        raise IdTokenError("signature") from error
    except jwt.ExpiredSignatureError as error:
        raise IdTokenError("expired") from error
    except jwt.ImmatureSignatureError as error:
        raise IdTokenError("issued_in_the_future") from error
    except jwt.InvalidIssuerError as error:
        raise IdTokenError("issuer") from error
    except jwt.InvalidAudienceError as error:
        raise IdTokenError("audience") from error
    except jwt.MissingRequiredClaimError as error:
        raise IdTokenError("missing_claim", error.claim) from error
    except jwt.PyJWTError as error:
        raise IdTokenError("malformed", type(error).__name__) from error


def check_nonce(claims: Mapping, nonce: str) -> None:
    """Core 3.1.3.7 point 11: the token answers this login's request, not an earlier one."""
    if not hmac.compare_digest(str(claims.get("nonce", "")).encode(), nonce.encode()):
        raise IdTokenError("nonce")


def check_authorized_party(claims: Mapping, client_id: str) -> None:
    """Core 3.1.3.7 points 4 and 5: with several audiences, `azp` must be this client."""
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != client_id:
        raise IdTokenError("authorized_party")
