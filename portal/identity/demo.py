"""Demo seeding for the editor groups: after every page seeder, so each section of the demo tree
is in a scope (portal.identity.editor_groups)."""

from portal.demo import seeder


@seeder(90)
def seed_editor_groups(stdout, style):
    from .editor_groups import setup_editor_groups

    scopes = setup_editor_groups()
    return f"redaktörsgrupper för {len(scopes)} delar av portalen"
