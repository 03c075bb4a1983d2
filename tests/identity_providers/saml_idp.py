"""A SAML 2.0 identity provider for the tests, built on pysaml2 (not on the portal's code).

    with run_saml_idp(tmp_path) as idp:
        idp.metadata_url  # its metadata: entity ID, SSO endpoint, signing certificate
        idp.users["anna"]["roles"] = ["larare"]  # what the next sign-in says about Anna

It plays the part of the municipalities' AD FS or Entra ID for an employee: it listens on a
free loopback port in a thread of the test process, with a self-signed key and certificate
generated into `tmp_dir`, and serves

* `GET /metadata`: its metadata, which the portal reads (the portal's own metadata is given
  to it with `idp.trust(...)`: it answers only service providers it knows);
* `GET /sso/redirect`: the SSO endpoint, HTTP-Redirect binding; it parses the portal's
  AuthnRequest and answers a sign-in page;
* `POST /sso/login`: the person signs in (`username`, `password`, `ticket` from that page);
  the answer is the HTTP-POST binding's form, a signed Response for the portal's assertion
  consumer service, in reply to the request, with the person's attributes.

`idp.next_response` changes the next answer only, for the tests of what the portal must refuse:
`{"signing": "none"}` (nothing signed), `{"signing": "impostor"}` (signed with a key that is
not the one in the metadata) or `{"audience": "https://another.example/sp"}`.

pysaml2 signs with xmlsec1 (Debian's `xmlsec1` package; CI installs it): without it, starting
the provider fails with a message that says so.
"""

import base64
import datetime
import html
import secrets
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

XMLSEC1 = "/usr/bin/xmlsec1"

NAME_FORMAT_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
PASSWORD = "saml-testlösenord"  # noqa: S105 - every test person's password at this provider

# The test persons: the attributes the provider releases, under the portal's default claim
# names, as an AD FS relying party or an Entra ID SAML app would be configured to send them.
EMPLOYEES = {
    "anna": {
        "municipality": ["amal"],
        "department": ["barn-och-utbildning"],
        "roles": ["larare", "redaktor"],
        "network": ["pedagogiskt"],
        "givenName": ["Anna"],
        "sn": ["Karlsson"],
        "mail": ["anna.karlsson@amal.example"],
    },
    "goran": {
        # Not one of the five municipalities: the portal refuses him.
        "municipality": ["goteborg"],
        "roles": ["larare"],
        "givenName": ["Göran"],
        "sn": ["Persson"],
        "mail": ["goran.persson@goteborg.example"],
    },
}


def xmlsec1_binary() -> str:
    """xmlsec1, which pysaml2 signs and checks signatures with; a clear failure without it."""
    found = XMLSEC1 if Path(XMLSEC1).exists() else shutil.which("xmlsec1")
    if not found:
        raise RuntimeError(
            "The SAML identity provider of the tests needs xmlsec1 (Debian: `apt-get install "
            "xmlsec1`); CI installs it. It is not installed here."
        )
    return found


def self_signed_certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """A new RSA key and a self-signed certificate for it, as PEM files in `directory`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file = directory / f"{name}.key"
    cert_file = directory / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


@dataclass
class PendingRequest:
    request_id: str
    sp_entity_id: str
    acs_url: str
    relay_state: str


@dataclass
class SamlIdentityProvider:
    base_url: str
    server: object  # saml2.server.Server with the key in the metadata
    impostor: object  # the same entity ID, signing with another key
    metadata: str
    users: dict = field(default_factory=lambda: {k: dict(v) for k, v in EMPLOYEES.items()})
    next_response: dict = field(default_factory=dict)
    pending: dict = field(default_factory=dict)
    # The AuthnRequests the provider received, parsed (for the tests to look at).
    requests: list = field(default_factory=list)

    @property
    def entity_id(self) -> str:
        return f"{self.base_url}/metadata"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/metadata"

    @property
    def sso_url(self) -> str:
        return f"{self.base_url}/sso/redirect"

    def trust(self, sp_metadata: str) -> None:
        """Register a service provider from its metadata, as an operator registers the portal
        (an AD FS relying party trust, an Entra ID enterprise app)."""
        for server in (self.server, self.impostor):
            server.metadata.load("inline", sp_metadata)

    # -- The SSO endpoint ----------------------------------------------------------------------

    def receive_authn_request(self, query: dict) -> str:
        """The portal's AuthnRequest (HTTP-Redirect binding): a sign-in page for it."""
        from saml2 import BINDING_HTTP_REDIRECT

        saml_request = query["SAMLRequest"][0]
        parsed = self.server.parse_authn_request(saml_request, BINDING_HTTP_REDIRECT)
        message = parsed.message
        if message.issuer.text not in self.server.metadata.keys():  # noqa: SIM118 - pysaml2 MetadataStore
            raise ValueError(f"unknown service provider {message.issuer.text}")
        self.requests.append(message)
        ticket = secrets.token_urlsafe(16)
        self.pending[ticket] = PendingRequest(
            request_id=message.id,
            sp_entity_id=message.issuer.text,
            acs_url=message.assertion_consumer_service_url,
            relay_state=query.get("RelayState", [""])[0],
        )
        return (
            "<!doctype html><html lang='sv'><title>Logga in</title>"
            f"<form method='post' action='{self.base_url}/sso/login'>"
            f"<input type='hidden' name='ticket' value='{ticket}'>"
            "<label>Användarnamn <input name='username'></label>"
            "<label>Lösenord <input name='password' type='password'></label>"
            "<button>Logga in</button></form></html>"
        )

    def sign_in(self, form: dict) -> tuple[int, str]:
        """The person signs in: the HTTP-POST binding's form with the signed Response."""
        from saml2 import BINDING_HTTP_POST
        from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
        from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

        pending = self.pending.pop(form.get("ticket", [""])[0], None)
        username = form.get("username", [""])[0]
        if pending is None:
            return 400, "Okänd eller redan använd inloggning."
        if username not in self.users or form.get("password", [""])[0] != PASSWORD:
            return 403, "Fel användarnamn eller lösenord."
        options, self.next_response = self.next_response, {}
        signing = options.get("signing", "valid")
        server = self.impostor if signing == "impostor" else self.server
        signed = signing != "none"
        response = server.create_authn_response(
            identity=self.users[username],
            in_response_to=pending.request_id,
            destination=pending.acs_url,
            sp_entity_id=options.get("audience", pending.sp_entity_id),
            name_id=NameID(
                format=NAMEID_FORMAT_PERSISTENT,
                sp_name_qualifier=pending.sp_entity_id,
                text=f"{username}-persistent-id",
            ),
            authn={
                "class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
            },
            sign_response=signed,
            sign_assertion=signed,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
        )
        http_args = server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            destination=pending.acs_url,
            relay_state=pending.relay_state,
            response=True,
        )
        return 200, http_args["data"]


def idp_server(base_url: str, key_file: Path, cert_file: Path):
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.config import IdPConfig
    from saml2.saml import NAMEID_FORMAT_PERSISTENT
    from saml2.server import Server

    config = IdPConfig()
    config.load(
        {
            "entityid": f"{base_url}/metadata",
            "xmlsec_binary": xmlsec1_binary(),
            "key_file": str(key_file),
            "cert_file": str(cert_file),
            "service": {
                "idp": {
                    "name": "Dalslands kommuners testinloggning (SAML)",
                    "endpoints": {
                        "single_sign_on_service": [
                            (f"{base_url}/sso/redirect", BINDING_HTTP_REDIRECT),
                        ],
                    },
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    "policy": {
                        "default": {
                            "lifetime": {"minutes": 5},
                            "attribute_restrictions": None,
                            "name_form": NAME_FORMAT_URI,
                        },
                    },
                    "want_authn_requests_signed": False,
                },
            },
            "metadata": {},
        }
    )
    return Server(config=config)


class _Handler(BaseHTTPRequestHandler):
    idp: SamlIdentityProvider

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def _answer(self, status: int, body: str, content_type: str = "text/html; charset=utf-8"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        try:
            if url.path == "/metadata":
                self._answer(200, self.idp.metadata, "application/samlmetadata+xml")
            elif url.path == "/sso/redirect":
                self._answer(200, self.idp.receive_authn_request(parse_qs(url.query)))
            else:
                self._answer(404, "Not found")
        except Exception as error:  # noqa: BLE001 - a bad request is the portal's fault
            self._answer(400, f"Bad request: {html.escape(repr(error))}")

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        if urlsplit(self.path).path == "/sso/login":
            self._answer(*self.idp.sign_in(form))
        else:
            self._answer(404, "Not found")


@contextmanager
def run_saml_idp(tmp_dir: Path) -> Iterator[SamlIdentityProvider]:
    """The provider on a free loopback port, for the length of the `with` block."""
    from saml2.metadata import create_metadata_string

    xmlsec1_binary()
    tmp_dir = Path(tmp_dir)
    handler = type("Handler", (_Handler,), {})
    http = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base_url = f"http://127.0.0.1:{http.server_address[1]}"
    server = idp_server(base_url, *self_signed_certificate(tmp_dir, "idp"))
    impostor = idp_server(base_url, *self_signed_certificate(tmp_dir, "impostor"))
    metadata = create_metadata_string(None, config=server.config, valid=4).decode()
    handler.idp = SamlIdentityProvider(
        base_url=base_url, server=server, impostor=impostor, metadata=metadata
    )
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.idp
    finally:
        http.shutdown()
        http.server_close()


class _PostForm(HTMLParser):
    """The action and hidden fields of the HTTP-POST binding's form."""

    def __init__(self):
        super().__init__()
        self.action = ""
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.action = attrs.get("action") or ""
        elif tag == "input" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


def post_form(page: str) -> tuple[str, dict]:
    """(action, fields) of the form in a page the provider answered."""
    parser = _PostForm()
    parser.feed(page)
    return parser.action, parser.fields


def decoded_response(fields: dict) -> str:
    """The SAML Response XML in a POST binding's fields, for tests that look inside it."""
    return base64.b64decode(fields["SAMLResponse"]).decode()
