"""The e-services, one module per e-service (a *kind*), and the registry that shared code asks.

Each module in this package (`preschool.py`, `school_choice.py`, `building_permit.py`) defines a
subclass of `EServiceKind` with everything particular to its e-service, and registers it:

    class Preschool(EServiceKind):
        slug = "forskola"                       # /e-tjanster/forskola/, EService.kind
        name = _("Förskola och fritidshem")
        reference_prefix = "FSK"                # FSK-1492-2026-00042
        permission = "handle_preschool"         # eservices.handle_preschool
        form_class = PreschoolForm
        ...

    register(Preschool())

Views, handler views, documents, services and models look a kind up here (`get(slug)`,
`all()`) instead of keeping tables per e-service. When the app is ready
(`EservicesConfig.ready`), `autodiscover()` imports every module of this package, so adding an
e-service is adding one module (and, if it wants its own, templates). A kind can also be
registered at any other time, by a test for instance, and `unregister`ed afterwards.

Nothing here imports the models at import time: `eservices.models` imports this module.
"""

import datetime
import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_registry: dict[str, "EServiceKind"] = {}


@dataclass(frozen=True)
class AnswerSection:
    """One section of the answers as the handler reads them: a heading and the keys of
    `Case.data` in order, or `rows(data)` for answers shown some other way (a schedule)."""

    heading: str
    keys: Sequence[str]
    rows: Callable[[dict], list[dict]] | None = None


class Words:
    """The sentences the shared pages and e-mails use for what the resident sends: an
    application's by default. A kind whose form is not an application (a notice ending a place)
    subclasses this with its own and sets `EServiceKind.words`. `%(name)s` placeholders are
    filled by the template tag `kind_words` (escaped) or by `%` in Python."""

    # The receipt's title, the form's lead (apply.html) and the receipt's (receipt.html).
    receipt_title = gettext_lazy("Ansökan är inskickad")
    sent_to = gettext_lazy("Ansökan går till %(municipality)s.")
    received = gettext_lazy("Tack! %(municipality)s har tagit emot din ansökan.")
    # The receipt's first next step when a second guardian must confirm.
    co_applicant_must_confirm = gettext_lazy(
        "%(name)s behöver logga in på Mina sidor med sin e-legitimation och bekräfta ansökan. Vi "
        "börjar handlägga den när båda vårdnadshavarna står bakom den."
    )
    # What the second guardian reads on the case's page, and the button.
    co_applicant_named_you = gettext_lazy(
        "%(name)s har ansökt och angett dig som vårdnadshavare. Ansökan handläggs när du har "
        "bekräftat att du står bakom den."
    )
    co_applicant_confirm = gettext_lazy("Jag står bakom ansökan")
    # Mina sidor's list of cases the second guardian is asked to confirm.
    co_applicant_to_confirm = gettext_lazy(
        "%(service)s, %(reference)s: bekräfta att du står bakom ansökan"
    )
    # The case's page on Mina sidor: the answers' heading and withdrawing.
    yours = gettext_lazy("Din ansökan")
    withdraw = gettext_lazy("Återkalla ansökan")
    withdraw_help = gettext_lazy(
        "Vill du inte längre ha det du ansökt om kan du återkalla ansökan. Ärendet avslutas då "
        "och kan inte öppnas igen."
    )
    # The handler's case page: the answers' heading and the second guardian who has not
    # confirmed.
    answers_heading = gettext_lazy("Ansökan")
    handler_awaits_co_applicant = gettext_lazy(
        "Den andra vårdnadshavaren har inte bekräftat ansökan med sin e-legitimation. Ärendet "
        "kan förberedas men inte beslutas förrän båda står bakom det."
    )
    # The e-mails (eservices.notifications).
    mail_received_subject = gettext_lazy("Vi har tagit emot din ansökan %(reference)s")
    mail_received = gettext_lazy(
        "Tack! Din ansökan om %(service)s har kommit in till %(municipality)s."
    )
    mail_confirm_subject = gettext_lazy("Bekräfta en ansökan om %(service)s")
    mail_confirm = gettext_lazy(
        "Du har angetts som vårdnadshavare i en ansökan om %(service)s i %(municipality)s. "
        "Logga in och bekräfta ansökan."
    )
    handler_new_case_subject = gettext_lazy("Ny ansökan: %(reference)s")
    handler_new_case = gettext_lazy(
        "En ny ansökan om %(service)s har kommit in till %(municipality)s."
    )


class EServiceKind:
    """What makes an e-service what it is. Subclass it in a module of this package, set the
    attributes, override the methods the e-service needs, and `register()` an instance."""

    # Identity ------------------------------------------------------------------------------

    # The URL part (/e-tjanster/<slug>/, /handlaggning/<slug>/) and the value of EService.kind.
    slug: str = ""
    # The e-service's name, in Swedish (gettext_lazy: English through the translations).
    name = ""
    # The name of the kind as a constant of `Kind` (Kind.PRESCHOOL), for code written against
    # the former choices. Optional.
    constant: str = ""
    # Where the e-service comes in lists (the e-services page, the handler's start page).
    order: int = 100
    # The first part of a case's reference: FSK-1492-2026-00042.
    reference_prefix: str = ""
    # Days a closed case is kept before it is purged, unless the e-service says otherwise.
    retention_days: int = 730
    # The permission (codename on eservices.Case) that lets a handler work on the cases, and
    # its name in the admin. Made after `migrate` for every registered kind.
    permission: str = ""
    permission_name = ""

    # Residents -----------------------------------------------------------------------------

    # The application form: a subclass of eservices.forms.ApplicationForm.
    form_class = None
    # One line on the card of /e-tjanster/.
    summary = ""
    # The start page (/e-tjanster/<slug>/): the lead, and what to have ready.
    lead = ""
    before_you_start: Sequence[str] = ()
    # Above the list of municipalities on the start page.
    choose_municipality = gettext_lazy("Välj kommun.")
    # True when the answers decide the municipality (a building permit's property): the form
    # is reached from any municipality, `form.answered_municipality()` says where it goes.
    municipality_from_answers = False
    # The form's heading; "Ansök: <name>" when empty. And its send button.
    form_title = ""
    # The sentences for what the resident sends (`Words`): an application's unless overridden.
    words = Words
    submit_button = gettext_lazy("Skicka in ansökan")
    # The start page's button when municipality_from_answers.
    apply_button = gettext_lazy("Ansök")
    # The form's lead when municipality_from_answers; otherwise "Ansökan går till <kommun>."
    apply_lead = ""
    # Whether the applicant must have a Swedish personal identity number (personnummer or
    # samordningsnummer), the default of EService.requires_personal_identity_number. A resident
    # who signed in with a foreign e-ID and has none is told how to apply instead
    # (docs/eservices.md).
    requires_personal_identity_number = True
    # Whether the e-service's fee text is shown on the start page and with the form.
    shows_fee_information = False
    # The answers on the receipt and the resident's case page (parameters: case, answers,
    # ranked_units, choice_labels).
    answers_template = "eservices/includes/answers_generic.html"

    # Handlers ------------------------------------------------------------------------------

    # The answers in sections; anything else the form stored follows under "Övriga uppgifter".
    answer_sections: Sequence[AnswerSection] = ()
    # The answers' labels, about the applicant in the third person. A key not listed is
    # shown by its name.
    answer_labels: dict = {}
    # Keys holding ranked unit ids, personal identity numbers, decimals; units after values.
    ranked_unit_keys: Sequence[str] = ()
    personal_number_keys: Sequence[str] = ()
    decimal_keys: Sequence[str] = ()
    value_suffixes: dict = {}
    # How a decision is appealed, in the decision document the portal writes.
    appeal = ""

    # Time limit ----------------------------------------------------------------------------

    # The rule, as the handler's case page tells it.
    deadline_rule = gettext_lazy("Det finns ingen lagstadgad handläggningstid.")
    # What the last day is called in the queue and on the case page.
    deadline_label = gettext_lazy("Beslut senast")
    # The time-limit box on the handler's case page (parameter: deadline).
    deadline_template = "eservices/handler/deadline_facts.html"
    # A case this many days or fewer from its last day is flagged "Snart tidsfrist".
    deadline_warning_days = 14
    # PBL 12 kap. 8 a §: the fee drops by a fifth for each started week past the limit.
    reduces_fee_when_late = False

    def deadline(self, case) -> datetime.date | None:
        """The last day for the municipality to act on a submitted case; None without one."""
        return None

    def clock_stopped(self, case) -> bool:
        """Whether the time limit does not run just now (waiting for a completion)."""
        return False

    def deadline_facts(self, case) -> list[tuple[str, datetime.date]]:
        """More dates the time limit is counted from, for the handler's case page."""
        return []

    def completion_note(self, case, today: datetime.date) -> str:
        """What asking for a completion does to the time limit, above the handler's form."""
        return ""

    # What happens to a case (called by eservices.services, under the case's row lock) -------

    def on_submitted(self, case) -> None:
        """The case was just submitted (status, submitted_at and reference are set)."""

    def on_completion_requested(self, case) -> None:
        """A handler just asked for a completion."""

    def on_completion_received(self, case) -> None:
        """The applicant just sent the completion asked for."""

    # What the resident reads -----------------------------------------------------------------

    def subject(self, case) -> str:
        """Whom or what the case is about, to tell a resident's cases apart on Mina sidor: the
        child by default (preschool, school choice, ending a place); a kind without a child
        says what instead. Empty when the answers do not say."""
        return (case.data or {}).get("child_name", "")

    def next_steps(self, case) -> list[str]:
        """The receipt's "Vad händer nu?"."""
        return [_("Kommunen handlägger ansökan. Du följer ärendet och får beskedet på Mina sidor.")]

    def deadline_notice(self, case, deadline: datetime.date) -> str:
        """The line about the time limit on the resident's page of an open case."""
        return _("Beslut ska fattas senast %(date)s.") % {"date": long_date(deadline)}

    # ---------------------------------------------------------------------------------------

    @property
    def handle_permission(self) -> str:
        return f"eservices.{self.permission}"

    def __str__(self):
        return str(self.name)

    def __repr__(self):
        return f"<{type(self).__name__} {self.slug}>"


def long_date(day: datetime.date) -> str:
    """`1 mars 2027`, as the residents' pages write a date."""
    return date_format(day, "j F Y")


# The registry --------------------------------------------------------------------------------


def register(kind: EServiceKind) -> EServiceKind:
    """Make `kind` known: its pages, forms, queue and cases work from now on."""
    for attribute in ("slug", "name", "reference_prefix", "permission", "form_class"):
        if not getattr(kind, attribute):
            raise ValueError(f"{kind!r} has no {attribute}")
    if len(kind.slug) > 20:
        raise ValueError(f"{kind!r}: the slug is longer than EService.kind (20)")
    if kind.slug in _registry:
        raise ValueError(f"An e-service is already registered as {kind.slug!r}")
    taken = {other.reference_prefix for other in _registry.values()}
    if kind.reference_prefix in taken:
        raise ValueError(f"{kind!r}: the reference prefix {kind.reference_prefix} is taken")
    _registry[kind.slug] = kind
    return kind


def unregister(slug: str) -> None:
    _registry.pop(slug, None)


def get(slug: str) -> EServiceKind:
    """The kind registered as `slug`; LookupError if there is none."""
    try:
        return _registry[slug]
    except KeyError:
        raise LookupError(f"No e-service is registered as {slug!r}") from None


def find(slug) -> EServiceKind | None:
    """The kind registered as `slug`, or None (for a slug from a URL)."""
    return _registry.get(slug) if isinstance(slug, str) else None


def all() -> list[EServiceKind]:
    return sorted(_registry.values(), key=lambda kind: (kind.order, kind.slug))


def choices() -> list[tuple[str, str]]:
    """(slug, name) of every registered kind: the choices of EService.kind."""
    return [(kind.slug, kind.name) for kind in all()]


def autodiscover() -> None:
    """Import every module of this package: each registers its kind."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def ensure_permissions(kinds=None, using="default", apps=None) -> None:
    """Make the case-handling permission of each kind (all registered ones by default).
    Run after `migrate`; a kind registered later (a test) calls it itself."""
    if apps is None:
        from django.apps import apps
    try:
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
    except LookupError:  # the auth and contenttypes apps are not (yet) migrated
        return
    content_type, _created = ContentType.objects.using(using).get_or_create(
        app_label="eservices", model="case"
    )
    with translation.override(None):  # stored in Swedish, as Meta.permissions would be
        for kind in all() if kinds is None else kinds:
            Permission.objects.using(using).get_or_create(
                content_type=content_type,
                codename=kind.permission,
                defaults={"name": str(kind.permission_name or kind.name)[:255]},
            )


def post_migrate_permissions(sender, using="default", apps=None, **kwargs) -> None:
    ensure_permissions(using=using, apps=apps)


# The former choices --------------------------------------------------------------------------


class KindChoice(str):
    """A kind's slug as the former `Kind` choices gave it: a str with `.value` and `.label`."""

    def __new__(cls, kind: EServiceKind):
        choice = super().__new__(cls, kind.slug)
        choice.label = kind.name
        return choice

    @property
    def value(self) -> str:
        return str.__str__(self)


class _Kinds:
    """The registered kinds, enum-style, for code written against the former `Kind`
    TextChoices (demo content, other apps, tests): `for kind in Kind`, `Kind.choices`,
    `Kind.values`, `Kind("forskola")` and `Kind.<constant>`. New code asks the registry."""

    def __iter__(self):
        return iter([KindChoice(kind) for kind in all()])

    def __len__(self):
        return len(_registry)

    def __contains__(self, value):
        return value in _registry

    def __call__(self, value) -> KindChoice:
        if value not in _registry:
            raise ValueError(f"{value!r} is not a registered e-service")
        return KindChoice(_registry[value])

    def __getattr__(self, name):
        for kind in all():
            if kind.constant and kind.constant == name:
                return KindChoice(kind)
        raise AttributeError(name)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return choices()

    @property
    def values(self) -> list[str]:
        return [kind.slug for kind in all()]

    @property
    def labels(self) -> list[str]:
        return [kind.name for kind in all()]


Kind = _Kinds()
