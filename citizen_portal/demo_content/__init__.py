"""The citizen portal's demo content, read from demo/citizen/ (see demo/citizen/README.md).

Records are TOML; a page's body is an HTML fragment, `<name>.html` in Swedish and
`<name>.en.html` in English. Texts written once for several municipalities carry placeholders,
`{municipality}`, `{phone}` and so on, filled in with `fill` (departments.placeholders gives
the values). The modules beside this one turn the files into the structures `citizen_portal.demo`
seeds.
"""

from functools import cache

from portal.demo import DEMO_DIR, body_blocks, load_records, read_fragment

FOLDER = "citizen"


def joined(text: str) -> str:
    """Rich text written one element a line, as one line: the lines, stripped, joined."""
    return "".join(line.strip() for line in text.splitlines())


def texts(data):
    """`data` with every multi-line string (rich text, one element a line) joined."""
    if isinstance(data, dict):
        return {key: texts(value) for key, value in data.items()}
    if isinstance(data, list):
        return [texts(value) for value in data]
    if isinstance(data, str) and "\n" in data:
        return joined(data)
    return data


@cache
def records(name: str) -> dict:
    """demo/citizen/<name>.toml, its rich texts joined (read once: do not change it)."""
    return texts(load_records(f"{FOLDER}/{name}"))


def fill(data, values: dict):
    """`data` with the placeholders in every string filled in from `values`."""
    if isinstance(data, dict):
        return {key: fill(value, values) for key, value in data.items()}
    if isinstance(data, list):
        return [fill(value, values) for value in data]
    if isinstance(data, tuple):
        return tuple(fill(value, values) for value in data)
    if isinstance(data, str) and "{" in data:
        return data.format_map(values)
    return data


@cache
def body(name: str) -> list:
    """The page body demo/citizen/<name>.html as StreamField blocks, `[(type, value), ...]`;
    none if there is no such file. Read once: do not change it (`fill` returns a copy).

    A line `<h2>…</h2>` is a heading; `<aside class="info">` (or "important") up to
    `</aside>` is a fact box, its `<h3>` the box's heading; the other lines up to the next
    heading, fact box or blank line are one block of text.
    """
    if not (DEMO_DIR / FOLDER / f"{name}.html").is_file():
        return []
    return body_blocks(read_fragment(f"{FOLDER}/{name}.html"))
