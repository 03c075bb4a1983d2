"""What the browser tests check a page with: axe-core (WCAG 2.1 A and AA) and the W3C HTML
checker (vnu.jar), both installed by `npm ci`."""

import json
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from portal.content_checks import WCAG_TAGS

BASE_DIR = Path(__file__).resolve().parent.parent.parent
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# WCAG_TAGS: WCAG 2.1 level AA, as the Swedish accessibility act (DOS-lagen) requires; one list
# for the browser tests and the editors' checker (portal.content_checks).


def log_in(page, username, password, next_url="/medarbetare/"):
    """Sign in through the real login form (allauth)."""
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill('input[name="login"]', username)
    page.fill('input[name="password"]', password)
    with page.expect_navigation():
        page.locator('form:has(input[name="password"]) [type="submit"]').first.click()


# --- axe-core -------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page for WCAG 2.1 A and AA; return the violations, trimmed to what a
    failing assertion needs to say: the rule, its impact and the offending elements."""
    # Evaluated through the DevTools protocol: an added <script> would be inline, which the
    # portal's Content-Security-Policy blocks.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [
                {"target": node["target"], "summary": node.get("failureSummary", "")}
                for node in violation["nodes"]
            ],
        }
        for violation in result["violations"]
    ]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"      {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


# --- vnu.jar --------------------------------------------------------------------------------


def _vnu(*args: str, stdin: bytes | None = None) -> list[dict]:
    completed = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )
    # The report is JSON on stderr; the exit code is 1 whenever there are errors.
    try:
        return json.loads(completed.stderr)["messages"]
    except (ValueError, KeyError) as exc:
        raise RuntimeError(f"vnu.jar gave no report: {completed.stderr[-2000:]!r}") from exc


def _errors(messages: list[dict]) -> list[dict]:
    return [message for message in messages if message.get("type") == "error"]


def vnu_errors(html: str) -> list[dict]:
    """The W3C HTML checker's errors for one document (about a second: the JVM starts)."""
    return _errors(_vnu("-", stdin=html.encode()))


def vnu_errors_for_documents(documents: dict[str, str]) -> dict[str, list[dict]]:
    """Check many documents in ONE run of the checker: {name: html} -> {name: errors}."""
    report = {name: [] for name in documents}
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            filename = f"{number:03d}.html"
            (Path(folder) / filename).write_text(html, encoding="utf-8")
            names[filename] = name
        for message in _errors(_vnu("--skip-non-html", folder)):
            filename = Path(urlparse(message.get("url", "")).path).name
            if filename not in names:
                raise RuntimeError(f"vnu.jar reported on no document it was given: {message}")
            report[names[filename]].append(message)
    return report


def format_html_errors(errors: list[dict]) -> str:
    return "\n".join(
        f"line {error.get('lastLine', '?')}: {error['message']}  "
        f"[{error.get('extract', '').strip()}]"
        for error in errors
    )
