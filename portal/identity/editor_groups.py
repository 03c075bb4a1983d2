"""The editor groups: who writes, who approves and who publishes news, for each part of the
portal (docs/roles/redaktorer-kommun.md and its siblings).

A *scope* is a part of the page tree that one organisation answers for: each municipality's
subtree (`/amal/`, …, in every language), the pages shared by all of Dalsland (every section of
the citizen home page that is not a municipality's or Medarbetarportalen), and Medarbetarportalen
(`/medarbetare/`). Each scope has three groups:

* *Redaktörer – <scope>* add and edit pages in the scope. Nothing they write goes live before an
  approver approves it: the scope's workflow *Granskning – <scope>* (one GroupApprovalTask,
  *Granskning <scope>*) is assigned to the scope's root pages.
* *Granskare – <scope>* approve the scope's tasks, and may publish in the scope themselves.
* *Nyhetsredaktörer – <scope>* add, edit and publish in the scope's news index only. They
  publish directly: Wagtail lets anyone with publish permission publish, whether or not the page
  has a workflow, so the news needs no workflow of its own.

Each scope also has a collection of its own for images and documents, named after it, that only
its groups may add to and change; every group may choose the shared images and documents of the
collection *Dalsland*. Medarbetarportalen's collection is restricted to employees.

Single sign-on puts employees in these groups from the role claim (`editor_keys_for`,
portal.identity.claims): `redaktor`, `granskare` and `nyhetsredaktor` for their own
municipality, and the same with `-dalsland` or `-medarbetarportalen` for the other two scopes.
The groups are managed like the other claim groups (ClaimGroup, kind role, value
`<scope>/<kind>`, e.g. `amal/granskare`): added and removed at every sign-in, found by that
value even when renamed in the admin.

`setup_editor_groups()` creates the groups, collections, workflows and permissions. It only ever
adds what is missing, so it can be run again at any time (`manage.py setup_editor_groups`, the
data migration, the demo seeder): after a new section is added under the home page, or after a
page is translated into a new language, it gives the groups their permissions there too.

Wagtail's permissions always reach every page below the one they are set on, and cannot be
taken away further down. That is why Dalsland's groups get each shared section, not the home
page itself: on the home page they would reach every municipality's pages too. The home page is
edited by a superuser, or by Wagtail's own *Editors* and *Moderators*.
"""

from dataclasses import dataclass, field

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .models import ClaimGroup

DALSLAND = "dalsland"
EMPLOYEE_PORTAL = "medarbetarportalen"

EDITORS = "redaktor"
APPROVERS = "granskare"
NEWS_EDITORS = "nyhetsredaktor"
KINDS = (EDITORS, APPROVERS, NEWS_EDITORS)

# The role claim's values that put someone in an editor group: the kind of group, and its scope
# (None: the municipality of the employee's own `municipality` claim).
EDITOR_ROLES: dict[str, tuple[str, str | None]] = {
    EDITORS: (EDITORS, None),
    APPROVERS: (APPROVERS, None),
    NEWS_EDITORS: (NEWS_EDITORS, None),
    f"{EDITORS}-{DALSLAND}": (EDITORS, DALSLAND),
    f"{APPROVERS}-{DALSLAND}": (APPROVERS, DALSLAND),
    f"{NEWS_EDITORS}-{DALSLAND}": (NEWS_EDITORS, DALSLAND),
    f"{EDITORS}-{EMPLOYEE_PORTAL}": (EDITORS, EMPLOYEE_PORTAL),
    f"{APPROVERS}-{EMPLOYEE_PORTAL}": (APPROVERS, EMPLOYEE_PORTAL),
    f"{NEWS_EDITORS}-{EMPLOYEE_PORTAL}": (NEWS_EDITORS, EMPLOYEE_PORTAL),
}

# Page permissions, on the scope's sections (editors, approvers) or its news index (news
# editors). `add` without `change` would let editors edit only pages they created themselves.
PAGE_PERMISSIONS = {
    EDITORS: ("add", "change"),
    APPROVERS: ("add", "change", "publish", "lock", "unlock"),
    NEWS_EDITORS: ("add", "change", "publish"),
}
# Wagtail's own default groups get the same on images and documents.
COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
SHARED_COLLECTION_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# "Översätt" and "Synkronisera översatta sidor" of wagtail-localize need `submit_translation`.
MODEL_PERMISSIONS = ("wagtailadmin.access_admin", "wagtail_localize.submit_translation")
# The apps whose permissions the groups get, for `_ensure_permissions_exist`.
PERMISSION_APPS = (
    "wagtailcore",
    "wagtailadmin",
    "wagtailimages",
    "wagtaildocs",
    "wagtail_localize",
)
EMPLOYEE_GROUP = "Medarbetare"  # portal.identity.claims.EMPLOYEE_GROUP


def group_name(kind: str, label: str) -> str:
    names = {
        EDITORS: _("Redaktörer – %(scope)s"),
        APPROVERS: _("Granskare – %(scope)s"),
        NEWS_EDITORS: _("Nyhetsredaktörer – %(scope)s"),
    }
    return names[kind] % {"scope": label}


def claim_value(scope_key: str, kind: str) -> str:
    """The ClaimGroup value of a scope's group: `amal/redaktor`, `dalsland/granskare`."""
    return f"{scope_key}/{kind}"


def editor_keys_for(municipality_slug: str, roles) -> list[tuple[str, str]]:
    """(scope key, kind) of each editor group that these role claims give an employee of this
    municipality, in the order of the roles."""
    keys = []
    for role in roles:
        if role in EDITOR_ROLES:
            kind, scope = EDITOR_ROLES[role]
            key = (scope or municipality_slug, kind)
            if key not in keys:
                keys.append(key)
    return keys


# -- Scopes ----------------------------------------------------------------------------------


@dataclass
class Scope:
    key: str  # the municipality's slug, "dalsland" or "medarbetarportalen"
    label: str  # in group, workflow and collection names: "Åmål", "Dalsland"
    sections: list = field(default_factory=list)  # pages editors and approvers get, every language
    news: list = field(default_factory=list)  # news index pages, every language
    workflow_roots: list = field(default_factory=list)  # pages the workflow is assigned to
    collection_restricted_to_employees: bool = False
    # The shared scope: its sections are what is left once the other scopes took theirs.
    takes_the_rest: bool = False


def in_every_language(pages):
    """The pages and all their translations, as plain Page objects (only tree fields)."""
    from wagtail.models import Page

    keys = {page.translation_key for page in pages}
    return list(Page.objects.filter(translation_key__in=keys).only("pk", "path", "depth"))


def scopes() -> list[Scope]:
    """Every scope, with its pages as the tree has them now. Each portal says which scopes its
    part of the tree has through the hook `register_editor_scopes` (a function returning a
    list of `Scope`; citizen_portal's and employee_portal's wagtail_hooks), so this module
    needs to know no page type. A scope marked `takes_the_rest` (Dalsland's) loses the pages
    another scope claims."""
    from wagtail import hooks

    found = [
        scope for register in hooks.get_hooks("register_editor_scopes") for scope in register()
    ]
    claimed = {page.pk for scope in found if not scope.takes_the_rest for page in scope.sections}
    for scope in found:
        if scope.takes_the_rest:
            scope.sections = [page for page in scope.sections if page.pk not in claimed]
    return found


# -- Setting up ------------------------------------------------------------------------------


def _permissions() -> dict[str, Permission]:
    """Every permission the groups get, by "app_label.codename", in one query."""
    wanted = {
        *MODEL_PERMISSIONS,
        *COLLECTION_PERMISSIONS,
        *(
            f"wagtailcore.{action}_page"
            for actions in PAGE_PERMISSIONS.values()
            for action in actions
        ),
    }
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.filter(
            content_type__app_label__in={dotted.split(".")[0] for dotted in wanted},
            codename__in={dotted.split(".")[1] for dotted in wanted},
        ).select_related("content_type")
    }
    return {dotted: found[dotted] for dotted in wanted}


def _ensure_permissions_exist():
    """A data migration may run before post_migrate has created the permissions of an app
    installed in the same `migrate`."""
    for label in PERMISSION_APPS:
        create_permissions(django_apps.get_app_config(label), verbosity=0)


def ensure_group(scope_key: str, kind: str, name: str) -> tuple[Group, bool]:
    """The scope's group of this kind: found by its claim value (so a group renamed in the admin
    keeps working), else by name, else created. True when created."""
    value = claim_value(scope_key, kind)
    mapping = (
        ClaimGroup.objects.select_related("group")
        .filter(kind=ClaimGroup.Kind.ROLE, value=value)
        .first()
    )
    if mapping:
        return mapping.group, False
    group, created = Group.objects.get_or_create(name=name[:150])
    ClaimGroup.objects.get_or_create(
        kind=ClaimGroup.Kind.ROLE, value=value, defaults={"group": group}
    )
    return group, created


def ensure_collection(label: str, restricted_to_employees: bool = False):
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=label).first() or root.add_child(name=label)
    if restricted_to_employees and not collection.view_restrictions.exists():
        # Files for employee pages: served only to signed-in members of "Medarbetare" (Wagtail
        # checks this when it serves a document; images are served as plain files).
        employees, _created = Group.objects.get_or_create(name=EMPLOYEE_GROUP)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(employees)
    return collection


def ensure_workflow(scope: Scope, approvers: Group):
    """The scope's workflow, *Granskning – <scope>*, with one task for its approvers, assigned
    to the scope's root pages where no workflow of its own is assigned yet."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    task_name = _("Granskning %(scope)s") % {"scope": scope.label}
    task = GroupApprovalTask.objects.filter(groups=approvers).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.add(approvers)
    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(
            name=_("Granskning – %(scope)s") % {"scope": scope.label}
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in scope.workflow_roots:
        # Only where nothing is assigned yet: an administrator's own choice stays.
        WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    return workflow


def _grant_pages(group: Group, pages, permissions):
    from wagtail.models import GroupPagePermission

    have = set(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id")
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page.pk, permission=permission)
        for page in pages
        for permission in permissions
        if (page.pk, permission.pk) not in have
    )


def _grant_collection(group: Group, collection, permissions):
    from wagtail.models import GroupCollectionPermission

    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def setup_scope(scope: Scope, shared_collection, perms: dict) -> dict[str, Group]:
    """The three groups of one scope, with everything they need. Returns them by kind."""
    collection = ensure_collection(scope.label, scope.collection_restricted_to_employees)
    groups = {}
    for kind in KINDS:
        group, _created = ensure_group(scope.key, kind, group_name(kind, scope.label))
        group.permissions.add(*[perms[dotted] for dotted in MODEL_PERMISSIONS])
        _grant_pages(
            group,
            scope.news if kind == NEWS_EDITORS else scope.sections,
            [perms[f"wagtailcore.{action}_page"] for action in PAGE_PERMISSIONS[kind]],
        )
        _grant_collection(group, collection, [perms[d] for d in COLLECTION_PERMISSIONS])
        if shared_collection.pk != collection.pk:
            _grant_collection(
                group, shared_collection, [perms[d] for d in SHARED_COLLECTION_PERMISSIONS]
            )
        groups[kind] = group
    ensure_workflow(scope, groups[APPROVERS])
    return groups


@transaction.atomic
def setup_editor_groups() -> dict[str, dict[str, Group]]:
    """Create or complete every scope's groups, collection, workflow and permissions.

    Idempotent, and only ever adds: what exists is found again (groups by their claim value,
    collections by name, tasks by their group), and nothing is removed. Returns the groups by
    scope key and kind.
    """
    _ensure_permissions_exist()
    perms = _permissions()
    # Stored names are Swedish whatever the language of the request or shell.
    with translation.override(settings.LANGUAGE_CODE):
        shared = ensure_collection("Dalsland")
        return {scope.key: setup_scope(scope, shared, perms) for scope in scopes()}


def editor_group(scope_key: str, kind: str) -> Group | None:
    """The group of this kind for the scope, setting the scope up first if it is missing (the
    first sign-in after a new municipality or before the migration's data existed)."""
    value = claim_value(scope_key, kind)
    mapping = (
        ClaimGroup.objects.select_related("group")
        .filter(kind=ClaimGroup.Kind.ROLE, value=value)
        .first()
    )
    if mapping:
        return mapping.group
    return setup_editor_groups().get(scope_key, {}).get(kind)
