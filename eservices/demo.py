"""Demo content of the e-services, from demo/eservices/: the e-services in each municipality,
linked from the municipality's service page, the preschools, after-school centres and schools
residents can choose between, and two cases already under way.

The income ceiling of the fee cap is not seeded: Skolverket announces it each year, and a figure
from another year would show residents the wrong fee. Administrators enter it under
Inställningar › Inkomsttak för maxtaxa (docs/eservices.md).
"""

from portal.demo import load_records, municipality, seeder


def eservices() -> dict:
    """demo/eservices/eservices.toml: each e-service's texts and mailbox, by kind."""
    return load_records("eservices/eservices")


def units(slug: str) -> list[dict]:
    """The preschools, after-school centres and schools of a municipality."""
    return load_records("eservices/units").get(slug, [])


def demo_cases() -> list[dict]:
    """demo/eservices/cases.toml, each with its applicant's number and name from the demo
    identity provider's test persons (demo/idp/identities.toml)."""
    citizens = {row["key"]: row for row in load_records("idp/identities")["citizen"]}
    cases = []
    for item in load_records("eservices/cases")["case"]:
        applicant = citizens[item["applicant"]]
        cases.append(
            {
                **{key: value for key, value in item.items() if key != "applicant"},
                "number": applicant["number"],
                "given_name": applicant["given_name"],
                "family_name": applicant["family_name"],
            }
        )
    return cases


@seeder(50)
def seed_eservices(stdout, style):
    from django.apps import apps

    from portal.models import Municipality

    from .models import EService, Unit

    ServicePage = apps.get_model("citizen_portal", "ServicePage")
    created = 0
    for place in Municipality.objects.all():
        domain = municipality(place.slug)["email_domain"]
        for kind, texts in eservices().items():
            page = (
                ServicePage.objects.filter(municipality=place, slug=texts.get("service_page", kind))
                .filter(locale__language_code="sv")
                .first()
            )
            mailbox = f"{texts['mailbox']}@{domain}"
            _eservice, was_created = EService.objects.get_or_create(
                kind=kind,
                municipality=place,
                defaults={
                    "introduction": texts["introduction"],
                    "fee_information": texts["fee_information"],
                    "contact": f"{mailbox}, {place.phone}",
                    "notification_email": mailbox,
                    "service_page": page,
                },
            )
            created += was_created
        for unit in units(place.slug):
            Unit.objects.get_or_create(
                municipality=place,
                name=unit["name"],
                defaults={
                    "type": unit["type"],
                    "organiser": unit["organiser"],
                    "address": unit["address"],
                    "grades": unit.get("grades", ""),
                },
            )
    return f"{created} e-tjänster skapade"


@seeder(51)
def seed_demo_cases(stdout, style):
    """Cases already under way (demo/eservices/cases.toml), so the handlers' queues show what
    their days look like; once each."""
    import datetime
    import uuid

    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from portal.identity.models import CitizenIdentity
    from portal.pdf import render_pdf

    from .models import Case, CaseAttachment, CaseEvent, EService, PlacementOffer, Unit

    created = 0
    for item in demo_cases():
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"dalslandsportalen:{item['key']}")
        if Case.objects.filter(submission_key=key).exists():
            continue
        identity = CitizenIdentity.objects.filter(personal_identity_number=item["number"]).first()
        if identity is None:
            user = get_user_model().objects.create(
                username=f"{item['given_name']}.{item['family_name']}".lower(),
                first_name=item["given_name"],
                last_name=item["family_name"],
            )
            user.set_unusable_password()
            user.save()
            identity = CitizenIdentity.objects.create(
                user=user,
                personal_identity_number=item["number"],
                given_name=item["given_name"],
                family_name=item["family_name"],
            )
        eservice = EService.objects.get(kind=item["kind"], municipality__slug=item["municipality"])
        submitted = timezone.now() - datetime.timedelta(days=item["days_ago"])
        data = dict(item["data"], applicant_name=identity.full_name)
        if "start_offset_days" in data:
            start = timezone.localdate() + datetime.timedelta(days=data.pop("start_offset_days"))
            data["start_date"] = start.isoformat()
            data["units"] = list(
                Unit.objects.filter(municipality=eservice.municipality, type="forskola")
                .order_by("name")
                .values_list("pk", flat=True)[:2]
            )
        case = Case.objects.create(
            eservice=eservice,
            municipality=eservice.municipality,
            applicant=identity.user,
            submission_key=key,
            status=item["status"],
            data=data,
            submitted_at=submitted,
        )
        if item["kind"] == "bygglov":
            case.clock_started_on = timezone.localdate(submitted)
        for file in item.get("attachment", []):
            content = render_pdf(
                "portal/pdf/document.html",
                {"heading": file["heading"], "paragraphs": [file["text"]]},
                title=file["title"],
                author=identity.full_name,
                sender=identity.full_name,
            )
            attachment = CaseAttachment(
                case=case,
                type=CaseAttachment.Type.APPLICATION,
                field_name=file["field"],
                original_name=file["name"],
                content_type="application/pdf",
                size=len(content),
                uploaded_by=identity.user,
                uploaded_at=submitted,
            )
            attachment.file.save(file["name"], ContentFile(content), save=False)
            attachment.save()
        case.reference = case.make_reference()
        case.save()
        Case.objects.filter(pk=case.pk).update(created_at=submitted, updated_at=submitted)
        CaseEvent.objects.create(
            case=case,
            type=CaseEvent.Type.SUBMITTED,
            at=submitted,
            by_applicant=True,
            actor=identity.user,
            to_status=Case.Status.SUBMITTED,
        )
        CaseEvent.objects.create(
            case=case,
            type=CaseEvent.Type.STATUS,
            at=submitted + datetime.timedelta(days=2),
            from_status=Case.Status.SUBMITTED,
            to_status=item["status"],
            comment=item["comment"],
        )
        if "offer" in item:
            _seed_offer(case, item["offer"], CaseEvent, PlacementOffer, Unit)
        created += 1
    return f"{created} ärenden under handläggning skapade"


def _seed_offer(case, offer, CaseEvent, PlacementOffer, Unit):
    """A demo case's offer of a place, waiting for the guardian's answer (eservices.offers)."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    offered_at = timezone.now() - datetime.timedelta(days=offer["offered_days_ago"])
    unit = Unit.objects.get(municipality=case.municipality, name=offer["unit"])
    PlacementOffer.objects.create(
        case=case,
        unit=unit,
        start_date=today + datetime.timedelta(days=offer["start_offset_days"]),
        answer_by=today + datetime.timedelta(days=offer["answer_offset_days"]),
        offered_at=offered_at,
        offered_by_label="Lena Olsson",
    )
    case.offered_on = timezone.localdate(offered_at)
    case.save(update_fields=["offered_on"])
    CaseEvent.objects.create(
        case=case,
        type=CaseEvent.Type.OFFERED,
        at=offered_at,
        comment=f"{unit.name}, start {today + datetime.timedelta(days=offer['start_offset_days'])}",
    )
