"""Give the role groups that already exist the case-handling permissions their roles now carry
(portal.identity.roles); groups created from now on get them when first made."""

from django.db import migrations

ROLE_PERMISSIONS = {
    "forskoleadministrator": ("handle_preschool", "handle_school_choice"),
    "bygglovshandlaggare": ("handle_building_permit",),
}


def add_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make this app's now to grant them.
    app_config = apps.get_app_config("eservices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ClaimGroup = apps.get_model("identity", "ClaimGroup")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        mapping = ClaimGroup.objects.filter(kind="role", value=role).select_related("group")
        permissions = Permission.objects.filter(
            content_type__app_label="eservices", codename__in=codenames
        )
        for claim_group in mapping:
            claim_group.group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("eservices", "0001_initial"),
        ("identity", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
