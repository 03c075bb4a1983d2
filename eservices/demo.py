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
