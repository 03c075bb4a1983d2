"""Demo content of the e-services: the three e-services in each municipality, linked from the
municipality's service page, and the preschools, after-school centres and schools residents can
choose between.

The income ceiling of the fee cap is not seeded: Skolverket announces it each year, and a
figure from another year would show residents the wrong fee. Administrators enter it under
Inställningar › Inkomsttak för maxtaxa (docs/eservices.md).
"""

from portal.demo import seeder

INTRODUCTIONS = {
    "forskola": (
        "Barn har rätt till förskola från ett års ålder. Ansök senast fyra månader innan barnet "
        "ska börja. Har barnet två vårdnadshavare ska båda stå bakom ansökan."
    ),
    "skolval": (
        "Inför förskoleklass och vid byte av skola kan ni önska skola. Kommunen placerar efter "
        "era önskemål så långt det går, med hänsyn till andra elevers rätt till en skola nära "
        "hemmet."
    ),
    "bygglov": (
        "Kommunen ska fatta beslut inom tio veckor från att ansökan är komplett. Skicka med alla "
        "ritningar från början, så går det fortare."
    ),
}

FEES = {
    "forskola": (
        "Avgiften följer maxtaxan: 3 procent av hushållets inkomst för det yngsta barnet i "
        "förskola, 2 procent för det andra och 1 procent för det tredje. Det fjärde barnet är "
        "avgiftsfritt. I fritidshem är det 2, 1 och 1 procent."
    ),
    "skolval": "",
    "bygglov": (
        "Du betalar en avgift enligt kommunens plan- och bygglovstaxa, som kommunfullmäktige "
        "beslutar. Avgiften beror på vad du ska bygga och hur stort det är. Tar handläggningen "
        "längre tid än tio veckor från komplett ansökan sätts avgiften ned med en femtedel för "
        "varje påbörjad vecka som tiden överskrids."
    ),
}

MAILBOXES = {
    "bengtsfors": "bengtsfors.se",
    "dals-ed": "dalsed.se",
    "fargelanda": "fargelanda.se",
    "mellerud": "mellerud.se",
    "amal": "amal.se",
}
LOCAL_PARTS = {"forskola": "barnomsorg", "skolval": "skolval", "bygglov": "bygglov"}

# (type, name, organiser, address, grades)
UNITS = {
    "amal": [
        ("forskola", "Förskolan Solrosen", "kommunal", "Vallgatan 12, Åmål", ""),
        ("forskola", "Förskolan Ekebacken", "kommunal", "Karlbergsvägen 4, Åmål", ""),
        ("forskola", "Förskolan Lilla Tösse", "kommunal", "Skolvägen 3, Tösse", ""),
        ("forskola", "Montessoriförskolan Vänerstjärnan", "fristaende", "Strandgatan 8, Åmål", ""),
        ("pedagogisk-omsorg", "Dagbarnvårdare i Fengersfors", "kommunal", "Fengersfors", ""),
        ("fritidshem", "Fritidshemmet vid Kristinebergskolan", "kommunal", "Åmål", ""),
        ("fritidshem", "Fritidshemmet i Tösse", "kommunal", "Tösse", ""),
        ("skola", "Kristinebergskolan", "kommunal", "Åmål", "F–6"),
        ("skola", "Tösse skola", "kommunal", "Tösse", "F–6"),
        ("skola", "Rösparksskolan", "kommunal", "Åmål", "7–9"),
    ],
    "mellerud": [
        ("forskola", "Förskolan Linden", "kommunal", "Storgatan 20, Mellerud", ""),
        ("forskola", "Förskolan Bäcken", "kommunal", "Åsensbruk", ""),
        ("forskola", "Förskolan Regnbågen", "kommunal", "Dals Rostock", ""),
        ("fritidshem", "Fritidshemmet vid Nordalsskolan", "kommunal", "Mellerud", ""),
        ("skola", "Nordalsskolan", "kommunal", "Mellerud", "F–6"),
        ("skola", "Åsenskolan", "kommunal", "Åsensbruk", "F–6"),
        ("skola", "Rådaskolan", "kommunal", "Mellerud", "7–9"),
    ],
    "bengtsfors": [
        ("forskola", "Förskolan Trollbacken", "kommunal", "Bengtsfors", ""),
        ("forskola", "Förskolan Tallbacken", "kommunal", "Billingsfors", ""),
        ("forskola", "Förskolan Dalen", "kommunal", "Dals Långed", ""),
        ("fritidshem", "Fritidshemmet vid Bengtsfors skola", "kommunal", "Bengtsfors", ""),
        ("skola", "Bengtsfors skola", "kommunal", "Bengtsfors", "F–6"),
        ("skola", "Dals Långeds skola", "kommunal", "Dals Långed", "F–6"),
        ("skola", "Sågenskolan", "kommunal", "Bengtsfors", "7–9"),
    ],
    "dals-ed": [
        ("forskola", "Förskolan Kaprifolen", "kommunal", "Ed", ""),
        ("forskola", "Förskolan Nössemark", "kommunal", "Nössemark", ""),
        ("fritidshem", "Fritidshemmet vid Ed skola", "kommunal", "Ed", ""),
        ("skola", "Ed skola", "kommunal", "Ed", "F–9"),
    ],
    "fargelanda": [
        ("forskola", "Förskolan Tallkotten", "kommunal", "Färgelanda", ""),
        ("forskola", "Förskolan Ödeborg", "kommunal", "Ödeborg", ""),
        ("forskola", "Förskolan Högsäter", "kommunal", "Högsäter", ""),
        ("fritidshem", "Fritidshemmet vid Valboskolan", "kommunal", "Färgelanda", ""),
        ("skola", "Valboskolan", "kommunal", "Färgelanda", "F–6"),
        ("skola", "Höjdenskolan", "kommunal", "Färgelanda", "7–9"),
    ],
}


@seeder(50)
def seed_eservices(stdout, style):
    from citizen_portal.models import ServicePage
    from portal.models import Municipality

    from .models import EService, Kind, Unit

    created = 0
    for municipality in Municipality.objects.all():
        for kind in Kind:
            page = (
                ServicePage.objects.filter(municipality=municipality, slug=kind.value)
                .filter(locale__language_code="sv")
                .first()
            )
            _eservice, was_created = EService.objects.get_or_create(
                kind=kind,
                municipality=municipality,
                defaults={
                    "introduction": INTRODUCTIONS[kind],
                    "fee_information": FEES[kind],
                    "contact": f"{LOCAL_PARTS[kind]}@{MAILBOXES[municipality.slug]}, "
                    f"{municipality.phone}",
                    "notification_email": f"{LOCAL_PARTS[kind]}@{MAILBOXES[municipality.slug]}",
                    "service_page": page,
                },
            )
            created += was_created
        for type_, name, organiser, address, grades in UNITS.get(municipality.slug, []):
            Unit.objects.get_or_create(
                municipality=municipality,
                name=name,
                defaults={
                    "type": type_,
                    "organiser": organiser,
                    "address": address,
                    "grades": grades,
                },
            )
    return f"{created} e-tjänster skapade"


# Cases already under way, so the handlers' queues show what their days look like: a preschool
# application in Färgelanda whose four months run out soon, a building permit in Mellerud past
# its ten weeks. The applicants are demo residents of the identity provider; signing in as them
# finds these cases on Mina sidor (the portal knows a resident by their number).
DEMO_CASES = [
    {
        "key": "demo-forskola-fargelanda",
        "kind": "forskola",
        "municipality": "fargelanda",
        "number": "197010632391",
        "given_name": "Piotr",
        "family_name": "Kowalczyk",
        "days_ago": 100,
        "status": "handlaggs",
        "data": {
            "child_name": "Zofia Kowalczyk",
            "child_number": "202306119807",
            "care_type": "forskola",
            "start_offset_days": 30,
            "occupation": "arbetar",
            "employer": "Håvesta gård, säsongsarbete",
            "email": "piotr.kowalczyk@example.se",
            "phone": "072-555 12 34",
            "highest_fee": True,
            "declaration": True,
        },
    },
    {
        "key": "demo-bygglov-mellerud",
        "kind": "bygglov",
        "municipality": "mellerud",
        "number": "194109279903",
        "given_name": "Gunnel",
        "family_name": "Ek",
        "days_ago": 84,
        "status": "handlaggs",
        "data": {
            "property_designation": "Mellerud Sunnanå 1:38",
            "property_address": "Sunnanåvägen 5, Mellerud",
            "owner_is_applicant": True,
            "measure": "tillbyggnad",
            "description": "Inglasat uterum på 15 kvadratmeter mot sjösidan, byggt på den "
            "befintliga altanen. Samma fasadfärg som huset.",
            "building_area": "15",
            "control_officer_name": "Lars Nilsson",
            "control_officer_certificate": "SC0987-12",
            "email": "gunnel.ek@example.se",
            "declaration": True,
        },
    },
]


@seeder(51)
def seed_demo_cases(stdout, style):
    import datetime
    import uuid

    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from portal.identity.models import CitizenIdentity
    from portal.pdf import TaggedPdf

    from .models import Case, CaseAttachment, CaseEvent, EService, Unit

    created = 0
    for item in DEMO_CASES:
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
            pdf = TaggedPdf("Situationsplan", identity.full_name)
            pdf.heading("Situationsplan, Mellerud Sunnanå 1:38")
            pdf.paragraph("Skala 1:500. Uterummet markerat mot sjösidan, 6,2 meter till tomtgräns.")
            attachment = CaseAttachment(
                case=case,
                type=CaseAttachment.Type.APPLICATION,
                field_name="drawings",
                original_name="situationsplan.pdf",
                content_type="application/pdf",
                size=0,
                uploaded_by=identity.user,
                uploaded_at=submitted,
            )
            content = pdf.render()
            attachment.size = len(content)
            attachment.file.save("situationsplan.pdf", ContentFile(content), save=False)
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
            comment="Ansökan är komplett och handläggs.",
        )
        created += 1
    return f"{created} ärenden under handläggning skapade"
