"""The provider's RS256 signing keys, and switching them while it runs.

django-oauth-toolkit signs with `OIDC_RSA_PRIVATE_KEY` and publishes that key and the ones in
`OIDC_RSA_PRIVATE_KEYS_INACTIVE` in its key set (`/o/.well-known/jwks.json`), each with its
thumbprint as `kid`. A test switches them between two logins through `views.control_keys`:

* `rotate`: a new key signs from now on; the old one stays published (`keep_old`) or not.
* `sign_with_retired`: the key that signed before the last rotation signs again, although the
  key set no longer publishes it, like a withdrawn key in the wrong hands.
"""

import threading

from oauth2_provider.settings import oauth2_settings
from oauth2_provider.utils import jwk_from_pem

from .pem import generate_pem

_lock = threading.Lock()
# Keys that signed before, most recent last.
_retired: list[str] = []
# Key ids the key set leaves out although the settings hold their keys.
unpublished: set[str] = set()


def kid(pem: str) -> str:
    return jwk_from_pem(pem).thumbprint()


def _use(signing: str, inactive: list[str]) -> None:
    # Read on every token and every key-set request, so the switch takes effect at once.
    oauth2_settings.OIDC_RSA_PRIVATE_KEY = signing
    oauth2_settings.OIDC_RSA_PRIVATE_KEYS_INACTIVE = inactive


def rotate(*, keep_old: bool) -> None:
    with _lock:
        old = oauth2_settings.OIDC_RSA_PRIVATE_KEY
        _retired.append(old)
        unpublished.clear()
        _use(generate_pem(), [old] if keep_old else [])


def sign_with_retired() -> None:
    with _lock:
        if not _retired:
            raise LookupError("no retired key")
        retired = _retired[-1]
        published = [
            pem
            for pem in (
                oauth2_settings.OIDC_RSA_PRIVATE_KEY,
                *oauth2_settings.OIDC_RSA_PRIVATE_KEYS_INACTIVE,
            )
            if pem != retired and kid(pem) not in unpublished
        ]
        unpublished.clear()
        unpublished.add(kid(retired))
        _use(retired, published)


def state() -> dict:
    """Which key signs and which are published, by key id."""
    signing = oauth2_settings.OIDC_RSA_PRIVATE_KEY
    published = [
        kid(pem)
        for pem in (signing, *oauth2_settings.OIDC_RSA_PRIVATE_KEYS_INACTIVE)
        if kid(pem) not in unpublished
    ]
    return {"signing": kid(signing), "published": published}
