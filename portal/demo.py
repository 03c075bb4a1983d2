"""The demo's seeding registry.

Each app that has demo content puts a `demo.py` module beside its models with functions
decorated by `@seeder(order)`. `manage.py seed_demo` discovers them and runs them in order, so
`portal` (which the domain apps import) never imports a domain app. Every seeder is idempotent:
running it twice changes nothing the second time.
"""

from collections.abc import Callable

_seeders: list[tuple[int, str, Callable]] = []


def seeder(order: int):
    def register(func):
        _seeders.append((order, f"{func.__module__}.{func.__name__}", func))
        return func

    return register


def registered_seeders():
    return sorted(_seeders, key=lambda item: (item[0], item[1]))
