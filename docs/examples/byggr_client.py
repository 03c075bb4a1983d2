"""A Mellerud building-permit system (ByggR, say) playing its part through the portal's case
API, with nothing but `requests`: an example for a municipality's integration team
(docs/case-api.md), and what tests/case_api/test_mellerud_byggr.py runs against a live portal.

    python docs/examples/byggr_client.py https://portal.example CLIENT_ID CLIENT_SECRET

It gets a token by client credentials, finds the new building permits it has not
acknowledged, fetches each with its drawings, acknowledges it, sets it to "handläggs", asks for
a completion and then posts the decision with a PDF. Every write carries an Idempotency-Key, so
a step sent again after a timeout does nothing twice.
"""

import sys
import uuid

import requests

TIMEOUT = 30


class CaseApi:
    def __init__(self, base_url, client_id, client_secret, session=None):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.client_id, self.client_secret = client_id, client_secret
        self.token = None

    def authenticate(self) -> str:
        """A bearer token by the OAuth 2 client-credentials grant (RFC 6749 §4.4)."""
        response = self.session.post(
            f"{self.base_url}/api/v1/oauth/token/",
            data={"grant_type": "client_credentials", "scope": "cases"},
            auth=(self.client_id, self.client_secret),
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        self.token = response.json()["access_token"]
        return self.token

    def _headers(self, key=None):
        headers = {"Authorization": f"Bearer {self.token}"}
        if key:
            headers["Idempotency-Key"] = key
        return headers

    def get(self, path, **params) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base_url}{path}"
        return self.session.get(url, params=params, headers=self._headers(), timeout=TIMEOUT)

    def post(self, path, *, key=None, json=None, data=None, files=None) -> requests.Response:
        return self.session.post(
            f"{self.base_url}{path}",
            json=json,
            data=data,
            files=files,
            headers=self._headers(key or str(uuid.uuid4())),
            timeout=TIMEOUT,
        )

    # The journey ---------------------------------------------------------------------------

    def new_cases(self) -> list[dict]:
        response = self.get("/api/v1/cases/", unacknowledged="true", eservice="bygglov")
        response.raise_for_status()
        return response.json()["results"]

    def fetch(self, reference) -> dict:
        response = self.get(f"/api/v1/cases/{reference}/")
        response.raise_for_status()
        return response.json()

    def download(self, attachment) -> bytes:
        response = self.get(attachment["download_url"])
        response.raise_for_status()
        return response.content

    def acknowledge(self, reference, key=None):
        return self.post(f"/api/v1/cases/{reference}/acknowledge/", key=key, json={})

    def set_status(self, reference, status, comment="", key=None):
        return self.post(
            f"/api/v1/cases/{reference}/status/",
            key=key,
            json={"status": status, "comment": comment},
        )

    def request_completion(self, reference, body, key=None):
        return self.post(
            f"/api/v1/cases/{reference}/completion-requests/", key=key, json={"body": body}
        )

    def decide(self, reference, outcome, text, pdf: bytes, filename="beslut.pdf", key=None):
        return self.post(
            f"/api/v1/cases/{reference}/decision/",
            key=key,
            data={"outcome": outcome, "text": text},
            files={"document": (filename, pdf, "application/pdf")},
        )


def main(base_url, client_id, client_secret, decision_pdf_path=None):
    api = CaseApi(base_url, client_id, client_secret)
    api.authenticate()
    for summary in api.new_cases():
        reference = summary["reference"]
        case = api.fetch(reference)
        print(reference, case["applicant"]["name"], case["data"].get("property_designation"))
        for attachment in case["attachments"]:
            print("  ", attachment["name"], len(api.download(attachment)), "bytes")
        api.acknowledge(reference).raise_for_status()
        api.set_status(reference, "handlaggs").raise_for_status()
        api.request_completion(reference, "Situationsplanen saknas.").raise_for_status()
        if decision_pdf_path:
            with open(decision_pdf_path, "rb") as pdf:
                decided = api.decide(reference, "bifall", "Bygglov ges.", pdf.read())
            decided.raise_for_status()


if __name__ == "__main__":
    main(*sys.argv[1:])
