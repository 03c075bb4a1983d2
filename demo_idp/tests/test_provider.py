"""The provider end to end, in a subprocess: code flow with PKCE, signed claims, tampering."""

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests

from demo_idp.middleware import tamper_id_token
from tests.demo_idp_server import run_demo_idp

PORTAL = "http://127.0.0.1:8799"
EMPLOYEE_CLIENT = ("dalslandsportalen-medarbetare", "demo-medarbetare-hemlighet", "medarbetare")
CITIZEN_CLIENT = (
    "dalslandsportalen-e-legitimation",
    "demo-e-legitimation-hemlighet",
    "e-legitimation",
)
PNR = "https://id.oidc.se/claim/personalIdentityNumber"


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    with run_demo_idp(PORTAL, tmp_path_factory.mktemp("demo_idp")) as url:
        yield url


def _csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(idp, client, key, scope, *, form=None):
    """Run the authorization-code flow as the portal would; return the raw ID token."""
    client_id, secret, provider_id = client
    redirect_uri = f"{PORTAL}/accounts/oidc/{provider_id}/login/callback/"
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    params = {
        "client_id": client_id,
        "response_type": "code",
        "scope": scope,
        "redirect_uri": redirect_uri,
        "state": "state-1",
        "code_challenge": challenge.rstrip(b"=").decode(),
        "code_challenge_method": "S256",
    }
    browser = requests.Session()
    response = browser.get(f"{idp}/identity/o/authorize?{urlencode(params)}")
    assert urlsplit(response.url).path == "/valj-testperson/"
    next_url = parse_qs(urlsplit(response.url).query)["next"][0]
    data = {"csrfmiddlewaretoken": _csrf(response.text), "next": next_url}
    if form is None:
        response = browser.post(
            f"{idp}/valj-testperson/", data={**data, "identity": key}, allow_redirects=False
        )
    else:
        response = browser.post(
            f"{idp}/valj-testperson/{key}/andra/", data={**data, **form}, allow_redirects=False
        )
    response = browser.get(idp + response.headers["Location"], allow_redirects=False)
    callback = response.headers["Location"]
    assert callback.startswith(redirect_uri)
    code = parse_qs(urlsplit(callback).query)["code"][0]
    token = requests.post(
        f"{idp}/identity/o/api/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
            "client_id": client_id,
            "client_secret": secret,
        },
        timeout=10,
    )
    assert token.status_code == 200, token.text
    return token.json()["id_token"]


def verify(idp, id_token, client_id):
    key = jwt.PyJWKClient(f"{idp}/.well-known/jwks.json").get_signing_key_from_jwt(id_token)
    return jwt.decode(id_token, key.key, algorithms=["RS256"], audience=client_id, issuer=idp)


def test_employee_signs_in_with_signed_municipality_and_roles(idp):
    id_token = sign_in(idp, EMPLOYEE_CLIENT, "maja-gustafsson", "openid profile email")
    claims = verify(idp, id_token, EMPLOYEE_CLIENT[0])
    assert claims["sub"] == "maja-gustafsson"
    assert claims["municipality"] == "fargelanda"
    assert claims["roles"] == ["redaktor", "granskare"]
    assert claims["email"] == "maja.gustafsson@fargelanda.se"


def test_citizen_signs_in_with_personnummer(idp):
    scope = "openid profile https://id.oidc.se/scope/naturalPersonNumber"
    claims = verify(
        idp, sign_in(idp, CITIZEN_CLIENT, "tolvan-tolvansson", scope), CITIZEN_CLIENT[0]
    )
    assert claims[PNR] == "191212121212"
    assert "municipality" not in claims


def test_tampered_id_token_fails_the_signature_check(idp):
    form = {
        "municipality": "amal",
        "department": "",
        "network": "administrativt",
        "tamper_next_id_token": "on",
    }
    id_token = sign_in(idp, EMPLOYEE_CLIENT, "erik-magnusson", "openid profile email", form=form)
    with pytest.raises(jwt.InvalidSignatureError):
        verify(idp, id_token, EMPLOYEE_CLIENT[0])
    # Only the next token is tampered with.
    claims = verify(
        idp,
        sign_in(idp, EMPLOYEE_CLIENT, "erik-magnusson", "openid profile email"),
        EMPLOYEE_CLIENT[0],
    )
    assert claims["municipality"] == "amal"


def test_tamper_keeps_header_and_signature():
    header, payload, signature = "eyJhbGciOiJSUzI1NiJ9", "eyJzdWIiOiJ4In0", "c2ln"
    tampered = tamper_id_token(f"{header}.{payload}.{signature}").split(".")
    assert (tampered[0], tampered[2]) == (header, signature)
    assert (
        jwt.decode(".".join(tampered), options={"verify_signature": False})["name"]
        == "(manipulerad)"
    )
