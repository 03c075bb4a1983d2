import factory
from django.contrib.auth import get_user_model

from portal.models import Department, Municipality

PASSWORD = "ett-långt-testlösenord"


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"testanvandare{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A sixth, made-up municipality: the seeded five keep their real codes and slugs."""

    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    short_name = factory.Sequence(lambda n: f"Test {n}")
    municipality_code = factory.Sequence(lambda n: f"{9000 + n:04d}")
    website = factory.LazyAttribute(lambda m: f"https://{m.slug}.example.org")
    email = factory.LazyAttribute(lambda m: f"kommun@{m.slug}.example.org")
    phone = "0500-100 00"
    postal_address = "Box 1, 999 99 Testby"

    class Meta:
        model = Municipality


class DepartmentFactory(factory.django.DjangoModelFactory):
    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Testförvaltningen {n}")
    slug = factory.Sequence(lambda n: f"testforvaltningen-{n}")

    class Meta:
        model = Department
