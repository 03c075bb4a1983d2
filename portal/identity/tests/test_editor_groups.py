"""The editor groups: each municipality's editors edit only their own municipality's pages, and
what they write goes live only when one of their municipality's approvers approves it; news
editors publish news directly; Dalsland's and Medarbetarportalen's groups likewise; each group
has its own collection; only those who may edit a page translate it, and only those who may
publish its translation publish it; and single sign-on puts people in the groups and takes them
out."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Page,
    TaskState,
    WorkflowPage,
    WorkflowState,
)
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import TranslationSource

from citizen_portal.models import (
    CitizenHomePage,
    InformationPage,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    TopicPage,
)
from employee_portal.models import (
    EmployeeHomePage,
    EmployeeInformationPage,
    EmployeeNewsIndexPage,
    EmployeeNewsPage,
)
from portal.identity import claims as claimkit
from portal.identity import editor_groups
from portal.identity.models import ClaimGroup
from portal.tests.factories import UserFactory, sign_in_for_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups():
    """The groups by scope and kind. The demo seeder has made them already; running the setup
    again here also shows that it finds them instead of making new ones."""
    return editor_groups.setup_editor_groups()


def member(groups, scope, kind):
    return UserFactory(groups=[groups[scope][kind]])


def municipality_page(slug, language="sv"):
    return MunicipalityPage.objects.get(municipality__slug=slug, locale__language_code=language)


def new_information_page(parent, title="Öppettider i sommar"):
    page = InformationPage(
        title=title, slug="oppettider-i-sommar", body=[("paragraph", "<p>Stängt i juli.</p>")]
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return InformationPage.objects.get(pk=page.pk)


def edit_form(page, title, **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("paragraph", rich_text("<p>Öppet hela sommaren.</p>"))]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def live_title(page):
    return Page.objects.get(pk=page.pk).title


# -- Editors stay in their own municipality --------------------------------------------------


def test_an_amal_editor_cannot_edit_a_mellerud_page(client, groups):
    editor = member(groups, "amal", "redaktor")
    mellerud = municipality_page("mellerud")
    service = mellerud.get_descendants().type(InformationPage).first() or new_information_page(
        mellerud
    )

    for page in (mellerud, service, municipality_page("mellerud", "en")):
        assert not page.permissions_for_user(editor).can_edit(), page
    sign_in_for_admin(client, editor)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[municipality_page("amal").pk]))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[mellerud.pk]))

    assert own.status_code == 200
    # Wagtail's answer to a page the user may not edit: back to the admin's start page.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_an_amal_editor_can_edit_amal_pages_in_both_languages_but_not_publish(groups):
    editor = member(groups, "amal", "redaktor")

    for page in (municipality_page("amal"), municipality_page("amal", "en")):
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit() and permissions.can_add_subpage()
        assert not permissions.can_publish()
        assert not permissions.can_unpublish() or not page.live


def test_publishing_is_refused_and_the_live_page_stays_as_it_was(client, groups):
    editor = member(groups, "amal", "redaktor")
    page = new_information_page(municipality_page("amal"))
    sign_in_for_admin(client, editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(page, "Öppettider i sommar 2026", **{"action-publish": "action-publish"}),
    )

    assert response.status_code == 302
    assert live_title(page) == "Öppettider i sommar"
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Öppettider i sommar 2026"


# -- Granskning ------------------------------------------------------------------------------


def submit(client, page, title):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(page, title, **{"action-submit": "action-submit"}),
    )


def test_each_municipality_has_its_own_review_with_its_own_approvers(groups):
    for slug in ("amal", "mellerud"):
        workflow = municipality_page(slug).get_workflow()
        (task,) = [task.specific for task in workflow.tasks]
        assert list(task.groups.all()) == [groups[slug]["granskare"]]
        assert municipality_page(slug, "en").get_workflow() == workflow
    assert municipality_page("amal").get_workflow().name == "Granskning – Åmål"


def test_an_amal_editors_change_waits_for_an_amal_approver(client, groups):
    editor = member(groups, "amal", "redaktor")
    approver = member(groups, "amal", "granskare")
    page = new_information_page(municipality_page("amal"))
    sign_in_for_admin(client, editor)

    assert submit(client, page, "Öppettider i sommar 2026").status_code == 302

    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Granskning – Åmål"
    assert state.current_task_state.task.name == "Granskning Åmål"
    assert live_title(page) == "Öppettider i sommar"

    client.logout()
    sign_in_for_admin(client, approver)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )

    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert live_title(page) == "Öppettider i sommar 2026"
    assert not Page.objects.get(pk=page.pk).has_unpublished_changes


def test_a_mellerud_approver_cannot_approve_an_amal_task(client, groups):
    editor = member(groups, "amal", "redaktor")
    outsider = member(groups, "mellerud", "granskare")
    page = new_information_page(municipality_page("amal"))
    sign_in_for_admin(client, editor)
    submit(client, page, "Öppettider i sommar 2026")
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    client.logout()
    sign_in_for_admin(client, outsider)

    assert task_state.task.specific.get_actions(page, outsider) == []
    assert not page.permissions_for_user(outsider).can_edit()
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    assert response.status_code in {302, 403}
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert live_title(page) == "Öppettider i sommar"


def test_an_approver_may_publish_in_their_municipality_only(groups):
    approver = member(groups, "amal", "granskare")

    assert municipality_page("amal").permissions_for_user(approver).can_publish()
    assert not municipality_page("mellerud").permissions_for_user(approver).can_publish()


# -- News editors ----------------------------------------------------------------------------


def test_news_editors_publish_their_municipalitys_news_directly(client, groups):
    news_editor = member(groups, "amal", "nyhetsredaktor")
    index = NewsIndexPage.objects.child_of(municipality_page("amal")).get()
    sign_in_for_admin(client, news_editor)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["citizen_portal", "newspage", index.pk]),
        nested_form_data(
            {
                "title": "Badplatserna öppnar",
                "slug": "badplatserna-oppnar",
                "date": "2026-06-01",
                "intro": "Nu kan du bada igen.",
                "body": streamfield([("paragraph", rich_text("<p>Välkommen.</p>"))]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    news = NewsPage.objects.child_of(index).get(slug="badplatserna-oppnar")
    assert news.live and not news.has_unpublished_changes
    assert not WorkflowState.objects.for_instance(news).exists()


def test_news_editors_reach_the_news_and_nothing_else(groups):
    news_editor = member(groups, "amal", "nyhetsredaktor")
    amal = municipality_page("amal")
    mellerud_news = NewsIndexPage.objects.child_of(municipality_page("mellerud")).get()

    assert not amal.permissions_for_user(news_editor).can_edit()
    assert not mellerud_news.permissions_for_user(news_editor).can_edit()
    own_news = NewsIndexPage.objects.child_of(amal).get()
    assert own_news.permissions_for_user(news_editor).can_publish()


# -- Dalsland and Medarbetarportalen ---------------------------------------------------------


def test_dalsland_editors_edit_the_shared_sections_and_no_municipality(groups):
    editor = member(groups, "dalsland", "redaktor")
    home = CitizenHomePage.objects.get(locale__language_code="sv")
    topic = TopicPage.objects.child_of(home).first()

    assert topic.permissions_for_user(editor).can_edit()
    assert not topic.permissions_for_user(editor).can_publish()
    assert topic.get_workflow().name == "Granskning – Dalsland"
    assert not municipality_page("amal").permissions_for_user(editor).can_edit()
    assert not EmployeeHomePage.objects.get().permissions_for_user(editor).can_edit()
    # Permissions reach every page below: on the home page they would reach the municipalities.
    assert not home.permissions_for_user(editor).can_edit()
    news = NewsIndexPage.objects.child_of(home).get()
    assert news.permissions_for_user(member(groups, "dalsland", "nyhetsredaktor")).can_publish()


def test_medarbetarportalen_has_its_own_editors_review_and_news(groups):
    editor = member(groups, "medarbetarportalen", "redaktor")
    news_editor = member(groups, "medarbetarportalen", "nyhetsredaktor")
    home = EmployeeHomePage.objects.get()
    information = EmployeeInformationPage.objects.child_of(home).first()
    news = EmployeeNewsPage.objects.first()

    assert information.permissions_for_user(editor).can_edit()
    assert not information.permissions_for_user(editor).can_publish()
    assert information.get_workflow().name == "Granskning – Medarbetarportalen"
    assert news.permissions_for_user(news_editor).can_publish()
    assert not information.permissions_for_user(news_editor).can_edit()
    assert EmployeeNewsIndexPage.objects.get().permissions_for_user(news_editor).can_add_subpage()
    assert not municipality_page("amal").permissions_for_user(editor).can_edit()


# -- Collections -----------------------------------------------------------------------------


def test_each_municipality_has_its_own_collection(groups):
    editor = member(groups, "amal", "redaktor")
    amal, mellerud, dalsland = (
        Collection.objects.get(name=name) for name in ("Åmål", "Mellerud", "Dalsland")
    )

    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        for action in ("add", "change"):
            assert list(policy.collections_user_has_permission_for(editor, action)) == [amal]
        chooseable = set(policy.collections_user_has_permission_for(editor, "choose"))
        assert chooseable == {amal, dalsland}
        assert mellerud not in chooseable


def test_medarbetarportalens_files_are_for_employees_only(groups):
    collection = Collection.objects.get(name="Medarbetarportalen")

    (restriction,) = collection.view_restrictions.all()
    assert list(restriction.groups.values_list("name", flat=True)) == ["Medarbetare"]


# -- Single sign-on --------------------------------------------------------------------------

EDITOR_IN_AMAL = {"municipality": "amal", "department": "", "roles": ["redaktor"]}


def names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def sign_in_with(user, claims):
    return claimkit.apply_employee_claims(user, claimkit.employee_claims(claims))


def test_claims_put_editors_and_approvers_in_their_municipalitys_groups(groups):
    user = UserFactory()

    added, _removed = sign_in_with(user, EDITOR_IN_AMAL)

    assert "Redaktörer – Åmål" in added
    assert not {"Granskare – Åmål", "Redaktörer – Mellerud"} & names(user)
    assert municipality_page("amal").permissions_for_user(user).can_edit()

    added, removed = sign_in_with(user, {**EDITOR_IN_AMAL, "roles": ["granskare"]})

    assert "Granskare – Åmål" in added and "Redaktörer – Åmål" in removed
    assert "Redaktörer – Åmål" not in names(user)


def test_moving_to_another_municipality_moves_the_editor_group(groups):
    user = UserFactory()
    sign_in_with(user, EDITOR_IN_AMAL)

    _added, removed = sign_in_with(user, {**EDITOR_IN_AMAL, "municipality": "mellerud"})

    assert "Redaktörer – Åmål" in removed
    assert "Redaktörer – Mellerud" in names(user)
    assert not municipality_page("amal").permissions_for_user(user).can_edit()


def test_dalsland_medarbetarportalen_and_news_roles(groups):
    user = UserFactory()

    sign_in_with(
        user,
        {
            **EDITOR_IN_AMAL,
            "roles": ["nyhetsredaktor", "granskare-dalsland", "redaktor-medarbetarportalen"],
        },
    )

    assert {
        "Nyhetsredaktörer – Åmål",
        "Granskare – Dalsland",
        "Redaktörer – Medarbetarportalen",
    } <= names(user)
    assert not {"Redaktörer – Åmål", "Redaktörer – Dalsland"} & names(user)

    sign_in_with(user, {**EDITOR_IN_AMAL, "roles": []})

    assert not any(" – " in name and not name.startswith("Kommun") for name in names(user))


def test_a_renamed_group_is_found_by_its_claim_value(groups):
    group = groups["amal"]["redaktor"]
    group.name = "Webbredaktörer i Åmål"
    group.save()
    user = UserFactory()

    sign_in_with(user, EDITOR_IN_AMAL)

    assert "Webbredaktörer i Åmål" in names(user)
    assert editor_groups.setup_editor_groups()["amal"]["redaktor"] == group
    assert not Group.objects.filter(name="Redaktörer – Åmål").exists()


def test_setting_up_again_adds_nothing(groups):
    counts = (
        Group.objects.count(),
        ClaimGroup.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
        WorkflowPage.objects.count(),
    )

    editor_groups.setup_editor_groups()

    assert counts == (
        Group.objects.count(),
        ClaimGroup.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
        WorkflowPage.objects.count(),
    )


def test_a_new_translation_gets_the_permissions_when_set_up_again(groups):
    """A section translated later is in scope after `setup_editor_groups` runs again."""
    amal_news = NewsIndexPage.objects.child_of(municipality_page("amal")).get()
    english = amal_news.copy_for_translation(
        municipality_page("amal", "en").locale, copy_parents=False
    )
    news_editor = member(groups, "amal", "nyhetsredaktor")
    assert not english.permissions_for_user(news_editor).can_publish()

    editor_groups.setup_editor_groups()

    news_editor = type(news_editor).objects.get(pk=news_editor.pk)  # permissions are cached
    assert english.permissions_for_user(news_editor).can_publish()


# -- Translation -----------------------------------------------------------------------------


def test_an_amal_editor_may_translate_amal_pages_and_not_mellerud_pages(client, groups):
    editor = member(groups, "amal", "redaktor")
    sign_in_for_admin(client, editor)

    own = client.get(
        reverse("wagtail_localize:submit_page_translation", args=[municipality_page("amal").pk])
    )
    other = client.get(
        reverse("wagtail_localize:submit_page_translation", args=[municipality_page("mellerud").pk])
    )

    assert own.status_code == 200
    assert other.status_code == 302 and other["Location"] == reverse("wagtailadmin_home")


def sync(client, page, publish, capture):
    source = TranslationSource.objects.get_for_instance(page)
    data = {"publish_translations": "on"} if publish else {}
    # wagtail-localize publishes a translation when the transaction commits.
    with capture(execute=True):
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def test_syncing_and_publishing_english_needs_the_right_to_publish_it(
    client, groups, django_capture_on_commit_callbacks
):
    amal = municipality_page("amal")
    english = municipality_page("amal", "en")
    TranslationSource.update_or_create_from_instance(amal)
    Page.objects.filter(pk=amal.pk).update(title="Åmål – kommunen vid Vänern")
    published_before = english.last_published_at
    editor = member(groups, "amal", "redaktor")
    sign_in_for_admin(client, editor)

    refused = sync(client, amal, True, django_capture_on_commit_callbacks)

    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.get(pk=english.pk).last_published_at == published_before

    # Syncing alone is editing: allowed, and nothing is published.
    assert sync(client, amal, False, django_capture_on_commit_callbacks).status_code == 302
    assert Page.objects.get(pk=english.pk).last_published_at == published_before

    client.logout()
    sign_in_for_admin(client, member(groups, "amal", "granskare"))
    assert sync(client, amal, True, django_capture_on_commit_callbacks).status_code == 302
    assert Page.objects.get(pk=english.pk).last_published_at != published_before


def test_a_mellerud_editor_cannot_sync_amal_translations(
    client, groups, django_capture_on_commit_callbacks
):
    amal = municipality_page("amal")
    TranslationSource.update_or_create_from_instance(amal)
    sign_in_for_admin(client, member(groups, "mellerud", "redaktor"))

    response = sync(client, amal, False, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
