"""Demo content for the document register: policies, guidelines, routines, templates and plans
of the five municipalities and of all of Dalsland, each with a small tagged PDF made at seed
time (the portal's tagged-PDF writer, portal/pdf.py).

One routine has run out: it is in the admin, marked as expired, and employees never see it.
A document that exists (same title and municipality) is left as an editor may have changed it.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from portal.demo import seeder
from portal.models import Department, Municipality
from portal.pdf import TaggedPdf

from .models import RegisterDocument

Category = RegisterDocument.Category

DOCUMENTS = [
    {
        "title": "Informationssäkerhetspolicy för Dalslandskommunerna",
        "municipality": None,
        "category": Category.POLICY,
        "description": (
            "Hur kommunerna i Dalsland skyddar sin information: vilka mål som gäller för "
            "konfidentialitet, riktighet och tillgänglighet, och vem som ansvarar för vad."
        ),
        "owner": "Informationssäkerhetssamordnare, Dalslandskommunernas IT-samverkan",
        "owner_email": "informationssakerhet@amal.se",
        "decided_by": "Kommunfullmäktige i respektive kommun, våren 2025",
        "version": "2.0",
        "valid_days": 720,
        "sections": [
            (
                "Syfte",
                "Policyn ska se till att kommunernas information hanteras säkert, så att "
                "invånare, företag och medarbetare kan lita på den. Den gäller all information "
                "oavsett form: i system, på papper och i samtal.",
            ),
            (
                "Mål",
                "Information ska vara tillgänglig för den som behöver den i arbetet, skyddad "
                "mot obehörig åtkomst och korrekt. Det ska gå att se i efterhand vem som har "
                "gjort vad i de system som hanterar skyddsvärd information.",
            ),
            (
                "Ansvar",
                "Kommunstyrelsen har det övergripande ansvaret. Varje förvaltningschef ansvarar "
                "för informationssäkerheten i sin verksamhet, och varje medarbetare ansvarar för "
                "att följa de riktlinjer och rutiner som gäller.",
            ),
            (
                "Uppföljning",
                "Policyn följs upp varje år av informationssäkerhetssamordnaren och revideras "
                "minst en gång per mandatperiod.",
            ),
        ],
    },
    {
        "title": "Riktlinje för hantering av personuppgifter (GDPR)",
        "municipality": None,
        "category": Category.GUIDELINE,
        "description": (
            "Vad dataskyddsförordningen betyder i det dagliga arbetet: när du får behandla "
            "personuppgifter, hur länge de sparas och vad du gör vid en personuppgiftsincident."
        ),
        "owner": "Dataskyddsombud för Dalslandskommunerna",
        "owner_email": "dataskyddsombud@mellerud.se",
        "decided_by": "Kommunstyrelserna i Dalsland, 2025",
        "version": "1.3",
        "valid_days": 420,
        "sections": [
            (
                "När får du behandla personuppgifter?",
                "Bara när det behövs för en uppgift kommunen har, och bara de uppgifter som "
                "behövs. Samla inte in uppgifter för säkerhets skull.",
            ),
            (
                "Känsliga uppgifter",
                "Uppgifter om hälsa, etniskt ursprung eller fackligt medlemskap får bara "
                "hanteras i de system som är godkända för det, aldrig i e-post eller på delade "
                "ytor.",
            ),
            (
                "Personuppgiftsincident",
                "Har uppgifter kommit i orätta händer eller försvunnit? Anmäl det till din chef "
                "och dataskyddsombudet samma dag. Kommunen måste anmäla allvarliga incidenter "
                "till Integritetsskyddsmyndigheten inom 72 timmar.",
            ),
        ],
    },
    {
        "title": "Rutin vid hot och våld på arbetsplatsen",
        "municipality": "amal",
        "category": Category.ROUTINE,
        "description": (
            "Vad du gör om du blir hotad eller utsatt för våld i arbetet, hur händelsen "
            "anmäls och vilket stöd du får efteråt."
        ),
        "owner": "HR-chef, Åmåls kommun",
        "owner_email": "hr@amal.se",
        "decided_by": "Kommundirektören 2025-02-10",
        "version": "1.1",
        "valid_days": 300,
        "sections": [
            (
                "I stunden",
                "Tänk på din egen säkerhet först. Lämna rummet om du kan, larma och ring 112 "
                "vid akut fara.",
            ),
            (
                "Efteråt",
                "Berätta för din chef så snart som möjligt. Chefen anmäler händelsen som "
                "tillbud eller arbetsskada i systemet för arbetsmiljöärenden och, vid allvarliga "
                "händelser, till Arbetsmiljöverket.",
            ),
            (
                "Stöd",
                "Du erbjuds samtal med företagshälsovården. Chefen följer upp med dig inom en "
                "vecka och ser över riskerna på arbetsplatsen tillsammans med skyddsombudet.",
            ),
        ],
    },
    {
        "title": "Mall för tjänsteskrivelse",
        "municipality": "mellerud",
        "department": "kommunstyrelseforvaltningen",
        "category": Category.TEMPLATE,
        "description": (
            "Mallen för tjänsteskrivelser till nämnder och kommunstyrelse, med rubrikerna "
            "ärendet, beslutsunderlag, förslag till beslut och konsekvenser."
        ),
        "owner": "Nämndsekreterare, Kommunstyrelseförvaltningen, Melleruds kommun",
        "owner_email": "kansliet@mellerud.se",
        "decided_by": "",
        "version": "2025-1",
        "valid_days": 500,
        "sections": [
            (
                "Ärendet",
                "Beskriv kort vad ärendet gäller och varför det kommer upp nu.",
            ),
            (
                "Förslag till beslut",
                "Skriv förslaget så att det kan tas in i protokollet som det står.",
            ),
            (
                "Konsekvenser",
                "Beskriv ekonomiska konsekvenser och konsekvenser för barn, miljö och "
                "jämställdhet där de finns.",
            ),
        ],
    },
    {
        "title": "Riktlinje för representation och gåvor",
        "municipality": None,
        "category": Category.GUIDELINE,
        "description": (
            "När kommunen får bjuda på mat eller ge gåvor, vilka belopp som gäller och vad du "
            "gör när någon vill ge dig en gåva i tjänsten."
        ),
        "owner": "Ekonomicheferna i Dalslandskommunerna",
        "owner_email": "ekonomi@bengtsfors.se",
        "decided_by": "Kommunfullmäktige i respektive kommun, 2024",
        "version": "1.0",
        "valid_days": 250,
        "sections": [
            (
                "Representation",
                "Representation ska ha ett tydligt samband med kommunens verksamhet och vara "
                "måttfull. Alkohol bekostas aldrig med kommunens pengar.",
            ),
            (
                "Gåvor till dig",
                "Tacka nej till gåvor som kan påverka, eller uppfattas påverka, hur du sköter "
                "ditt arbete. Vid tvekan: fråga din chef. Att ta emot muta är ett brott.",
            ),
        ],
    },
    {
        "title": "Lönepolicy",
        "municipality": "bengtsfors",
        "category": Category.POLICY,
        "description": (
            "Grunderna för lönesättningen i Bengtsfors kommun: individuell och differentierad "
            "lön, lönesamtal och vad som påverkar din löneutveckling."
        ),
        "owner": "HR-chef, Bengtsfors kommun",
        "owner_email": "hr@bengtsfors.se",
        "decided_by": "Kommunfullmäktige 2023-11-29 § 112",
        "version": "3.0",
        "valid_days": 180,
        "sections": [
            (
                "Principer",
                "Lönen sätts utifrån arbetets svårighetsgrad, ansvar och dina resultat. Lika "
                "arbete ska ha lika lön, oavsett kön.",
            ),
            (
                "Lönesamtal",
                "Du har lönesamtal med din chef varje år, före löneöversynen. Kriterierna för "
                "din verksamhet ska vara kända i förväg.",
            ),
        ],
    },
    {
        "title": "Krisledningsplan",
        "municipality": "dals-ed",
        "department": "kommunledning",
        "category": Category.PLAN,
        "description": (
            "Hur Dals-Eds kommun leds vid en extraordinär händelse: krisledningsnämnden, "
            "krisledningsgruppen, information till invånarna och samverkan i Dalsland."
        ),
        "owner": "Säkerhetssamordnare, Dals-Eds kommun",
        "owner_email": "sakerhet@dalsed.se",
        "decided_by": "Kommunfullmäktige 2024-06-12 § 58",
        "version": "1.0",
        "valid_days": 400,
        "sections": [
            (
                "När planen gäller",
                "Vid en händelse som avviker från det normala, innebär en allvarlig störning och "
                "kräver skyndsamma insatser av kommunen.",
            ),
            (
                "Krisledningsgruppen",
                "Kommunchefen sammankallar gruppen. Den möts i kommunhuset i Ed, eller i "
                "reservlokalen om kommunhuset inte kan användas.",
            ),
            (
                "Information",
                "Kommunikatören ansvarar för att invånarna får samordnad information på "
                "webbplatsen och via VMA när det behövs.",
            ),
        ],
    },
    {
        "title": "Rutin för anmälan av tillbud och arbetsskada",
        "municipality": None,
        "category": Category.ROUTINE,
        "description": (
            "Så anmäler du ett tillbud, en olycka eller en arbetssjukdom, och vad chefen "
            "gör sedan: utredning, åtgärder och anmälan till Försäkringskassan och "
            "Arbetsmiljöverket."
        ),
        "owner": "Arbetsmiljöstrateg, Melleruds kommun, för Dalslandskommunerna",
        "owner_email": "arbetsmiljo@mellerud.se",
        "decided_by": "Centrala samverkansgrupperna i Dalsland 2024-09-18",
        "version": "1.2",
        "valid_days": 365,
        "sections": [
            (
                "Anmäl samma dag",
                "Anmäl i systemet för arbetsmiljöärenden samma dag som det hände. Det gäller "
                "även när ingen kom till skada: tillbuden visar var riskerna finns.",
            ),
            (
                "Chefens ansvar",
                "Chefen utreder orsaken tillsammans med skyddsombudet och bestämmer åtgärder. "
                "En allvarlig olycka anmäls till Arbetsmiljöverket utan dröjsmål.",
            ),
        ],
    },
    {
        "title": "Delegationsordning för socialnämnden",
        "municipality": "fargelanda",
        "department": "omsorg",
        "category": Category.GUIDELINE,
        "description": (
            "Vilka beslut socialnämnden i Färgelanda har lämnat över till utskott, chefer och "
            "handläggare, och hur delegationsbesluten anmäls till nämnden."
        ),
        "owner": "Nämndsekreterare, Omsorgsförvaltningen, Färgelanda kommun",
        "owner_email": "socialnamnden@fargelanda.se",
        "decided_by": "Socialnämnden 2025-01-28 § 7",
        "version": "2025:1",
        "valid_days": 330,
        "sections": [
            (
                "Att besluta på delegation",
                "Den som fattar beslut på delegation gör det i nämndens ställe. Beslutet ska "
                "dokumenteras och anmälas till nämndens nästa sammanträde.",
            ),
            (
                "Brådskande beslut",
                "Ordföranden får besluta i ärenden som är så brådskande att nämndens beslut "
                "inte kan avvaktas (6 kap. 39 § kommunallagen).",
            ),
        ],
    },
    {
        "title": "Mall för protokoll",
        "municipality": None,
        "category": Category.TEMPLATE,
        "description": (
            "Den gemensamma mallen för protokoll från nämnder, styrelser och utskott i "
            "Dalsland, med paragrafnumrering, justering och anslag."
        ),
        "owner": "Kanslicheferna i Dalslandskommunerna",
        "owner_email": "kansli@amal.se",
        "decided_by": "",
        "version": "4",
        "valid_days": 600,
        "sections": [
            (
                "Innehåll",
                "Protokollet anger sammanträdets tid och plats, närvarande ledamöter och "
                "ersättare, ärendena med beslut och eventuella reservationer.",
            ),
            (
                "Justering och anslag",
                "Protokollet justeras inom 14 dagar och tillkännages på kommunens anslagstavla "
                "samma dag som det justerats.",
            ),
        ],
    },
    {
        # Expired: kept in the admin, hidden from employees.
        "title": "Tillfällig rutin för distansarbete",
        "municipality": "amal",
        "category": Category.ROUTINE,
        "description": (
            "Vad som gällde för arbete hemifrån under ombyggnaden av kommunhuset: vem som fick "
            "arbeta på distans, utrustning och hur du nåddes under arbetstid."
        ),
        "owner": "HR-chef, Åmåls kommun",
        "owner_email": "hr@amal.se",
        "decided_by": "Kommundirektören 2025-03-03",
        "version": "1.0",
        "valid_days": -45,
        "sections": [
            (
                "Vem rutinen gällde",
                "Medarbetare på Kommunstyrelsens förvaltning vars arbetsplatser berördes av "
                "ombyggnaden, efter överenskommelse med sin chef.",
            ),
        ],
    },
]


def build_pdf(item: dict, municipality: Municipality | None) -> bytes:
    author = municipality.name if municipality else "Dalslandskommunerna"
    pdf = TaggedPdf(item["title"], author)
    pdf.heading(item["title"])
    pdf.paragraph(item["description"])
    facts = [f"Ansvarig: {item['owner']}"]
    if item["decided_by"]:
        facts.append(f"Beslutad av: {item['decided_by']}")
    if item["version"]:
        facts.append(f"Version: {item['version']}")
    pdf.paragraph(". ".join(facts) + ".", size=9)
    for heading, text in item["sections"]:
        pdf.heading(heading, level=2)
        pdf.paragraph(text)
    return pdf.render()


@seeder(47)
def seed_document_register(stdout, style):
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    today = timezone.localdate()
    created = 0
    for item in DOCUMENTS:
        municipality = municipalities[item["municipality"]] if item["municipality"] else None
        if RegisterDocument.objects.filter(title=item["title"], municipality=municipality).exists():
            continue
        department = None
        if item.get("department"):
            department = Department.objects.get(municipality=municipality, slug=item["department"])
        document = RegisterDocument(
            title=item["title"],
            description=item["description"],
            category=item["category"],
            municipality=municipality,
            department=department,
            owner=item["owner"],
            owner_email=item["owner_email"],
            decided_by=item["decided_by"],
            version=item["version"],
            valid_until=today + datetime.timedelta(days=item["valid_days"]),
        )
        document.file.save("dokument.pdf", ContentFile(build_pdf(item, municipality)), save=False)
        document.full_clean()
        document.save()
        created += 1
    return f"{created} dokument i dokumentregistret"
