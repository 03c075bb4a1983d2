"""The diary's demo: some 2,700 documents in the registers of the five municipalities' boards.

The cases are written from the templates in demo/diary/ (demo/diary/README.md describes them)
with `random.Random(2026)`, so every run produces the same cases. Their dates follow the day of
seeding: the last 18 months, weekdays only, fewer in July. The rows go through `import_rows`
exactly like an export from a case-management system, so the publication rules (publication.py)
apply to them: private parties are emptied, secrecy-marked documents lose their titles (which
may name a person here, as they do in the real system), and the handful of titles and parties
that carry a personnummer on purpose are masked. Social-services registers are not part of the
demo, just as the municipalities leave them out of their published diaries: nearly everything
in them is secret under offentlighets- och sekretesslagen (26 kap. 1 §).

Idempotent: when the demo's registers already hold the demo's documents, the seeder only fills in
the registers' names and e-mail addresses where they are empty. (It does not import again: on a
later day the dates, and with them the years in the case numbers, would have moved.)
"""

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone

from citizen_portal.demo_content.departments import DEPARTMENTS
from portal.demo import load_records, municipalities, municipality, seeder

from .importer import import_rows
from .models import Document, DocumentRequest, Register

SEED = 2026
DAYS_BACK = 548  # about 18 months
MAX_DOCUMENTS_PER_CASE = 6
# The demo has about 2,700 documents; this many in its registers means it has been seeded.
SEEDED_AT_LEAST = 2000

IN, INTERNAL = "in", "internal"
PRIVATE, ORGANISATION = "private", "organisation"
DEFAULT_GAP = (3, 20)  # days after the previous document
WINTER = (11, 12, 1, 2, 3)  # the months of snow clearing


class Party(NamedTuple):
    name: str
    type: str  # private, organisation or authority


NOBODY = Party("", "")


# --- The data ----------------------------------------------------------------------------------


@cache
def registers() -> dict:
    """demo/diary/registers.toml, in the order of the municipality table, keyed by slug."""
    data = load_records("diary/registers")
    return {row["slug"]: data[row["slug"]] for row in municipalities() if row["slug"] in data}


@cache
def words() -> dict:
    """demo/diary/words.toml, its fixed parties as Party."""
    data = load_records("diary/words")
    parties = {key: Party(row["name"], row["type"]) for key, row in data["party"].items()}
    return {**data, "party": parties}


@dataclass(frozen=True)
class StepSpec:
    """A step of a template, as written (demo/diary/README.md)."""

    title: str = ""
    minutes: str = ""
    direction: str = INTERNAL
    party: object = None  # a name, or a written-out party
    secrecy: str = ""
    secrecy_if: str = ""
    gap: tuple = DEFAULT_GAP
    gap_between: tuple = DEFAULT_GAP  # for the steps of an `each` after the first
    condition: str = ""  # `if`
    each: str = ""
    optional: bool = False


def _step(data: dict) -> StepSpec:
    secrecy, _, secrecy_if = data.get("secrecy", "").partition(" ")
    party = data.get("party")
    gap = tuple(data.get("gap", DEFAULT_GAP))
    return StepSpec(
        title=data.get("title", ""),
        minutes=data.get("minutes", ""),
        direction=data.get("direction", INTERNAL),
        party=Party(party["name"], party["type"]) if isinstance(party, dict) else party,
        secrecy=words()["secrecy"][secrecy] if secrecy else "",
        secrecy_if=secrecy_if,
        gap=gap,
        gap_between=tuple(data.get("gap_between", gap)),
        condition=f"if {data['if']}" if "if" in data else "",
        each=data.get("each", ""),
        optional=data.get("optional", False),
    )


@dataclass(frozen=True, eq=False)
class Template:
    """A kind of case, as written in demo/diary/cases/<kind>.toml (or special_cases.toml)."""

    name: str
    title: str
    steps: tuple
    weight: int = 1
    recurring: bool = False
    draws: tuple = ()  # (name, operation, argument, condition)
    fill: bool = False
    keep: tuple = ()
    lists: dict = field(default_factory=dict)


_DRAW = re.compile(r"(\w+) = (\w+)(.*?)(?: ((?:if|unless) .+))?")


def _template(data: dict) -> Template:
    draws = []
    for text in data.get("draws", []):
        match = _DRAW.fullmatch(text)
        if match is None or not hasattr(CaseWriter, f"draw_{match[2]}"):
            raise ValueError(f"{data['name']}: cannot read the draw {text!r}")
        draws.append((match[1], match[2], match[3].strip(), match[4] or ""))
    return Template(
        name=data["name"],
        title=data["title"],
        steps=tuple(_step(step) for step in data["steps"]),
        weight=data.get("weight", 1),
        recurring=data.get("recurring", False),
        draws=tuple(draws),
        fill=data.get("fill", False),
        keep=tuple(data.get("keep", ())),
        lists=data.get("lists", {}),
    )


@cache
def templates(kind: str) -> list[Template]:
    return [_template(data) for data in load_records(f"diary/cases/{kind}")["template"]]


@cache
def special_cases() -> list[tuple[str, str, str, Template]]:
    """(municipality slug, register code, kind, template) of each case written out in full."""
    return [
        (data["municipality"], data["register"], data["kind"], _template({"name": "", **data}))
        for data in load_records("diary/special_cases")["case"]
    ]


# --- Writing a case ----------------------------------------------------------------------------


@dataclass
class Step:
    """One document of a case, before it has dates and a number."""

    title: str
    direction: str
    party: Party = NOBODY
    secrecy: str = ""
    gap: tuple = DEFAULT_GAP


_PLACEHOLDER = re.compile(r"\{([\w.]+?)([+-]\d+)?\}")


@dataclass
class Context:
    """What a template needs to write one case: the dice, the municipality, the board, the day."""

    rng: random.Random
    register: dict  # the municipality's entry in registers.toml
    board: dict
    start: date

    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def fill(self, text: str) -> str:
        r = self.register
        return text.format(
            town=r["town"],
            town_genitive=r["town_genitive"],
            place=self.pick(r["places"]),
            street=self.pick(r["streets"]),
            lake=self.pick(r["lakes"]),
            school=self.pick(r["schools"]),
            prop=self.property_designation(),
        )

    def property_designation(self) -> str:
        tract = self.pick(self.register["tracts"])
        return f"{tract} {self.rng.randint(1, 9)}:{self.rng.randint(1, 199)}"

    def person(self) -> Party:
        lists = words()["lists"]
        return Party(f"{self.pick(lists['first_names'])} {self.pick(lists['last_names'])}", PRIVATE)

    def minutes(self, body: str) -> str:
        """A protocol extract's title, e.g. "Protokollsutdrag kommunstyrelsen § 142"."""
        return f"Protokollsutdrag {body} § {self.rng.randint(2, 260)}"


@cache
def _known(year: int, month: int, board: str) -> dict:
    """What a template knows of a case without drawing: its year, the school year, …"""
    interim_year = year - 1 if month <= 3 else year
    return {
        "year": year,
        "budget_year": year + 1 if month >= 4 else year,
        "interim_report": f"{'augusti' if month >= 9 or month <= 3 else 'april'} {interim_year}",
        "next_school_year": _school_year(year if month <= 8 else year + 1),
        "current_school_year": _school_year(year if month >= 9 else year - 1),
        "board": board if board[:2].isupper() else board[0].lower() + board[1:],
        "winter": month in WINTER,
    }


def _school_year(autumn: int) -> str:
    return f"{autumn}/{(autumn + 1) % 100:02d}"


class CaseWriter:
    """One case written from a template: the draws, then the title, then the steps."""

    def __init__(self, context: Context, template: Template):
        self.c = context
        self.template = template
        self.values = dict(_known(context.start.year, context.start.month, context.board["name"]))

    def write(self) -> tuple[str, list[Step]]:
        t, c = self.template, self.c
        for name, operation, argument, condition in t.draws:
            if self.holds(condition):
                self.values[name] = getattr(self, f"draw_{operation}")(argument)
        title = self.text(t.title)
        if t.fill:
            title = c.fill(title)
        steps = self.steps()
        if t.keep:
            steps = steps[: c.pick(t.keep)]
        return title, steps

    # What a draw can be (demo/diary/README.md).

    def draw_person(self, _argument):
        return self.c.person()

    def draw_organisation(self, argument):
        return Party(self.c.pick(self.named(argument)), ORGANISATION)

    def draw_association(self, _argument):
        return Party(self.c.fill(self.c.pick(words()["lists"]["associations"])), ORGANISATION)

    def draw_applicant(self, argument):
        share = float(argument) if argument[0].isdigit() else self.value(argument)
        if self.c.chance(share):
            return self.draw_organisation("companies")
        return self.c.person()

    def draw_party(self, argument):
        return self.party(argument)

    def draw_pick(self, argument):
        return self.c.pick(self.named(argument))

    def draw_sample(self, argument):
        name, count = argument.split()
        return self.c.rng.sample(self.named(name), int(count))

    def draw_organisations(self, argument):
        name, low, high = argument.split()
        chosen = self.c.rng.sample(self.named(name), self.c.rng.randint(int(low), int(high)))
        return [Party(item, ORGANISATION) for item in chosen]

    def draw_persons(self, argument):
        low, high = argument.split()
        return [self.c.person() for _ in range(self.c.rng.randint(int(low), int(high)))]

    def draw_chance(self, argument):
        return self.c.chance(float(argument))

    def draw_chances(self, argument):
        name, probability = argument.split()
        return [self.c.chance(float(probability)) for _ in self.values[name]]

    def draw_fill(self, argument):
        return self.c.fill(self.text(argument))

    def draw_text(self, argument):
        return self.text(argument)

    # Reading what was drawn.

    def named(self, name: str) -> list:
        for lists in (self.template.lists, self.c.register, words()["lists"]):
            if name in lists:
                return lists[name]
        raise KeyError(f"{self.template.name}: no list {name!r}")

    def value(self, path: str, values: dict | None = None):
        values = self.values if values is None else values
        head, *fields = path.split(".")
        value = values[head]
        for name in fields:
            if name.isdigit():
                value = value[int(name)]
            elif isinstance(value, dict):
                value = value[name]
            else:
                value = getattr(value, name)
        return value

    def text(self, text: str, values: dict | None = None) -> str:
        """`text` with the values drawn (and known) put in; other placeholders, such as
        {street}, are left for `fill`."""
        if "{" not in text:
            return text
        values = self.values if values is None else values

        def put(match):
            if match[1].split(".")[0] not in values:
                return match[0]
            value = self.value(match[1], values)
            if match[2]:
                value += int(match[2])
            return self.text(value, values) if isinstance(value, str) else str(value)

        return _PLACEHOLDER.sub(put, text)

    def holds(self, condition: str, values: dict | None = None, index: int = 0) -> bool:
        """`if NAME`, `unless NAME` or `if NAME == VALUE`; a list of chances is read at `index`."""
        if not condition:
            return True
        word, _, test = condition.partition(" ")
        name, _, expected = test.partition(" == ")
        value = self.value(name, values)
        if isinstance(value, list):
            value = value[index]
        holds = value == expected if expected else bool(value)
        return holds if word == "if" else not holds

    def party(self, spec, values: dict | None = None) -> Party:
        """A step's party: a draw, a fixed party of words.toml or a written-out party."""
        if spec is None or isinstance(spec, Party):
            return spec or NOBODY
        values = self.values if values is None else values
        value = self.value(spec, values) if spec.split(".")[0] in values else spec
        return value if isinstance(value, Party) else words()["party"][value]

    def steps(self) -> list[Step]:
        steps, optional = [], []
        for spec in self.template.steps:
            if spec.condition and not self.holds(spec.condition):
                continue
            items = self.values[spec.each] if spec.each else (None,)
            for index, item in enumerate(items):
                values = {**self.values, "item": item} if spec.each else self.values
                if spec.minutes:
                    title = self.c.minutes(self.text(spec.minutes, values))
                else:
                    title = self.text(spec.title, values)
                secret = not spec.secrecy_if or self.holds(spec.secrecy_if, values, index)
                step = Step(
                    title,
                    spec.direction,
                    self.party(spec.party, values),
                    spec.secrecy if secret else "",
                    spec.gap_between if index else spec.gap,
                )
                steps.append(step)
                if spec.optional:
                    optional.append(step)
        # At most six documents: the optional steps that do not fit are left out.
        room = max(0, MAX_DOCUMENTS_PER_CASE - (len(steps) - len(optional)))
        if len(optional) <= room:
            return steps
        dropped = {id(step) for step in optional[room:]}
        return [step for step in steps if id(step) not in dropped]


# --- Dates ---------------------------------------------------------------------------------------

HOLIDAYS = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS


def next_workday(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def previous_workday(day: date) -> date:
    while not is_workday(day):
        day -= timedelta(days=1)
    return day


def spread_workdays(rng: random.Random, first: date, last: date, count: int) -> list[date]:
    """`count` workdays spread over `first`…`last`, one at random in each of `count` equal
    slices, in random order. Most that fall in July move to August, after the summer holiday."""
    span = (last - first).days + 1
    days = []
    for index in range(count):
        day = first + timedelta(days=int((index + rng.random()) * span / count))
        if day.month == 7 and rng.random() < 0.6:
            day = day.replace(month=8, day=rng.randint(1, 20))
        day = next_workday(day)
        days.append(day if day <= last else previous_workday(last))
    rng.shuffle(days)
    return days


# --- From templates to rows ------------------------------------------------------------------


@dataclass
class DemoCase:
    start: date
    title: str
    documents: list = field(default_factory=list)  # (Step, registered, document_date)


def _dated(rng: random.Random, start: date, steps: list, today: date) -> list:
    """The steps with their registration and document dates; the ones after today are left
    out (the case has not got that far yet)."""
    documents = []
    day = start
    for index, step in enumerate(steps[:MAX_DOCUMENTS_PER_CASE]):
        if index:
            day = next_workday(day + timedelta(days=rng.randint(*step.gap)))
        if day > today:
            break
        if step.direction == IN:  # a letter or an e-mail, written any day
            written = day - timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 3, 5]))
        elif rng.random() < 0.15:  # drawn up the working day before it was registered
            written = previous_workday(day - timedelta(days=1))
        else:
            written = day
        documents.append((step, day, written))
    return documents


def _choose(rng: random.Random, board: dict):
    """A (template, kind) for a case of `board`, by the weights of its kinds and templates."""
    options, weights = _options(tuple(board["kinds"].items()))
    return rng.choices(options, weights)[0]


@cache
def _options(kinds: tuple) -> tuple[list, list]:
    options = [
        ((template, kind), kind_weight * template.weight)
        for kind, kind_weight in kinds
        for template in templates(kind)
    ]
    return [option for option, _ in options], [weight for _, weight in options]


def build_rows(today: date) -> list[dict]:
    """The demo's rows as an export would give them: one dict per document, FIELDS as keys."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    first = today - timedelta(days=DAYS_BACK)
    department_names = {
        (slug, item["slug"]): item["name"] for slug, items in DEPARTMENTS.items() for item in items
    }
    rows = []
    for slug, register in registers().items():
        for board in register["boards"]:
            specials = [
                (template, kind)
                for s, code, kind, template in special_cases()
                if (s, code) == (slug, board["code"])
            ]
            starts = spread_workdays(rng, first, today, board["cases"] + len(specials))
            cases, titles = [], set()
            for index, start in enumerate(starts):
                context = Context(rng, register, board, start)
                for _attempt in range(20):  # a budget or a motion once, not twice
                    if index < len(specials):
                        template, kind = specials[index]
                    else:
                        template, kind = _choose(rng, board)
                    title, steps = CaseWriter(context, template).write()
                    if template.recurring or title not in titles:
                        break
                titles.add(title)
                department = department_names[(slug, register["departments"][kind])]
                case = DemoCase(start, title, _dated(rng, start, steps, today))
                cases.append((case, department))
            rows += _numbered_rows(rng, slug, register, board, cases, first)
    return rows


def _numbered_rows(rng, slug, register, board, cases, first: date) -> list[dict]:
    """Number the cases in the order they were opened, one series per board and year, and make
    them rows. The numbers have gaps, as not every case of a board is in the published diary,
    and the first year's series starts where the months before the demo's first day left it."""
    rows = []
    per_year = board["cases"] * 365 / DAYS_BACK * 3.5  # 3.5: the mean step between two numbers
    serials = {first.year: int(per_year * first.timetuple().tm_yday / 365)}
    for case, department in sorted(cases, key=lambda item: item[0].start):
        year = case.start.year
        serials[year] = serials.get(year, 0) + rng.randint(1, 6)
        number = register["number"].format(code=board["code"], year=year, serial=serials[year])
        for index, (step, registered, written) in enumerate(case.documents, start=1):
            rows.append(
                {
                    "municipality": slug,
                    "register": board["code"],
                    "case_number": number,
                    "case_title": case.title,
                    "document_number": f"{number}-{index}",
                    "document_title": step.title,
                    "document_date": written.isoformat(),
                    "registered_date": registered.isoformat(),
                    "direction": step.direction,
                    "party": step.party.name,
                    "party_type": step.party.type,
                    "department": department,
                    "secrecy": step.secrecy,
                }
            )
    return rows


# --- The seeder --------------------------------------------------------------------------------


def _demo_documents():
    documents = Q()
    for slug, register in registers().items():
        codes = [board["code"] for board in register["boards"]]
        documents |= Q(municipality__slug=slug, register__code__in=codes)
    return Document.objects.filter(documents)


def _name_registers() -> None:
    """Names and registrars' addresses for the demo's registers, where they have none."""
    for slug, register in registers().items():
        email = f"registrator@{municipality(slug)['email_domain']}"
        for board in register["boards"]:
            found = Register.objects.filter(municipality__slug=slug, code=board["code"])
            found.filter(name="").update(name=board["name"])
            found.filter(registrar_email="").update(registrar_email=email)


def _swedish_number(number: int) -> str:
    return f"{number:,}".replace(",", " ")


@seeder(60)
def seed_diary(stdout, style):
    existing = _demo_documents().count()
    if existing >= SEEDED_AT_LEAST:
        _name_registers()
        return f"{_swedish_number(existing)} diarieposter fanns redan"
    rows = build_rows(timezone.localdate())
    result = import_rows(lambda: rows)
    _name_registers()
    return f"{_swedish_number(result.rows)} diarieposter i {len(registers())} kommuner"


# --- Requests for documents ------------------------------------------------------------------


@dataclass(frozen=True)
class DemoRequest:
    """A request of demo/diary/requests.toml."""

    municipality: str
    register: str
    days_ago: int  # 0: today
    access: str
    status: str = DocumentRequest.Status.NEW
    from_document: str = ""  # "latest" or "secret": a row of the register; "": a description
    description: str = ""
    name: str = ""
    email: str = ""
    postal_address: str = ""
    phone: str = ""
    written_decision: bool = False
    note: str = ""


def demo_requests() -> list[DemoRequest]:
    return [DemoRequest(**row) for row in load_records("diary/requests")["request"]]


def _demo_request_time(days_ago: int, now):
    """An office-hours time `days_ago` days back; for today, shortly before now (and never
    before midnight, so it stays one of today's)."""
    if days_ago == 0:
        midnight = timezone.localtime(now).replace(hour=0, minute=1, second=0, microsecond=0)
        return max(midnight, now - timedelta(minutes=35))
    day = timezone.localtime(now) - timedelta(days=days_ago)
    return day.replace(hour=9 + days_ago % 6, minute=(days_ago * 17) % 60, second=0)


@seeder(65)
def seed_document_requests(stdout, style):
    """A handful of requests so the registrars' list in the admin shows its order. Once: on a
    later run the ones that were today's are simply older, as they would be."""
    existing = DocumentRequest.objects.count()
    if existing:
        return f"{existing} begäranden om handlingar fanns redan"
    now = timezone.now()
    created = 0
    for demo in demo_requests():
        register = (
            Register.objects.filter(municipality__slug=demo.municipality, code=demo.register)
            .select_related("municipality")
            .first()
        )
        if register is None:
            continue
        fields = {}
        if demo.from_document:
            documents = Document.objects.filter(register=register).select_related("case")
            if demo.from_document == "secret":
                documents = documents.exclude(secrecy="")
            document = documents.order_by("-registered_date", "-id").first()
            if document is None:
                continue
            fields = {
                "case": document.case,
                "document": document,
                "case_number": document.case.case_number,
                "case_title": document.case.title,
                "document_number": document.document_number,
                "document_title": str(document.display_title),
            }
        created_at = _demo_request_time(demo.days_ago, now)
        handled = demo.status == DocumentRequest.Status.HANDLED
        DocumentRequest.objects.create(
            reference=DocumentRequest.next_reference(timezone.localtime(created_at).year),
            municipality=register.municipality,
            register=register,
            description=demo.description,
            access=demo.access,
            name=demo.name,
            email=demo.email,
            postal_address=demo.postal_address,
            phone=demo.phone,
            written_decision=demo.written_decision,
            created_at=created_at,
            status=demo.status,
            handled_at=created_at + timedelta(hours=3) if handled else None,
            internal_note=demo.note,
            **fields,
        )
        created += 1
    return f"{created} begäranden om handlingar"
