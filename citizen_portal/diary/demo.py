"""The diary's demo: some 2,700 documents in the registers of the five municipalities' boards.

The cases are generated from templates per kind of board with `random.Random(2026)`, so every
run produces the same cases. Their dates follow the day of seeding: the last 18 months, weekdays
only, fewer in July. The rows go through `import_rows` exactly like an export from a
case-management system, so the publication rules (publication.py) apply to them: private
parties are emptied, secrecy-marked documents lose their titles (which may name a person here,
as they do in the real system), and the handful of titles and parties that carry a personnummer
on purpose are masked. Social-services registers are not part of the demo, just as the
municipalities leave them out of their exports (DOMAIN.md §2.6).

Idempotent: when the demo's registers already hold the demo's documents, the seeder only fills in
the registers' names and e-mail addresses where they are empty. (It does not import again: on a
later day the dates, and with them the years in the case numbers, would have moved.)
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from citizen_portal.demo_content.departments import DEPARTMENTS
from portal.demo import seeder

from .importer import import_rows
from .models import Document, DocumentRequest, Register

SEED = 2026
DAYS_BACK = 548  # about 18 months
MAX_DOCUMENTS_PER_CASE = 6
# The demo has about 2,700 documents; this many in its registers means it has been seeded.
SEEDED_AT_LEAST = 2000

IN, OUT, INTERNAL = "in", "out", "internal"
PRIVATE, ORGANISATION, AUTHORITY = "private", "organisation", "authority"
NOBODY = ("", "")

OSL_HEALTH = "OSL 21 kap. 1 §"
OSL_PUPIL = "OSL 23 kap. 2 §"
OSL_TENDER = "OSL 19 kap. 3 §"
OSL_BUSINESS = "OSL 31 kap. 16 §"
OSL_STAFF = "OSL 39 kap. 3 §"
OSL_SECURITY = "OSL 18 kap. 13 §"


# --- Municipalities, boards and places ----------------------------------------------------------


def _names(text: str) -> list[str]:
    """The names in "Åmål, Tösse, Dals Långed", as a list."""
    return text.split(", ")


@dataclass(frozen=True)
class Board:
    code: str
    name: str
    kinds: dict  # template kind → weight
    cases: int  # how many cases the demo gives the register over the 18 months


MUNICIPALITIES = {
    "bengtsfors": {
        "domain": "bengtsfors.se",
        "number": "{code} {year}/{serial}",
        "town": "Bengtsfors",
        "town_genitive": "Bengtsfors",
        "departments": {
            "ks": "kommunledning",
            "bun": "barn-och-utbildning",
            "bygg": "samhallsbyggnad",
            "kfn": "kultur-och-fritid",
            "tn": "samhallsbyggnad",
        },
        "boards": [
            Board("KS", "Kommunstyrelsen", {"ks": 5, "tn": 2}, 52),
            Board("BUN", "Barn- och utbildningsnämnden", {"bun": 1}, 32),
            Board("MBN", "Miljö- och byggnadsnämnden", {"bygg": 1}, 55),
            Board("KFN", "Kultur- och fritidsnämnden", {"kfn": 1}, 20),
        ],
        "places": _names(
            "Bengtsfors, Billingsfors, Dals Långed, Bäckefors, Gustavsfors, Skåpafors, Ärtemark, "
            "Steneby"
        ),
        "tracts": _names(
            "Billingsfors, Bengtsfors, Långed, Bäckefors, Gustavsfors, Skåpafors, Ärtemark-Bön, "
            "Steneby-Tisselskog, Laxarby-Sund"
        ),
        "streets": _names(
            "Storgatan, Kanalgatan, Sågvägen, Långedsvägen, Järnvägsgatan, Kyrkogatan, Sjövägen"
        ),
        "lakes": ["Lelången", "Laxsjön", "Bengtsbrohöljen", "Ärr"],
        "schools": _names(
            "Sågenskolan, Dals Långeds skola, Billingsfors skola, Bäckefors skola, "
            "Solgläntans förskola"
        ),
    },
    "dals-ed": {
        "domain": "dalsed.se",
        "number": "{code} {year}/{serial}",
        "town": "Ed",
        "town_genitive": "Eds",
        "departments": {
            "ks": "kommunledning",
            "bun": "barn-och-utbildning",
            "bygg": "samhallsbyggnad",
            "kfn": "kultur-och-fritid",
            "tn": "samhallsbyggnad",
        },
        # Dals-Ed's boards (departments.py): FOKUS-nämnden for school, culture and leisure, and
        # the plan- och byggnadsnämnd; its social board's register is not published.
        "boards": [
            Board("KS", "Kommunstyrelsen", {"ks": 5, "tn": 2}, 38),
            Board("FOKUS", "FOKUS-nämnden", {"bun": 3, "kfn": 1}, 32),
            Board("PBN", "Plan- och byggnadsnämnden", {"bygg": 1}, 36),
        ],
        "places": ["Ed", "Nössemark", "Rölanda", "Gesäter", "Håbol", "Hökedalen", "Töftedal"],
        "tracts": _names("Ed, Västra Ed, Nössemark, Rölanda, Gesäter, Håbol, Hökedalen, Töftedal"),
        "streets": _names(
            "Storgatan, Kyrkogatan, Strömstadsvägen, Sundsvägen, Nössemarksvägen, Skolgatan"
        ),
        "lakes": ["Lilla Le", "Stora Le", "Västra Silen"],
        "schools": ["Hagaskolan", "Rölanda skola", "Nössemarks skola", "Solbackens förskola"],
    },
    "fargelanda": {
        "domain": "fargelanda.se",
        "number": "{code} {year}/{serial}",
        "town": "Färgelanda",
        "town_genitive": "Färgelandas",
        "departments": {
            "ks": "kommunledning",
            "bun": "barn-och-utbildning",
            "bygg": "samhallsbyggnad",
            "kfn": "kultur-och-fritid",
            "tn": "samhallsbyggnad",
        },
        "boards": [
            Board("KS", "Kommunstyrelsen", {"ks": 5, "kfn": 1}, 42),
            Board("BUN", "Barn- och utbildningsnämnden", {"bun": 1}, 26),
            Board("SBN", "Samhällsbyggnadsnämnden", {"bygg": 1}, 42),
            Board("TN", "Tekniska nämnden", {"tn": 1}, 24),
        ],
        "places": _names(
            "Färgelanda, Högsäter, Ödeborg, Stigen, Rådanefors, Järbo, Ellenö, Valbo-Ryr"
        ),
        "tracts": _names(
            "Rådanefors, Högsäter, Ödeborg, Stigen, Järbo, Ellenö, Valbo-Ryr, Lerdal, "
            "Färgelanda-Prästgården"
        ),
        "streets": _names(
            "Storgatan, Allhemsvägen, Kyrkvägen, Skolvägen, Ödeborgsvägen, Stigenvägen"
        ),
        "lakes": ["Ellenösjön", "Kolungen", "Teåkersjön"],
        "schools": ["Valboskolan", "Höjdenskolan", "Ödeborgs skola", "Stigens skola"],
    },
    "mellerud": {
        "domain": "mellerud.se",
        "number": "{code} {year}/{serial}",
        "town": "Mellerud",
        "town_genitive": "Melleruds",
        "departments": {
            "ks": "kommunstyrelseforvaltningen",
            "bun": "barn-och-utbildning",
            "bygg": "samhallsbyggnad",
            "kfn": "kultur-och-fritid",
            "tn": "samhallsbyggnad",
        },
        "boards": [
            Board("KS", "Kommunstyrelsen", {"ks": 1}, 52),
            Board("BUN", "Barn- och utbildningsnämnden", {"bun": 1}, 36),
            Board("SBN", "Samhällsbyggnadsnämnden", {"bygg": 3, "tn": 2}, 74),
            Board("KFN", "Kultur- och fritidsnämnden", {"kfn": 1}, 20),
        ],
        "places": _names(
            "Mellerud, Åsensbruk, Köpmannebro, Dingelvik, Håverud, Skållerud, Erikstad, Sunnanå"
        ),
        "tracts": _names(
            "Åsensbruk, Köpmannebro, Dingelvik, Håverud, Skållerud-Bön, Erikstad-Kroken, Sunnanå, "
            "Grinstad-Holm, Klöveskog"
        ),
        "streets": _names(
            "Storgatan, Kyrkogatan, Järnvägsgatan, Sunnanåvägen, Vänersborgsvägen, Köpmannebrovägen"
        ),
        "lakes": ["Vänern", "Åklången", "Grytsjön"],
        "schools": ["Rådaskolan", "Nordalsskolan", "Åsens skola", "Regnbågens förskola"],
    },
    "amal": {
        "domain": "amal.se",
        # DOMAIN.md §2.3: one series per board, so 2025-00012 is in KS and in BUN.
        "number": "{year}-{serial:05d}",
        "town": "Åmål",
        "town_genitive": "Åmåls",
        "departments": {
            "ks": "kommunstyrelsens-forvaltning",
            "bun": "barn-och-utbildning",
            "bygg": "samhallsbyggnad",
            "miljo": "samhallsbyggnad",
            "tn": "teknik-och-fritid",
        },
        "boards": [
            Board("KS", "Kommunstyrelsen", {"ks": 1}, 62),
            Board("BUN", "Barn- och utbildningsnämnden", {"bun": 1}, 42),
            Board("MBN", "Miljö- och byggnadsnämnden", {"bygg": 3, "miljo": 2}, 72),
            Board("TN", "Tekniska nämnden", {"tn": 1}, 44),
        ],
        "places": _names(
            "Åmål, Tösse, Fengersfors, Ånimskog, Edsleskog, Tydje, Rösparken, Hanebol"
        ),
        "tracts": _names(
            "Västerbyn, Tingvalla, Forsbacka, Tösse-Sannerud, Fengersfors, Ånimskog-Bön, "
            "Edsleskog-Hult, Tydje-Lunden, Hanebol"
        ),
        "streets": _names(
            "Kungsgatan, Storgatan, Drottninggatan, Karlbergsgatan, Vänersborgsvägen, Hamngatan, "
            "Fengersforsvägen"
        ),
        "lakes": ["Vänern", "Ånimmen", "Ömmeln", "Edslan"],
        "schools": _names(
            "Kristinebergskolan, Rösparksskolan, Nygårdsskolan, Tösse skola, Karlbergsskolan"
        ),
    },
}

LANSSTYRELSEN = "Länsstyrelsen i Västra Götalands län"
SKATTEVERKET = "Skatteverket"
TRAFIKVERKET = "Trafikverket"
SKOLVERKET = "Skolverket"
SKOLINSPEKTIONEN = "Statens skolinspektion"
LANTMATERIET = "Lantmäteriet"
VGR = "Västra Götalandsregionen"
FYRBODAL = "Fyrbodals kommunalförbund"
POLISEN = "Polismyndigheten"
TRANSPORTSTYRELSEN = "Transportstyrelsen"
MSB = "Myndigheten för samhällsskydd och beredskap"
FORVALTNINGSRATTEN = "Förvaltningsrätten i Göteborg"

COMPANIES = _names(
    "Dalslands Bygg AB, Åmåls Rör & Värme AB, Bengtsfors Måleri AB, "
    "Edsbygdens Mark & Anläggning AB, Kanalbygdens Konsult AB, Västerbyns Snickeri AB, "
    "Dalbo Elinstallation AB, Högsäters Åkeri AB, Vänerviks Fastigheter AB, "
    "Melleruds Entreprenad AB, Fyrbodal Fibernät AB, Nordvästra Buss & Taxi AB, "
    "Kroppefjälls Skogstjänst AB, Åsens Trä AB, Lelångens Camping AB, Dalslands Arkitektkontor AB, "
    "Väst Städ & Service AB, Rådanefors Gård AB, Sundsviks Plåt AB, Laxsjö Energi AB, "
    "Dalslands Livs AB, Vänerns Grus AB, Tösse Lantbruk AB, Gillbergs Elservice AB"
)
REVISION_FIRM = "Revisionskontoret Väst AB"
VALUER = "Dalslands Fastighetsvärdering AB"
FOOD_BUSINESSES = _names(
    "Café Hamnmagasinet, Pizzeria Vänerbris, Tösse Gårdsbutik, Restaurang Kanalkrogen, "
    "Konditori Kungsgatan, Thai Garden Åmål"
)
FREE_SCHOOL = "Dalslands Montessoriskola AB"
ASSOCIATIONS = _names(
    "{place} hembygdsförening, {place} bygdegårdsförening, {place} byalag, {place} IF, "
    "{place} båtklubb, {town_genitive} konstförening, {town_genitive} orienteringsklubb, "
    "{town_genitive} ridklubb, {town_genitive} schacksällskap, Dalslands kanotklubb"
)
STUDY_ASSOCIATIONS = _names(
    "Studieförbundet Vuxenskolan Dalsland, ABF Dalsland, Bilda Väst, Studiefrämjandet Dalsland"
)
POLITICAL_GROUPS = _names(
    "Socialdemokraterna, Moderaterna, Centerpartiet, Sverigedemokraterna, Kristdemokraterna, "
    "Liberalerna, Vänsterpartiet, Miljöpartiet de gröna"
)
FIRST_NAMES = _names(
    "Anna, Eva, Maria, Karin, Kristina, Lena, Sara, Emma, Ingrid, Maja, Elin, Birgitta, Lars, "
    "Anders, Johan, Per, Erik, Karl, Mikael, Nils, Jonas, Oskar, Gunnar, Ahmed, Leila, Sven"
)
LAST_NAMES = _names(
    "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, "
    "Gustafsson, Lindqvist, Berg, Lund, Hedlund, Magnusson, Fredriksson, Bergström, Sandberg, Ali, "
    "Hansson"
)


# --- Cases -----------------------------------------------------------------------------------


@dataclass
class Step:
    """One document of a case, before it has dates and a number."""

    title: str
    direction: str
    party: tuple = NOBODY  # (name, party type)
    secrecy: str = ""
    gap: tuple = (3, 20)  # days after the previous document


@dataclass
class Context:
    """What a template needs to write one case: the dice, the municipality, the board, the day."""

    rng: random.Random
    municipality: dict
    board: Board
    start: date

    @property
    def year(self) -> int:
        return self.start.year

    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def fill(self, text: str) -> str:
        m = self.municipality
        return text.format(
            town=m["town"],
            town_genitive=m["town_genitive"],
            place=self.pick(m["places"]),
            street=self.pick(m["streets"]),
            lake=self.pick(m["lakes"]),
            school=self.pick(m["schools"]),
            prop=self.property_designation(),
        )

    def property_designation(self) -> str:
        tract = self.pick(self.municipality["tracts"])
        return f"{tract} {self.rng.randint(1, 9)}:{self.rng.randint(1, 199)}"

    def person(self) -> tuple:
        return (f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}", PRIVATE)

    def company(self) -> tuple:
        return (self.pick(COMPANIES), ORGANISATION)

    def association(self) -> tuple:
        return (self.fill(self.pick(ASSOCIATIONS)), ORGANISATION)

    def applicant(self, company_share: float = 0.25) -> tuple:
        return self.company() if self.chance(company_share) else self.person()

    def minutes(self, board: str | None = None) -> str:
        """A protocol extract's title, e.g. "Protokollsutdrag kommunstyrelsen § 142"."""
        return f"Protokollsutdrag {board or self.board_in_text()} § {self.rng.randint(2, 260)}"

    def board_in_text(self) -> str:
        name = self.board.name
        return name if name[:2].isupper() else name[0].lower() + name[1:]


def fit(first: list, optional: list, last: list) -> list:
    """`first`, as many of `optional` as fit, then `last`: at most six documents."""
    room = max(0, MAX_DOCUMENTS_PER_CASE - len(first) - len(last))
    return first + optional[:room] + last


def school_year(c: Context) -> str:
    year = c.year if c.start.month <= 8 else c.year + 1
    return f"{year}/{(year + 1) % 100:02d}"


# The kommunstyrelse.

MOTION_TOPICS = _names(
    "gång- och cykelväg längs {street}, laddplatser för elbilar vid kommunens anläggningar, "
    "solceller på kommunens fastigheter, mer närproducerad mat i skolmåltiderna, "
    "belysning på motionsspåret i {place}, en fritidsgård i {place}, "
    "sommarjobb för alla ungdomar i årskurs 9, trygghetsvandringar i centrala {town}, "
    "en översyn av kommunens lokalbehov, avgiftsfri kollektivtrafik för pensionärer, "
    "medborgarbudget, fler bostäder i {place}"
)
PROPOSAL_TOPICS = _names(
    "utegym i {place}, hundrastgård i {town}, bättre belysning vid busshållplatsen i {place}, "
    "farthinder på {street}, badbrygga vid {lake}, fler parkbänkar längs {street}, "
    "en ny lekplats i {place}, papperskorgar vid badplatsen i {place}, skatepark i {town}, "
    "blomsterplantering på torget i {town}, pumptrackbana i {place}"
)
PROCUREMENTS = _names(
    "skolskjuts, livsmedel, snöröjning och halkbekämpning, städtjänster, drift av IT-miljön, "
    "drivmedel, kontorsmaterial, ramavtal för byggentreprenader, ramavtal för elinstallationer, "
    "hyrbilar"
)
REFERRALS = [
    ("Regional transportplan för Västra Götaland {y1}–{y12}", VGR),
    ("Förslag till regional utvecklingsstrategi för Västra Götaland", VGR),
    ("Regional plan för kollektivtrafiken i Västra Götaland", VGR),
    ("Förslag till naturreservat vid {lake}", LANSSTYRELSEN),
    ("Länsstyrelsens förslag till regional vattenförsörjningsplan", LANSSTYRELSEN),
    ("Regional cykelstrategi för Fyrbodal", FYRBODAL),
    ("Fyrbodals kommunalförbunds verksamhetsplan {y1}", FYRBODAL),
    ("Trafikverkets förslag till nationell plan för transportinfrastrukturen", TRAFIKVERKET),
    ("Ändrad indelning i folkbokföringsdistrikt", SKATTEVERKET),
    ("Förslag till föreskrifter om kommunernas krisberedskap", MSB),
]
FEEDBACK_TOPICS = _names(
    "bemötandet i kommunens kundtjänst, kommunens webbplats, parkeringen vid kommunhuset, "
    "skräp vid återvinningsstationen i {place}, öppettiderna i kommunhuset, nedskräpning vid {lake}"
)


def motion(c):
    group = (c.pick(POLITICAL_GROUPS), ORGANISATION)
    return c.fill("Motion om " + c.pick(MOTION_TOPICS)), [
        Step("Motion", IN, group),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(7, 30)),
        Step("Tjänsteskrivelse", INTERNAL, gap=(20, 60)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(10, 25)),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 35)),
        Step("Meddelande om beslut", OUT, group, gap=(1, 5)),
    ]


def citizen_proposal(c):
    person = c.person()
    return c.fill("Medborgarförslag om " + c.pick(PROPOSAL_TOPICS)), [
        Step("Medborgarförslag", IN, person),
        Step("Kvittens på mottaget medborgarförslag", OUT, person, gap=(0, 2)),
        Step("Tjänsteskrivelse", INTERNAL, gap=(20, 60)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(10, 30)),
        Step("Svar på medborgarförslag", OUT, person, gap=(1, 7)),
    ]


def budget(c):
    year = c.year + (1 if c.start.month >= 4 else 0)
    skr = ("Sveriges Kommuner och Regioner", ORGANISATION)
    return f"Mål och budget {year} med plan för {year + 1}–{year + 2}", [
        Step("Budgetdirektiv", INTERNAL),
        Step("Skatteunderlagsprognos", IN, skr, gap=(10, 30)),
        Step("Budgetunderlag från barn- och utbildningsnämnden", INTERNAL, gap=(10, 30)),
        Step("Tjänsteskrivelse", INTERNAL, gap=(10, 30)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(7, 20)),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 30)),
    ]


def interim_report(c):
    month, year = c.start.month, c.year
    period = "augusti" if month >= 9 or month <= 3 else "april"
    if month <= 3:
        year -= 1
    return f"Delårsrapport {period} {year}", [
        Step("Delårsrapport", INTERNAL),
        Step("Revisorernas bedömning av delårsrapporten", IN, (REVISION_FIRM, ORGANISATION)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(5, 15)),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 30)),
    ]


def annual_report(c):
    return f"Årsredovisning {c.year - 1}", [
        Step("Årsredovisning", INTERNAL),
        Step("Revisionsberättelse", IN, (REVISION_FIRM, ORGANISATION), gap=(20, 40)),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 30)),
    ]


def procurement(c):
    year = c.year + 1
    bidders = c.rng.sample(COMPANIES, c.rng.randint(1, 3))
    bids = [
        Step(
            f"Anbud från {name}",
            IN,
            (name, ORGANISATION),
            secrecy=OSL_TENDER if c.chance(0.2) else "",
            gap=(20, 35) if i == 0 else (0, 2),
        )
        for i, name in enumerate(bidders)
    ]
    winner = (bidders[0], ORGANISATION)
    return f"Upphandling av {c.pick(PROCUREMENTS)} {year}–{year + 3}", fit(
        [Step("Upphandlingsdokument", INTERNAL)],
        bids,
        [
            Step("Tilldelningsbeslut", OUT, winner, gap=(10, 25)),
            Step(
                "Avtal",
                OUT,
                winner,
                secrecy=OSL_BUSINESS if c.chance(0.1) else "",
                gap=(10, 20),
            ),
        ],
    )


def referral(c):
    subject, authority = c.pick(REFERRALS)
    subject = c.fill(subject.replace("{y1}", str(c.year + 1)).replace("{y12}", str(c.year + 12)))
    party = (authority, AUTHORITY)
    return f"Remiss: {subject}", [
        Step("Remiss", IN, party),
        Step("Tjänsteskrivelse", INTERNAL, gap=(10, 25)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(7, 20)),
        Step("Remissyttrande", OUT, party, gap=(1, 5)),
    ]


def feedback(c):
    person = c.person()
    return c.fill("Synpunkt på " + c.pick(FEEDBACK_TOPICS)), [
        Step("Synpunkt", IN, person),
        Step("Svar på synpunkt", OUT, person, gap=(2, 14)),
    ]


def document_request(c):
    requester = c.person() if c.chance(0.8) else ("Lokaltidningen Dalsland AB", ORGANISATION)
    return "Begäran om utlämnande av allmän handling", [
        Step("Begäran om allmän handling", IN, requester),
        Step("Beslut om utlämnande av allmän handling", OUT, requester, gap=(0, 2)),
    ]


def land_sale(c):
    buyer = c.company()
    title = c.pick(["Försäljning av industrimark, {prop}", "Försäljning av del av {prop}"])
    return c.fill(title), [
        Step("Intresseanmälan", IN, buyer),
        Step("Värderingsutlåtande", IN, (VALUER, ORGANISATION), gap=(14, 30)),
        Step("Tjänsteskrivelse", INTERNAL, gap=(7, 20)),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(7, 20)),
        Step("Köpeavtal", OUT, buyer, gap=(5, 20)),
    ]


def staff_matter(c):
    name, _ = c.person()
    return "Personalärende", [
        Step(f"Läkarintyg för {name}", IN, (name, PRIVATE), secrecy=OSL_HEALTH),
        Step(f"Rehabiliteringsplan för {name}", INTERNAL, secrecy=OSL_STAFF, gap=(7, 21)),
    ]


def risk_analysis(c):
    county = (LANSSTYRELSEN, AUTHORITY)
    return f"Risk- och sårbarhetsanalys {c.year}", [
        Step("Risk- och sårbarhetsanalys", INTERNAL, secrecy=OSL_SECURITY),
        Step(c.minutes("kommunstyrelsen"), INTERNAL, gap=(14, 30)),
        Step("Redovisning av risk- och sårbarhetsanalys", OUT, county, gap=(1, 7)),
    ]


def resignation(c):
    board = c.pick(["kommunstyrelsen", "valnämnden", "krisledningsnämnden", "revisionen"])
    return f"Avsägelse av uppdrag som ersättare i {board}", [
        Step("Avsägelse", IN, c.person()),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 40)),
    ]


def county_decision(c):
    subject = c.pick(
        [
            "Länsstyrelsens beslut om eldningsförbud i Västra Götalands län",
            "Länsstyrelsens tillsyn av kommunens krisberedskap",
            "Länsstyrelsens beslut om bidrag till kommunal krisberedskap",
        ]
    )
    return subject, [Step("Beslut", IN, (LANSSTYRELSEN, AUTHORITY))]


# The barn- och utbildningsnämnd.

GRANTS = ["karriärtjänster", "lovskola", "likvärdig skola", "sommarskola", "stärkta skolbibliotek"]


def school_placement(c):
    guardian = c.person()
    return f"Skolplacering inför läsåret {school_year(c)}", [
        Step("Ansökan om skolplacering", IN, guardian),
        Step("Beslut om skolplacering", OUT, guardian, gap=(5, 25)),
    ]


def school_transport(c):
    guardian = c.person()
    steps = [
        Step("Ansökan om skolskjuts", IN, guardian),
        Step("Beslut om skolskjuts", OUT, guardian, gap=(7, 21)),
    ]
    if c.chance(0.2):
        court = (FORVALTNINGSRATTEN, AUTHORITY)
        steps += [
            Step("Överklagande av beslut om skolskjuts", IN, guardian, gap=(10, 21)),
            Step("Yttrande till förvaltningsrätten", OUT, court, gap=(5, 15)),
        ]
    return c.fill("Ansökan om skolskjuts, {place}"), steps


def degrading_treatment(c):
    name, _ = c.person()
    school = c.pick(c.municipality["schools"])
    return f"Anmälan om kränkande behandling, {school}", [
        Step(f"Anmälan om kränkande behandling av {name}", INTERNAL, secrecy=OSL_PUPIL),
        Step("Utredning av kränkande behandling", INTERNAL, secrecy=OSL_PUPIL, gap=(7, 21)),
    ]


def extra_funding(c):
    name, _ = c.person()
    school = (FREE_SCHOOL, ORGANISATION)
    return "Ansökan om tilläggsbelopp för elev med omfattande behov", [
        Step(f"Ansökan om tilläggsbelopp för {name}", IN, school, secrecy=OSL_PUPIL),
        Step(f"Beslut om tilläggsbelopp för {name}", OUT, school, secrecy=OSL_PUPIL, gap=(14, 30)),
    ]


def education_budget(c):
    year = c.year + (1 if c.start.month >= 4 else 0)
    return f"Budget {year} för {c.board_in_text()}", [
        Step("Budgetunderlag", INTERNAL),
        Step("Tjänsteskrivelse", INTERNAL, gap=(7, 20)),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
    ]


def state_grant(c):
    agency = (SKOLVERKET, AUTHORITY)
    return f"Statsbidrag för {c.pick(GRANTS)} {c.year}", [
        Step("Ansökan om statsbidrag till Skolverket", OUT, agency),
        Step("Beslut från Skolverket om statsbidrag", IN, agency, gap=(30, 60)),
        Step("Redovisning av statsbidrag till Skolverket", OUT, agency, gap=(60, 120)),
    ]


def school_inspection(c):
    agency = (SKOLINSPEKTIONEN, AUTHORITY)
    return c.fill("Skolinspektionens tillsyn av {school}"), [
        Step("Underrättelse om tillsyn", IN, agency),
        Step("Underlag inför tillsynen", OUT, agency, gap=(14, 30)),
        Step("Beslut efter tillsyn", IN, agency, gap=(30, 60)),
        Step("Redovisning av vidtagna åtgärder", OUT, agency, gap=(30, 60)),
    ]


def education_complaint(c):
    person = c.person()
    return c.fill("Klagomål på utbildningen vid {school}"), [
        Step("Klagomål", IN, person),
        Step("Utredning av klagomål", INTERNAL, gap=(7, 21)),
        Step("Svar på klagomål", OUT, person, gap=(3, 10)),
    ]


def school_calendar(c):
    return f"Läsårstider {school_year(c)}", [
        Step("Tjänsteskrivelse", INTERNAL),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
    ]


def preschool_places(c):
    return c.fill("Utökning av antalet förskoleplatser i {place}"), [
        Step("Tjänsteskrivelse", INTERNAL),
        Step("Lokalutredning", INTERNAL, gap=(14, 40)),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
    ]


def quality_report(c):
    year = c.year if c.start.month >= 9 else c.year - 1
    return f"Kvalitetsrapport för läsåret {year}/{(year + 1) % 100:02d}", [
        Step("Kvalitetsrapport", INTERNAL),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
    ]


# The kultur- och fritidsnämnd.

EVENTS = _names(
    "hembygdsdag i {place}, julmarknad i {town}, musik vid {lake}, nationaldagsfirande i {town}, "
    "skördefest i {place}, sommarteater i {place}, kanotpaddling för nybörjare på {lake}"
)


def association_grant(c):
    association = c.association()
    kind = c.pick(["föreningsbidrag", "aktivitetsstöd", "lokalbidrag", "anläggningsbidrag"])
    return f"Ansökan om {kind} {c.year}, {association[0]}", [
        Step("Ansökan", IN, association),
        Step(f"Beslut om {kind}", OUT, association, gap=(14, 40)),
    ]


def event_grant(c):
    association = c.association()
    return c.fill("Ansökan om arrangemangsbidrag för " + c.pick(EVENTS)), [
        Step("Ansökan om arrangemangsbidrag", IN, association),
        Step("Beslut om arrangemangsbidrag", OUT, association, gap=(7, 25)),
    ]


def culture_prize(c):
    prize = c.pick(["Kulturpris", "Kulturstipendium", "Idrottsstipendium", "Ledarstipendium"])
    nominations = [
        Step("Nominering", IN, c.person(), gap=(0, 10)) for _ in range(c.rng.randint(1, 3))
    ]
    return f"{prize} {c.year}", fit(nominations, [], [Step(c.minutes(), INTERNAL, gap=(14, 40))])


def study_association_grant(c):
    association = (c.pick(STUDY_ASSOCIATIONS), ORGANISATION)
    return f"Bidrag till studieförbund {c.year}, {association[0]}", [
        Step("Ansökan om bidrag", IN, association),
        Step("Beslut om bidrag", OUT, association, gap=(14, 40)),
    ]


def library_plan(c):
    year = c.year + 1
    return f"Biblioteksplan {year}–{year + 3}", [
        Step("Förslag till biblioteksplan", INTERNAL),
        Step("Remissyttrande", IN, (VGR, AUTHORITY), gap=(20, 40)),
        Step(c.minutes(), INTERNAL, gap=(14, 30)),
    ]


def bathing_place(c):
    association = c.association()
    return c.fill("Avtal om skötsel av badplatsen i {place}"), [
        Step("Tjänsteskrivelse", INTERNAL),
        Step("Avtal", OUT, association, gap=(7, 20)),
    ]


# Streets, parks and transport (the tekniska nämnd, or the board that has them).


def street_feedback(c):
    person = c.person()
    if c.start.month in (11, 12, 1, 2, 3):
        topic = "snöröjning på {street}"
    else:
        topic = c.pick(
            [
                "gatubelysningen på {street}",
                "gräsklippning i {place}",
                "trafiksituationen vid {school}",
                "potthål på {street}",
            ]
        )
    return c.fill("Synpunkt på " + topic), [
        Step("Synpunkt", IN, person),
        Step("Svar på synpunkt", OUT, person, gap=(2, 14)),
    ]


def parking_permit(c):
    person = c.person()
    steps = [Step("Ansökan om parkeringstillstånd", IN, person)]
    if c.chance(0.5):
        steps.append(Step("Läkarintyg", IN, person, secrecy=OSL_HEALTH, gap=(0, 7)))
    steps.append(Step("Beslut om parkeringstillstånd", OUT, person, gap=(7, 21)))
    return "Ansökan om parkeringstillstånd för rörelsehindrad", steps


def mobility_service(c):
    person = c.person()
    steps = [Step("Ansökan om färdtjänst", IN, person)]
    if c.chance(0.5):
        steps.append(Step("Läkarintyg", IN, person, secrecy=OSL_HEALTH, gap=(0, 7)))
    steps.append(Step("Beslut om färdtjänst", OUT, person, gap=(7, 21)))
    return "Ansökan om färdtjänst", steps


def excavation(c):
    contractor = c.company()
    return c.fill("Ansökan om grävtillstånd, {street}"), [
        Step("Ansökan om grävtillstånd", IN, contractor),
        Step("Trafikanordningsplan", IN, contractor, gap=(0, 0)),
        Step("Beslut om grävtillstånd", OUT, contractor, gap=(3, 10)),
    ]


def traffic_regulation(c):
    rule = c.pick(
        [
            "hastighetsbegränsning 40 km/tim",
            "förbud att parkera",
            "gångfartsområde",
            "förbud mot tung trafik",
        ]
    )
    return c.fill(f"Lokala trafikföreskrifter om {rule} på {{street}}"), [
        Step("Tjänsteskrivelse", INTERNAL),
        Step("Yttrande", IN, (POLISEN, AUTHORITY), gap=(10, 25)),
        Step("Beslut om lokala trafikföreskrifter", OUT, (TRANSPORTSTYRELSEN, AUTHORITY)),
    ]


def public_space(c):
    use = c.pick(["uteservering", "torghandel", "byggställning", "evenemang"])
    police = (POLISEN, AUTHORITY)
    return c.fill(f"Remiss: tillstånd att använda offentlig plats för {use}, {{street}}"), [
        Step("Remiss", IN, police),
        Step("Yttrande", OUT, police, gap=(2, 10)),
    ]


def damage_claim(c):
    person = c.person()
    return c.fill("Skadeanmälan, {street}"), [
        Step("Skadeanmälan", IN, person),
        Step("Kompletteringsbegäran", OUT, person, gap=(3, 10)),
        Step("Komplettering", IN, person, gap=(5, 20)),
        Step("Beslut om skadeersättning", OUT, person, gap=(7, 21)),
    ][: c.pick([2, 4])]


def water_tariff(c):
    return f"Taxa för vatten och avlopp {c.year + 1}", [
        Step("Tjänsteskrivelse", INTERNAL),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
        Step(c.minutes("kommunfullmäktige"), INTERNAL, gap=(14, 30)),
    ]


def street_lighting(c):
    contractor = c.company()
    return c.fill("Byte av gatubelysning i {place}"), [
        Step("Tjänsteskrivelse", INTERNAL),
        Step("Offert", IN, contractor, gap=(7, 20)),
        Step("Beställning", OUT, contractor, gap=(3, 10)),
    ]


def street_name(c):
    return c.fill("Namnsättning av ny gata i {place}"), [
        Step("Tjänsteskrivelse", INTERNAL),
        Step("Yttrande", IN, (LANTMATERIET, AUTHORITY), gap=(10, 25)),
        Step(c.minutes(), INTERNAL, gap=(7, 20)),
    ]


# Building and planning (plan- och bygglagen).

BUILDINGS = [
    ("nybyggnad av enbostadshus", 0.15),
    ("tillbyggnad av enbostadshus", 0.05),
    ("nybyggnad av fritidshus", 0.1),
    ("nybyggnad av garage", 0.05),
    ("nybyggnad av carport", 0.05),
    ("nybyggnad av komplementbyggnad", 0.05),
    ("fasadändring", 0.2),
    ("nybyggnad av lagerbyggnad", 0.9),
    ("nybyggnad av maskinhall", 0.6),
    ("ändrad användning från butik till bostad", 0.5),
    ("uppsättning av skylt", 0.9),
]
NOTIFICATIONS = _names(
    "installation av eldstad, attefallshus, ändring av bärande konstruktion, "
    "rivning av ekonomibyggnad, installation av hiss"
)
SHORE_WORKS = ["brygga", "nybyggnad av bastu", "tillbyggnad av fritidshus", "nybyggnad av förråd"]


def building_permit(c):
    what, company_share = c.pick(BUILDINGS)
    applicant = c.applicant(company_share)
    optional = []
    if c.chance(0.6):
        optional.append(Step("Fasadritning", IN, applicant, gap=(0, 0)))
    if c.chance(0.5):
        optional.append(Step("Planritning", IN, applicant, gap=(0, 0)))
    if c.chance(0.4):
        optional += [
            Step("Kompletteringsbegäran", OUT, applicant, gap=(3, 10)),
            Step("Komplettering", IN, applicant, gap=(5, 20)),
        ]
    if c.chance(0.3):
        neighbour = c.person()
        optional += [
            Step("Underrättelse till sakägare", OUT, neighbour, gap=(2, 8)),
            Step("Yttrande från sakägare", IN, neighbour, gap=(7, 21)),
        ]
    last = [Step("Beslut om bygglov", OUT, applicant, gap=(5, 25))]
    if c.chance(0.4):
        last.append(Step("Startbesked", OUT, applicant, gap=(10, 40)))
    return c.fill(f"Ansökan om bygglov för {what}, {{prop}}"), fit(
        [
            Step("Ansökan", IN, applicant),
            Step("Kvittens", OUT, applicant, gap=(0, 1)),
            Step("Situationsplan", IN, applicant, gap=(0, 0)),
        ],
        optional,
        last,
    )


def building_notification(c):
    applicant = c.person()
    steps = [Step("Anmälan", IN, applicant)]
    if c.chance(0.3):
        steps += [
            Step("Kompletteringsbegäran", OUT, applicant, gap=(3, 10)),
            Step("Komplettering", IN, applicant, gap=(5, 20)),
        ]
    steps.append(Step("Startbesked", OUT, applicant, gap=(5, 20)))
    if c.chance(0.4):
        steps.append(Step("Slutbesked", OUT, applicant, gap=(40, 120)))
    return c.fill(f"Anmälan om {c.pick(NOTIFICATIONS)}, {{prop}}"), steps


def shore_exemption(c):
    applicant = c.person()
    what = c.pick(SHORE_WORKS)
    if what == "brygga":
        what = c.fill("brygga vid {lake}")
    county = (LANSSTYRELSEN, AUTHORITY)
    steps = [
        Step("Ansökan", IN, applicant),
        Step("Situationsplan", IN, applicant, gap=(0, 0)),
        Step("Beslut om strandskyddsdispens", OUT, applicant, gap=(14, 40)),
        Step("Underrättelse om beslut till Länsstyrelsen", OUT, county, gap=(0, 1)),
    ]
    if c.chance(0.5):
        steps.append(Step("Länsstyrelsens beslut att inte överpröva", IN, county, gap=(14, 21)))
    return c.fill(f"Ansökan om strandskyddsdispens för {what}, {{prop}}"), steps


def detailed_plan(c):
    title = c.pick(
        [
            "Detaljplan för {prop}",
            "Ändring av detaljplan för {prop}",
            "Detaljplan för verksamhetsområde vid {street}",
            "Detaljplan för bostäder i {place}",
        ]
    )
    developer = c.applicant(0.7)
    consultees = c.rng.sample([LANSSTYRELSEN, TRAFIKVERKET, LANTMATERIET], 2)
    return c.fill(title), fit(
        [
            Step("Begäran om planbesked", IN, developer),
            Step("Planbesked", OUT, developer, gap=(20, 60)),
            Step("Samrådshandlingar", INTERNAL, gap=(60, 120)),
        ],
        [
            Step("Samrådsyttrande", IN, (authority, AUTHORITY), gap=(14, 30))
            for authority in consultees
        ],
        [Step("Granskningsutlåtande", INTERNAL, gap=(30, 60))],
    )


def pbl_supervision(c):
    complainant, owner = c.person(), c.applicant(0.3)
    subject = c.pick(["Anmälan om ovårdad tomt", "Anmälan om olovligt byggande"])
    return c.fill("Tillsyn enligt plan- och bygglagen, {prop}"), [
        Step(subject, IN, complainant),
        Step("Underrättelse om tillsyn", OUT, owner, gap=(5, 20)),
        Step("Yttrande från fastighetsägaren", IN, owner, gap=(10, 25)),
        Step("Beslut om föreläggande", OUT, owner, gap=(14, 40)),
    ][: c.pick([2, 3, 4])]


def advance_notice(c):
    applicant = c.person()
    road = (TRAFIKVERKET, AUTHORITY)
    return c.fill("Ansökan om förhandsbesked för nybyggnad av enbostadshus, {prop}"), [
        Step("Ansökan om förhandsbesked", IN, applicant),
        Step("Situationsplan", IN, applicant, gap=(0, 0)),
        Step("Remiss", OUT, road, gap=(3, 10)),
        Step("Remissyttrande", IN, road, gap=(14, 25)),
        Step("Beslut om förhandsbesked", OUT, applicant, gap=(7, 21)),
    ]


def demolition(c):
    applicant = c.applicant(0.3)
    what = c.pick(["ekonomibyggnad", "enbostadshus", "industribyggnad", "ladugård"])
    return c.fill(f"Ansökan om rivningslov för {what}, {{prop}}"), [
        Step("Ansökan om rivningslov", IN, applicant),
        Step("Kvittens", OUT, applicant, gap=(0, 1)),
        Step("Beslut om rivningslov", OUT, applicant, gap=(14, 30)),
    ]


def cadastral(c):
    survey = (LANTMATERIET, AUTHORITY)
    kind = c.pick(["fastighetsreglering", "avstyckning", "ledningsrätt"])
    return c.fill(f"Lantmäteriförrättning: {kind} berörande {{prop}}"), [
        Step("Remiss från Lantmäteriet", IN, survey),
        Step("Yttrande till Lantmäteriet", OUT, survey, gap=(7, 21)),
    ]


# Environment and health (Åmål's own; the other four have Dalslands miljö- och energiförbund).

COMPLAINTS = _names(
    "buller från fläkt, eldning av avfall, lukt från gödselhantering, fukt och mögel"
)


def environmental_supervision(c):
    operator = c.applicant(0.6)
    return c.fill("Tillsyn enligt miljöbalken, {prop}"), [
        Step("Inspektionsrapport", OUT, operator),
        Step("Yttrande över inspektionsrapport", IN, operator, gap=(10, 25)),
        Step("Beslut om föreläggande", OUT, operator, gap=(14, 30)),
        Step("Beslut om avgift för tillsyn", OUT, operator, gap=(3, 14)),
    ][: c.pick([1, 2, 3, 4])]


def sewage(c):
    applicant = c.person()
    return c.fill("Ansökan om tillstånd för enskild avloppsanläggning, {prop}"), [
        Step("Ansökan", IN, applicant),
        Step("Situationsplan", IN, applicant, gap=(0, 0)),
        Step("Beslut om tillstånd", OUT, applicant, gap=(14, 40)),
    ]


def food_registration(c):
    business = (c.pick(FOOD_BUSINESSES), ORGANISATION)
    return f"Registrering av livsmedelsanläggning, {business[0]}", [
        Step("Anmälan om registrering", IN, business),
        Step("Beslut om registrering", OUT, business, gap=(3, 14)),
    ]


def health_complaint(c):
    complainant = c.person()
    owner = c.company()
    return c.fill(f"Klagomål på {c.pick(COMPLAINTS)}, {{prop}}"), [
        Step("Klagomål", IN, complainant),
        Step("Begäran om yttrande", OUT, owner, gap=(3, 10)),
        Step("Yttrande", IN, owner, gap=(10, 25)),
        Step("Beslut", OUT, owner, gap=(7, 21)),
    ][: c.pick([1, 2, 4])]


def heat_pump(c):
    applicant = c.person()
    return c.fill("Anmälan om installation av bergvärmepump, {prop}"), [
        Step("Anmälan", IN, applicant),
        Step("Beslut", OUT, applicant, gap=(7, 21)),
    ]


TEMPLATES = {
    "ks": [
        (motion, 5),
        (citizen_proposal, 5),
        (budget, 2),
        (interim_report, 2),
        (annual_report, 1),
        (procurement, 4),
        (referral, 5),
        (feedback, 3),
        (document_request, 3),
        (land_sale, 2),
        (staff_matter, 1),
        (risk_analysis, 1),
        (resignation, 2),
        (county_decision, 1),
    ],
    "bun": [
        (school_placement, 6),
        (school_transport, 4),
        (degrading_treatment, 1),
        (extra_funding, 1),
        (education_budget, 1),
        (state_grant, 2),
        (school_inspection, 1),
        (education_complaint, 2),
        (school_calendar, 1),
        (preschool_places, 1),
        (quality_report, 1),
    ],
    "kfn": [
        (association_grant, 5),
        (event_grant, 3),
        (culture_prize, 2),
        (study_association_grant, 1),
        (library_plan, 1),
        (bathing_place, 1),
    ],
    "tn": [
        (street_feedback, 5),
        (parking_permit, 3),
        (mobility_service, 2),
        (excavation, 3),
        (traffic_regulation, 2),
        (public_space, 2),
        (damage_claim, 2),
        (water_tariff, 1),
        (street_lighting, 1),
        (street_name, 1),
    ],
    "bygg": [
        (building_permit, 12),
        (building_notification, 4),
        (shore_exemption, 3),
        (detailed_plan, 2),
        (pbl_supervision, 2),
        (advance_notice, 2),
        (demolition, 1),
        (cadastral, 2),
    ],
    "miljo": [
        (environmental_supervision, 4),
        (sewage, 3),
        (food_registration, 2),
        (health_complaint, 2),
        (heat_pump, 2),
    ],
}

# Cases that come in many times with the same title; any other title is used once per register.
RECURRING = {
    school_placement,
    school_transport,
    degrading_treatment,
    extra_funding,
    parking_permit,
    mobility_service,
    staff_matter,
    document_request,
    feedback,
    street_feedback,
    damage_claim,
    excavation,
    public_space,
}


# A few rows that carry a personnummer, as registrars' exports sometimes do: a sole trader's
# organisation number is the owner's personnummer. The import masks every one of them.
def _special(title, steps):
    return lambda c: (title, steps)


SPECIAL_CASES = [
    (
        "mellerud",
        "SBN",
        "tn",
        _special(
            "Ansökan om parkeringstillstånd för rörelsehindrad, 19121212-1212",
            [
                Step("Ansökan om parkeringstillstånd", IN, ("Tolvan Tolvansson", PRIVATE)),
                Step("Läkarintyg", IN, ("Tolvan Tolvansson", PRIVATE), OSL_HEALTH, (0, 3)),
                Step("Beslut om parkeringstillstånd", OUT, ("Tolvan Tolvansson", PRIVATE)),
            ],
        ),
    ),
    (
        "bengtsfors",
        "MBN",
        "bygg",
        _special(
            "Ansökan om bygglov för tillbyggnad av fritidshus, Gustavsfors 1:48",
            [
                Step("Ansökan", IN, ("Per Gustafsson", PRIVATE)),
                Step(
                    "Fullmakt för ombud, 640823-3234", IN, ("Per Gustafsson", PRIVATE), gap=(0, 0)
                ),
                Step("Situationsplan", IN, ("Per Gustafsson", PRIVATE), gap=(0, 0)),
                Step("Beslut om bygglov", OUT, ("Per Gustafsson", PRIVATE), gap=(14, 30)),
            ],
        ),
    ),
    (
        "dals-ed",
        "KS",
        "ks",
        _special(
            "Målning av fasaden på Hagaskolan",
            [
                Step("Offert", IN, ("Hökedalens Måleri, enskild firma 5505051234", ORGANISATION)),
                Step("Tjänsteskrivelse", INTERNAL),
                Step(
                    "Beställning",
                    OUT,
                    ("Hökedalens Måleri, enskild firma 5505051234", ORGANISATION),
                ),
            ],
        ),
    ),
    (
        "fargelanda",
        "BUN",
        "bun",
        _special(
            "Ansökan om skolskjuts, Högsäter",
            [
                Step("Ansökan om skolskjuts för elev 20150315-2383", IN, ("Sara Lund", PRIVATE)),
                Step("Beslut om skolskjuts", OUT, ("Sara Lund", PRIVATE), gap=(7, 21)),
            ],
        ),
    ),
    (
        "amal",
        "TN",
        "tn",
        _special(
            "Ansökan om färdtjänst, 197001019876",
            [
                Step("Ansökan om färdtjänst", IN, ("Gunnar Olsson", PRIVATE)),
                Step("Läkarintyg för Gunnar Olsson", IN, ("Gunnar Olsson", PRIVATE), OSL_HEALTH),
                Step("Beslut om färdtjänst", OUT, ("Gunnar Olsson", PRIVATE)),
            ],
        ),
    ),
    (
        "amal",
        "KS",
        "ks",
        _special(
            "Försäljning av del av Tösse-Sannerud 1:14",
            [
                Step(
                    "Intresseanmälan",
                    IN,
                    ("Tösse Snickeri, enskild firma 640823-3234", ORGANISATION),
                ),
                Step("Tjänsteskrivelse", INTERNAL),
                Step("Köpeavtal", OUT, ("Tösse Snickeri, enskild firma 640823-3234", ORGANISATION)),
            ],
        ),
    ),
    (
        "mellerud",
        "KS",
        "ks",
        _special(
            "Begäran om registerutdrag enligt dataskyddsförordningen",
            [
                Step("Begäran om registerutdrag, 880101-1234", IN, ("Leila Ali", PRIVATE)),
                Step("Registerutdrag", OUT, ("Leila Ali", PRIVATE), gap=(5, 20)),
            ],
        ),
    ),
]


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


def _choose(rng: random.Random, board: Board):
    """A (template, kind) for a case of `board`, by the weights of its kinds and templates."""
    options = [
        ((template, kind), kind_weight * weight)
        for kind, kind_weight in board.kinds.items()
        for template, weight in TEMPLATES[kind]
    ]
    return rng.choices([option for option, _ in options], [weight for _, weight in options])[0]


def build_rows(today: date) -> list[dict]:
    """The demo's rows as an export would give them: one dict per document, FIELDS as keys."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    first = today - timedelta(days=DAYS_BACK)
    department_names = {
        (slug, item["slug"]): item["name"] for slug, items in DEPARTMENTS.items() for item in items
    }
    rows = []
    for slug, municipality in MUNICIPALITIES.items():
        for board in municipality["boards"]:
            specials = [
                (make, kind)
                for s, code, kind, make in SPECIAL_CASES
                if (s, code) == (slug, board.code)
            ]
            starts = spread_workdays(rng, first, today, board.cases + len(specials))
            cases, titles = [], set()
            for index, start in enumerate(starts):
                context = Context(rng, municipality, board, start)
                for _attempt in range(20):  # a budget or a motion once, not twice
                    if index < len(specials):
                        template, kind = specials[index]
                    else:
                        template, kind = _choose(rng, board)
                    title, steps = template(context)
                    if template in RECURRING or title not in titles:
                        break
                titles.add(title)
                department = department_names[(slug, municipality["departments"][kind])]
                case = DemoCase(start, title, _dated(rng, start, steps, today))
                cases.append((case, department))
            rows += _numbered_rows(rng, slug, municipality, board, cases, first)
    return rows


def _numbered_rows(rng, slug, municipality, board, cases, first: date) -> list[dict]:
    """Number the cases in the order they were opened, one series per board and year, and make
    them rows. The numbers have gaps, as not every case of a board is in the published diary,
    and the first year's series starts where the months before the demo's first day left it."""
    rows = []
    per_year = board.cases * 365 / DAYS_BACK * 3.5  # 3.5: the mean step between two numbers
    serials = {first.year: int(per_year * first.timetuple().tm_yday / 365)}
    for case, department in sorted(cases, key=lambda item: item[0].start):
        year = case.start.year
        serials[year] = serials.get(year, 0) + rng.randint(1, 6)
        number = municipality["number"].format(code=board.code, year=year, serial=serials[year])
        for index, (step, registered, written) in enumerate(case.documents, start=1):
            rows.append(
                {
                    "municipality": slug,
                    "register": board.code,
                    "case_number": number,
                    "case_title": case.title,
                    "document_number": f"{number}-{index}",
                    "document_title": step.title,
                    "document_date": written.isoformat(),
                    "registered_date": registered.isoformat(),
                    "direction": step.direction,
                    "party": step.party[0],
                    "party_type": step.party[1],
                    "department": department,
                    "secrecy": step.secrecy,
                }
            )
    return rows


# --- The seeder --------------------------------------------------------------------------------


def _demo_documents():
    registers = Q()
    for slug, municipality in MUNICIPALITIES.items():
        codes = [board.code for board in municipality["boards"]]
        registers |= Q(municipality__slug=slug, register__code__in=codes)
    return Document.objects.filter(registers)


def _name_registers() -> None:
    """Names and registrars' addresses for the demo's registers, where they have none."""
    for slug, municipality in MUNICIPALITIES.items():
        for board in municipality["boards"]:
            registers = Register.objects.filter(municipality__slug=slug, code=board.code)
            registers.filter(name="").update(name=board.name)
            registers.filter(registrar_email="").update(
                registrar_email=f"registrator@{municipality['domain']}"
            )


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
    return f"{_swedish_number(result.rows)} diarieposter i {len(MUNICIPALITIES)} kommuner"


# --- Requests for documents ------------------------------------------------------------------


@dataclass(frozen=True)
class DemoRequest:
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


READ, PAPER, ELECTRONIC = (choice.value for choice in DocumentRequest.Access)
IN_PROGRESS, HANDLED = DocumentRequest.Status.IN_PROGRESS, DocumentRequest.Status.HANDLED

# Some from today, some a few days old and still open (overdue), some handled; from rows of
# the diary and for documents that are not in it, anonymous and with contact details. The
# e-mail addresses are on example.org (RFC 2606), so no demo e-mail reaches anyone.
DEMO_REQUESTS = [
    DemoRequest(
        "mellerud",
        "KS",
        0,
        ELECTRONIC,
        from_document="latest",
        email="nyhetsdesk@example.org",
        name="Nyhetsdesken, lokalredaktionen",
    ),
    DemoRequest(
        "amal",
        "MBN",
        0,
        PAPER,
        description="Bygglovsritningarna för Kungsgatan 14 i Åmål, från ombyggnaden på "
        "1980-talet. Fasadritningar och planritningar räcker.",
        postal_address="Kungsgatan 14\n662 30 Åmål",
        written_decision=True,
    ),
    DemoRequest("bengtsfors", "MBN", 0, READ, from_document="latest"),
    DemoRequest(
        "dals-ed",
        "KS",
        2,
        ELECTRONIC,
        from_document="latest",
        email="forening.ed@example.org",
        name="Eds hembygdsförening",
    ),
    DemoRequest(
        "fargelanda",
        "BUN",
        3,
        READ,
        status=IN_PROGRESS,
        from_document="secret",
        written_decision=True,
        phone="070-412 88 31",
        note="Sekretessprövas hos barn- och utbildningsförvaltningen. Svar utlovat i morgon.",
    ),
    DemoRequest(
        "bengtsfors",
        "KS",
        5,
        PAPER,
        description="Protokollen från kommunstyrelsens sammanträden i januari och februari i "
        "år, med bilagor.",
        name="Gun Persson",
        postal_address="Sjövägen 3\n666 31 Bengtsfors",
    ),
    DemoRequest(
        "mellerud",
        "KS",
        1,
        READ,
        status=HANDLED,
        from_document="latest",
        note="Personen läste handlingen i receptionen samma eftermiddag.",
    ),
    DemoRequest(
        "amal",
        "KS",
        8,
        ELECTRONIC,
        status=HANDLED,
        from_document="latest",
        email="student.uppsats@example.org",
        note="Skickad som pdf med e-post samma dag.",
    ),
]


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
    for demo in DEMO_REQUESTS:
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
            handled_at=created_at + timedelta(hours=3) if demo.status == HANDLED else None,
            internal_note=demo.note,
            **fields,
        )
        created += 1
    return f"{created} begäranden om handlingar"
