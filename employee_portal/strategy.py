"""Following up the IT strategy's goals for cooperation (IT-strategin 3.2 and 4.2): of the
common and the business-specific applications that all five municipalities use, how many are
at cooperation level 3 or higher (a shared IT solution), against the goals of at least 50 %
and 30 %. General applications are counted and shown, with no goal of their own."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from portal.models import Municipality

from .models import Application

SHARED_LEVEL = 3
GOALS = {Application.Kind.COMMON: 50, Application.Kind.BUSINESS: 30}


@dataclass
class KindFollowUp:
    kind: str
    label: str
    total: int = 0
    shared_by_all: int = 0
    per_level: dict = field(default_factory=dict)
    goal: int | None = None

    @property
    def level_counts(self) -> list[int]:
        """How many of those all five use are at each level, 1 to 5."""
        return [self.per_level.get(level, 0) for level in Application.Cooperation.values]

    @property
    def at_shared_level(self) -> int:
        return sum(count for level, count in self.per_level.items() if level >= SHARED_LEVEL)

    @property
    def share(self) -> int | None:
        """Per cent of the applications all five use that are at level 3 or higher."""
        if not self.shared_by_all:
            return None
        return round(100 * self.at_shared_level / self.shared_by_all)

    @property
    def goal_met(self) -> bool | None:
        if self.goal is None or self.share is None:
            return None
        return self.share >= self.goal


def follow_up() -> list[KindFollowUp]:
    """One row per kind of application, in one query."""
    municipalities = Municipality.objects.count()
    applications = Application.objects.annotate(
        users=Count("municipalities", distinct=True)
    ).values("kind", "cooperation_level", "users")
    rows = {
        kind: KindFollowUp(kind=kind, label=str(label), goal=GOALS.get(kind))
        for kind, label in Application.Kind.choices
    }
    for application in applications:
        row = rows[application["kind"]]
        row.total += 1
        if municipalities and application["users"] == municipalities:
            row.shared_by_all += 1
            level = application["cooperation_level"]
            row.per_level[level] = row.per_level.get(level, 0) + 1
    return list(rows.values())


def not_shared_by_all():
    """Applications some municipality does not use: candidates for more cooperation."""
    municipalities = Municipality.objects.count()
    return (
        Application.objects.annotate(users=Count("municipalities", distinct=True))
        .filter(~Q(users=municipalities))
        .prefetch_related("municipalities")
    )
