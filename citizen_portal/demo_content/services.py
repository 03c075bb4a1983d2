"""Demo content: service pages (ServicePage) for the five municipalities.

Data only. `SERVICES` is a flat list of dicts that `citizen_portal.demo` turns into ServicePages
(with an English translation where a dict has "en"). Services that several
municipalities give in the same way (preschool, building permit, …) are written once as a
template below and filled in with each municipality's department and phone number, so the facts
and the English translation stay the same everywhere.

Facts follow /work/shared/DOMAIN.md: preschool within four months (skollagen 8 kap.), maxtaxa
3/2/1 % and 2/1/1 %, building permit within ten weeks of a complete application (PBL 9 kap.
27 §), fee reduced by one fifth per started week late (PBL 12 kap. 8 a §), and so on. Laws that
DOMAIN.md does not give an SFS number for are cited by name only.
"""

from .departments import DEPARTMENTS, JOINT_DEPARTMENTS

MUNICIPALITIES = {
    "bengtsfors": {
        "name": "Bengtsfors kommun",
        "en": "Bengtsfors Municipality",
        "short": "Bengtsfors",
    },
    "dals-ed": {"name": "Dals-Eds kommun", "en": "Dals-Ed Municipality", "short": "Dals-Ed"},
    "fargelanda": {
        "name": "Färgelanda kommun",
        "en": "Färgelanda Municipality",
        "short": "Färgelanda",
    },
    "mellerud": {"name": "Melleruds kommun", "en": "Mellerud Municipality", "short": "Mellerud"},
    "amal": {"name": "Åmåls kommun", "en": "Åmål Municipality", "short": "Åmål"},
}

# Which department handles what, per municipality (slugs from departments.DEPARTMENTS).
ROLES = {
    "bengtsfors": {
        "ks": "kommunledning",
        "bou": "barn-och-utbildning",
        "bygg": "samhallsbyggnad",
        "gata": "samhallsbyggnad",
        "soc": "omsorg",
        "kultur": "kultur-och-fritid",
    },
    "dals-ed": {
        "ks": "kommunledning",
        "bou": "barn-och-utbildning",
        "bygg": "samhallsbyggnad",
        "gata": "samhallsbyggnad",
        "soc": "socialtjanst",
        "kultur": "kultur-och-fritid",
    },
    "fargelanda": {
        "ks": "kommunledning",
        "bou": "barn-och-utbildning",
        "bygg": "samhallsbyggnad",
        "gata": "samhallsbyggnad",
        "soc": "omsorg",
        "kultur": "kultur-och-fritid",
    },
    "mellerud": {
        "ks": "kommunstyrelseforvaltningen",
        "bou": "barn-och-utbildning",
        "bygg": "samhallsbyggnad",
        "gata": "samhallsbyggnad",
        "soc": "socialforvaltningen",
        "kultur": "kultur-och-fritid",
    },
    "amal": {
        "ks": "kommunstyrelsens-forvaltning",
        "bou": "barn-och-utbildning",
        "bygg": "samhallsbyggnad",
        "gata": "teknik-och-fritid",
        "soc": "valfard-och-arbetsmarknad",
        "kultur": "teknik-och-fritid",
    },
}

# The municipalities whose environmental matters Dalslands miljö- och energiförbund handles.
ENVIRONMENT_ASSOCIATION = next(
    d for d in JOINT_DEPARTMENTS if d["slug"] == "dalslands-miljo-och-energiforbund"
)


def department(municipality, role):
    slug = ROLES[municipality][role]
    return next(d for d in DEPARTMENTS[municipality] if d["slug"] == slug)


EID_SV = "Du loggar in med e-legitimation, till exempel BankID, Freja+ eller Svenska Pass."
EID_EN = "You log in with an e-ID, for example BankID, Freja+ or Svenska Pass."


def protected_sv(phone):
    return (
        f"<p><strong>Har du skyddade personuppgifter?</strong> Använd inte e-tjänsten. Ring "
        f"oss på {phone} så hjälper vi dig att ansöka på ett säkert sätt.</p>"
    )


def protected_en(phone):
    return (
        f"<p><strong>Do you have protected personal data?</strong> Do not use the e-service. "
        f"Call us on {phone} and we will help you apply safely.</p>"
    )


# Agencies from DOMAIN.md §6.1: key → (Swedish name, root URL, English name).
AGENCIES = {
    "skolinspektionen": (
        "Skolinspektionen",
        "https://www.skolinspektionen.se",
        "Swedish Schools Inspectorate",
    ),
    "skolverket": (
        "Skolverket",
        "https://www.skolverket.se",
        "Swedish National Agency for Education",
    ),
    "okn": (
        "Överklagandenämnden för skolväsendet",
        "https://www.overklagandenamnden.se",
        "School Appeals Board",
    ),
    "forsakringskassan": (
        "Försäkringskassan",
        "https://www.forsakringskassan.se",
        "Swedish Social Insurance Agency",
    ),
    "boverket": (
        "Boverket",
        "https://www.boverket.se",
        "National Board of Housing, Building and Planning",
    ),
    "lantmateriet": (
        "Lantmäteriet",
        "https://www.lantmateriet.se",
        "Lantmäteriet, the Swedish mapping, cadastral and land registration authority",
    ),
    "lansstyrelsen": (
        "Länsstyrelsen Västra Götalands län",
        "https://www.lansstyrelsen.se/vastra-gotaland",
        "County Administrative Board of Västra Götaland",
    ),
    "bolagsverket": (
        "Bolagsverket",
        "https://bolagsverket.se",
        "Swedish Companies Registration Office",
    ),
    "antagning-fyrbodal": (
        "Antagning Fyrbodal",
        "https://antagning.fyrbodal.se",
        "Antagning Fyrbodal (upper-secondary admissions)",
    ),
    "gyansokan": (
        "Gymnasieantagningen Värmland och Åmål",
        "https://gyansokan.se",
        "Upper-secondary admissions for Värmland and Åmål",
    ),
    "csn": ("CSN", "https://www.csn.se", "CSN, the Swedish Board of Student Finance"),
    "arbetsformedlingen": (
        "Arbetsförmedlingen",
        "https://arbetsformedlingen.se",
        "Swedish Public Employment Service",
    ),
    "trafikverket": (
        "Trafikverket",
        "https://www.trafikverket.se",
        "Swedish Transport Administration",
    ),
    "transportstyrelsen": (
        "Transportstyrelsen",
        "https://www.transportstyrelsen.se",
        "Swedish Transport Agency",
    ),
    "vasttrafik": ("Västtrafik", "https://www.vasttrafik.se", "Västtrafik"),
    "pensionsmyndigheten": (
        "Pensionsmyndigheten",
        "https://www.pensionsmyndigheten.se",
        "Swedish Pensions Agency",
    ),
    "1177": ("1177", "https://www.1177.se", "1177"),
    "skatteverket": ("Skatteverket", "https://www.skatteverket.se", "Swedish Tax Agency"),
    "verksamt": ("verksamt.se", "https://www.verksamt.se", "verksamt.se"),
    "domstol": ("Sveriges Domstolar", "https://www.domstol.se", "Swedish Courts"),
    "polisen": ("Polisen", "https://polisen.se", "Swedish Police Authority"),
}


def agencies(*items):
    """items: (key, Swedish description, English description or None) → (sv list, en list)."""
    sv, en = [], []
    for key, sv_description, en_description in items:
        name, url, en_name = AGENCIES[key]
        sv.append({"name": name, "url": url, "description": sv_description})
        en.append({"name": en_name, "url": url, "description": en_description or ""})
    return sv, en


def service(municipality, role, sv, en=None, apply=None, contact=None):
    """Assemble one SERVICES entry. `sv` and `en` hold the text fields; `apply` is a list of
    (form key, Swedish button text, English button text); `contact` is a department-like dict
    whose name, phone and e-mail replace the department's contact."""
    apply = apply or []
    sv_agencies, en_agencies = sv.pop("agencies", ([], []))
    entry = {
        "municipality": municipality,
        "department": ROLES[municipality][role],
        "slug": sv["slug"],
        "title": sv["title"],
        "topic": sv["topic"],
        "intro": sv["intro"],
        "keywords": sv.get("keywords", ""),
        "description": sv["description"],
        "eligibility": sv.get("eligibility", ""),
        "how_to_apply": sv.get("how_to_apply", ""),
        "apply": [{"type": "form", "form": key, "title": title} for key, title, _ in apply],
        "processing_time": sv.get("processing_time", ""),
        "fee": sv.get("fee", ""),
        "legal_basis": sv.get("legal_basis", ""),
        "body": sv.get("body", []),
        "contact_name": contact["name"] if contact else "",
        "contact_phone": contact["phone"] if contact else "",
        "contact_email": contact["email"] if contact else "",
        "related_agencies": sv_agencies,
    }
    if en is not None:
        translated = dict(en)
        if apply:
            translated["apply"] = [
                {"type": "form", "form": key, "title": title} for key, _, title in apply
            ]
        if sv_agencies:
            translated["related_agencies"] = en_agencies
        if contact:
            translated["contact_name"] = contact.get("en_name", contact["name"])
        entry["en"] = translated
    return entry


# ---------------------------------------------------------------------------------------------
# Barn och utbildning
# ---------------------------------------------------------------------------------------------


def forskola(m):
    phone = department(m, "bou")["phone"]
    sv = {
        "slug": "forskola",
        "title": "Förskola",
        "topic": "barn-och-utbildning",
        "intro": (
            "Förskolan är till för barn från ett års ålder tills de börjar i förskoleklass. "
            "Du ansöker om plats och får ett erbjudande inom fyra månader."
        ),
        "keywords": "dagis, daghem, barnomsorg, förskoleplats, barnomsorgsplats, barnomsorgskö, "
        "kö till förskola",
        "description": (
            "<p>Förskolan är en egen skolform med en egen läroplan. Barnen leker, lär sig och "
            "utvecklas i grupp tillsammans med förskollärare och barnskötare.</p>"
            "<p>Du kan söka plats i kommunens förskolor. Vill du ha plats i en fristående "
            "förskola ansöker du direkt hos den.</p>"
            "<p>Från höstterminen det år barnet fyller tre år har barnet rätt till allmän "
            "förskola. Det är 525 timmar om året och kostar ingenting.</p>"
        ),
        "eligibility": (
            "<p>Barnet kan få plats från att det har fyllt ett år och fram till att det börjar i "
            "förskoleklass. Barnet ska vara folkbokfört i kommunen.</p>"
            "<p>Barnet har rätt till förskola i den omfattning som behövs för att du ska kunna "
            "arbeta eller studera. Barnet kan också få plats om det själv behöver det.</p>"
            "<p>Om du är arbetssökande eller föräldraledig har barnet rätt till förskola minst 15 "
            "timmar i veckan.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för förskola. {EID_SV}</p>"
            "<p>Ansök helst fyra månader innan du behöver platsen. Är ni två vårdnadshavare ska "
            "ni båda godkänna ansökan.</p>"
            "<p>Du kan önska flera förskolor. Vi erbjuder en plats så nära hemmet som möjligt och "
            "tar skälig hänsyn till era önskemål.</p>" + protected_sv(phone)
        ),
        "processing_time": "Du får ett erbjudande om plats inom fyra månader från att vi fick din "
        "ansökan.",
        "fee": (
            "<p>Avgiften följer maxtaxan. Den är en andel av hushållets sammanlagda inkomst före "
            "skatt per månad:</p>"
            "<ul><li>barn 1: 3 procent</li><li>barn 2: 2 procent</li><li>barn 3: 1 procent</li>"
            "<li>barn 4 och fler: ingen avgift</li></ul>"
            "<p>Det yngsta barnet räknas som barn 1. Det finns ett tak för hur hög inkomst "
            "avgiften räknas på. Skolverket bestämmer inkomsttaket för varje år.</p>"
            "<p>Allmän förskola är avgiftsfri i 525 timmar om året från höstterminen det år "
            "barnet fyller tre år.</p>"
        ),
        "legal_basis": "<p>Skollagen (2010:800) 8 kap.</p><p>Maxtaxan: förordning (2001:160).</p>",
        "body": [
            ("heading", "Om du inte får plats inom fyra månader"),
            (
                "paragraph",
                "<p>Kommunen ska erbjuda plats inom fyra månader, även om det inte blir på den "
                "förskola du helst ville ha. Om du tackar nej till ett erbjudande för att vänta på "
                "en viss förskola kan väntetiden bli längre.</p>"
                "<p>Om kommunen inte erbjuder plats i tid kan du anmäla det till "
                "Skolinspektionen.</p>",
            ),
            ("heading", "Om du vill säga upp platsen"),
            (
                "paragraph",
                "<p>Du säger upp platsen i e-tjänsten. Uppsägningstiden är en månad.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Anmäl när inkomsten ändras",
                    "text": "<p>Du ska alltid anmäla när hushållets inkomst ändras. Vi kan i "
                    "efterhand jämföra inkomsten du har lämnat med Skatteverkets "
                    "uppgifter. Har du betalat för lite får du en extra faktura.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            (
                "skolinspektionen",
                "Anmäl om du inte får plats i förskolan inom fyra månader.",
                "Report it if you are not offered a preschool place within four months.",
            ),
            (
                "skolverket",
                "Läs om maxtaxan och årets inkomsttak.",
                "Read about the maximum fee and this year's income ceiling.",
            ),
            (
                "forsakringskassan",
                "Föräldrapenning, barnbidrag och tillfällig föräldrapenning.",
                "Parental benefit, child allowance and temporary parental benefit.",
            ),
        ),
    }
    en = {
        "title": "Preschool",
        "intro": (
            "Preschool is for children from the age of one until they start preschool class. "
            "You apply for a place and receive an offer within four months."
        ),
        "keywords": "daycare, nursery, kindergarten, childcare, childcare place, preschool queue",
        "description": (
            "<p>Preschool is a school form of its own with its own curriculum. The children play, "
            "learn and develop in groups together with preschool teachers and childminders.</p>"
            "<p>You can apply for a place in the municipality's preschools. If you want a place in "
            "an independent preschool, you apply directly to that preschool.</p>"
            "<p>From the autumn term of the year the child turns three, the child is entitled to "
            "universal preschool. This is 525 hours a year and free of charge.</p>"
        ),
        "eligibility": (
            "<p>Your child can get a place from the age of one until they start preschool class. "
            "The child must be registered as living in the municipality.</p>"
            "<p>The child is entitled to preschool to the extent needed for you to work or study. "
            "The child can also get a place if the child has a need of its own.</p>"
            "<p>If you are looking for work or are on parental leave, the child is entitled to "
            "preschool for at least 15 hours a week.</p>"
        ),
        "how_to_apply": (
            f"<p>You apply in the municipality's e-service for preschool. {EID_EN}</p>"
            "<p>Apply preferably four months before you need the place. If there are two "
            "guardians, both of you must approve the application.</p>"
            "<p>You can list several preschools. We offer a place as close to your home as "
            "possible and take reasonable account of your wishes.</p>" + protected_en(phone)
        ),
        "processing_time": "You will be offered a place within four months of us receiving your "
        "application.",
        "fee": (
            "<p>The fee follows the maximum fee (maxtaxa). It is a share of the household's total "
            "monthly income before tax:</p>"
            "<ul><li>child 1: 3 per cent</li><li>child 2: 2 per cent</li><li>child 3: 1 per "
            "cent</li><li>child 4 and more: no fee</li></ul>"
            "<p>The youngest child counts as child 1. There is a ceiling on the income the fee is "
            "based on. Skolverket sets the income ceiling every year.</p>"
            "<p>Universal preschool is free of charge for 525 hours a year from the autumn term "
            "of the year the child turns three.</p>"
        ),
        "legal_basis": (
            "<p>The Education Act (skollagen, 2010:800), chapter 8.</p>"
            "<p>The maximum fee: Ordinance (2001:160).</p>"
        ),
        "body": [
            ("heading", "If you do not get a place within four months"),
            (
                "paragraph",
                "<p>The municipality must offer a place within four months, even if it is not at "
                "the preschool you preferred. If you turn down an offer to wait for a particular "
                "preschool, the wait may be longer.</p>"
                "<p>If the municipality does not offer a place in time, you can report this to "
                "Skolinspektionen.</p>",
            ),
            ("heading", "If you want to give up the place"),
            (
                "paragraph",
                "<p>You give notice in the e-service. The period of notice is one month.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Report changes in income",
                    "text": "<p>Always report when the household's income changes. We may later "
                    "compare the income you reported with the Swedish Tax Agency's records. If "
                    "you have paid too little, you will receive an extra invoice.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "bou", sv, en)


def fritidshem(m):
    phone = department(m, "bou")["phone"]
    sv = {
        "slug": "fritidshem",
        "title": "Fritidshem",
        "topic": "barn-och-utbildning",
        "intro": (
            "Fritidshemmet tar emot elever i förskoleklass och grundskola före och efter "
            "skoldagen och på loven. Du ansöker om plats i e-tjänsten."
        ),
        "keywords": "fritids, fritidsplats, skolbarnsomsorg, eftis, lovfritids",
        "description": (
            "<p>Fritidshemmet är en del av skolan. Där får barnen leka, vara kreativa och "
            "utvecklas tillsammans med andra.</p>"
            "<p>Fritidshemmet är öppet före och efter skoltid och under skolans lov. Det ligger "
            "oftast i samma skola som barnet går i.</p>"
        ),
        "eligibility": (
            "<p>Barnet kan få plats från förskoleklass till och med vårterminen det år barnet "
            "fyller 13 år.</p>"
            "<p>Barnet har rätt till plats om du arbetar eller studerar. Barnet kan också få plats "
            "om det har ett eget behov av fritidshem.</p>"
            "<p>Är du arbetssökande eller föräldraledig? Kontakta oss så berättar vi vad som "
            "gäller för ditt barn.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för fritidshem. {EID_SV}</p>"
            "<p>Ansök gärna två månader innan barnet ska börja. Är ni två vårdnadshavare ska ni "
            "båda godkänna ansökan.</p>" + protected_sv(phone)
        ),
        "processing_time": "Du får besked om plats inom en månad från att vi fick din ansökan.",
        "fee": (
            "<p>Avgiften följer maxtaxan. Den är en andel av hushållets sammanlagda inkomst före "
            "skatt per månad:</p>"
            "<ul><li>barn 1: 2 procent</li><li>barn 2: 1 procent</li><li>barn 3: 1 procent</li>"
            "<li>barn 4 och fler: ingen avgift</li></ul>"
            "<p>Det yngsta barnet räknas som barn 1. Skolverket bestämmer varje år ett inkomsttak, "
            "alltså den högsta inkomst som avgiften räknas på.</p>"
        ),
        "legal_basis": "<p>Skollagen (2010:800) 14 kap.</p><p>Maxtaxan: förordning (2001:160).</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Ändra schema eller inkomst",
                    "text": "<p>Du ändrar barnets schema och hushållets inkomst i e-tjänsten. Gör "
                    "det så snart något ändras.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            ("skolverket", "Läs om fritidshemmets uppdrag och om maxtaxan.", None),
        ),
    }
    return service(m, "bou", sv)


def skolval(m):
    name = MUNICIPALITIES[m]["name"]
    phone = department(m, "bou")["phone"]
    sv = {
        "slug": "skolval",
        "title": "Skolval förskoleklass och grundskola",
        "topic": "barn-och-utbildning",
        "intro": (
            "Du kan önska vilken skola ditt barn ska gå i. Vi placerar barnet efter dina "
            "önskemål så långt det går."
        ),
        "keywords": "välja skola, byta skola, skolplacering, skolbyte, förskoleklass, "
        "sexårsverksamhet",
        "description": (
            "<p>Alla barn börjar i förskoleklass på hösten det år de fyller sex år. Efter "
            "förskoleklass går barnet vidare till grundskolan.</p>"
            f"<p>Som vårdnadshavare kan du önska vilken skola ditt barn ska gå i. Du kan välja en "
            f"av skolorna i {name}. Vill du söka till en fristående skola ansöker du direkt hos "
            f"skolan.</p>"
        ),
        "eligibility": (
            "<p>Alla barn som bor i kommunen har rätt till en plats i förskoleklass och "
            "grundskola.</p>"
            "<p>Vi placerar barnet på den skola du önskar. Vi kan bara säga nej om ett annat barn "
            "har större rätt till en plats nära sitt hem, eller om placeringen skulle leda till "
            "betydande organisatoriska eller ekonomiska svårigheter.</p>"
        ),
        "how_to_apply": (
            "<p>Inför förskoleklass skickar vi information till dig under vintern innan barnet "
            "ska börja.</p>"
            f"<p>Du gör skolvalet i kommunens e-tjänst. {EID_SV} Är ni två vårdnadshavare ska ni "
            "båda godkänna valet.</p>"
            "<p>Vill du byta skola senare ansöker du på samma sätt.</p>" + protected_sv(phone)
        ),
        "processing_time": (
            "Inför förskoleklass får du besked om placering under våren. Vid byte "
            "av skola får du besked inom en månad."
        ),
        "fee": "",
        "legal_basis": "<p>Skollagen (2010:800) 9 kap. 15 § och 10 kap. 30 §.</p>",
        "body": [
            ("heading", "Om du inte är nöjd med beslutet"),
            (
                "paragraph",
                "<p>Vissa beslut om placering kan du överklaga till Överklagandenämnden för "
                "skolväsendet. I beslutet står det om du kan överklaga och hur du gör.</p>",
            ),
        ],
        "agencies": agencies(
            ("skolverket", "Information om skolval och dina rättigheter.", None),
            ("okn", "Prövar överklaganden av vissa beslut om skolplacering.", None),
        ),
    }
    return service(m, "bou", sv)


ADMISSIONS = {
    "fyrbodal": {
        "sv": "Antagning Fyrbodal",
        "en": "Antagning Fyrbodal",
        "url": "https://antagning.fyrbodal.se",
        "link": "antagning.fyrbodal.se",
        "agency": "antagning-fyrbodal",
    },
    "varmland": {
        "sv": "Gymnasieantagningen för Värmlands län och Åmåls kommun",
        "en": "the upper-secondary admissions office for Värmland County and Åmål Municipality",
        "url": "https://gyansokan.se",
        "link": "gyansokan.se",
        "agency": "gyansokan",
    },
}


def gymnasieval(m):
    name = MUNICIPALITIES[m]["name"]
    en_name = MUNICIPALITIES[m]["en"]
    phone = department(m, "bou")["phone"]
    office = ADMISSIONS["varmland" if m == "amal" else "fyrbodal"]
    sv = {
        "slug": "gymnasieval",
        "title": "Gymnasieval",
        "topic": "barn-och-utbildning",
        "intro": (
            f"Du söker till gymnasiet när du går i årskurs 9. Elever i {name} söker via "
            f"{office['sv']}."
        ),
        "keywords": "gymnasium, gymnasieansökan, söka gymnasiet, gymnasieprogram, antagning, "
        "fritt sök",
        "description": (
            "<p>Gymnasieskolan är frivillig. Där finns nationella program som förbereder för "
            "arbete eller högre studier. Det finns också introduktionsprogram för dig som inte är "
            "behörig till ett nationellt program.</p>"
            "<p>Du kan söka till gymnasieskolor i alla Fyrbodals 14 kommuner på samma villkor som "
            "eleverna som bor där. Det kallas fritt sök.</p>"
        ),
        "eligibility": (
            "<p>Du kan söka när du går ut grundskolan. Du ska börja gymnasiet senast under våren "
            "det år du fyller 20 år.</p>"
            "<p>Vilka program du är behörig till beror på dina betyg.</p>"
        ),
        "how_to_apply": (
            f'<p>Du söker på webbplatsen <a href="{office["url"]}">{office["link"]}</a>. Där '
            "rangordnar du de program du vill gå och kan följa din ansökan.</p>"
            "<p>Studie- och yrkesvägledaren på din skola hjälper dig med valet och berättar vilka "
            "datum som gäller.</p>"
            "<p>Har du skyddade personuppgifter? Sök inte på webben. Prata med studie- och "
            "yrkesvägledaren, som hjälper dig att söka på ett säkert sätt.</p>"
        ),
        "processing_time": (
            "Antagningskansliet meddelar när besked kommer. Det slutliga "
            "antagningsbeskedet kommer i början av sommaren."
        ),
        "fee": "<p>Gymnasieskolan är avgiftsfri. Du får studiehjälp från CSN.</p>",
        "legal_basis": "<p>Skollagen (2010:800) 15–16 kap.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Resor och inackordering",
                    "text": "<p>Går du i en skola långt från hemmet kan du ha rätt till busskort "
                    f"eller inackorderingstillägg. Ring oss på {phone} så berättar vi vad "
                    "som gäller.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            (
                office["agency"],
                f"Här söker du till gymnasiet om du bor i {name}.",
                f"This is where you apply for upper secondary school if you live in {en_name}.",
            ),
            (
                "csn",
                "Studiehjälp för gymnasieelever.",
                "Study support for upper-secondary students.",
            ),
        ),
    }
    en = {
        "title": "Applying for upper secondary school",
        "intro": (
            f"You apply for upper secondary school when you are in year 9. Pupils in "
            f"{en_name} apply through {office['en']}."
        ),
        "keywords": "upper secondary school, high school, gymnasium, application, admissions, "
        "programmes",
        "description": (
            "<p>Upper secondary school is voluntary. It has national programmes that prepare you "
            "for work or higher education. There are also introductory programmes for you if you "
            "are not eligible for a national programme.</p>"
            "<p>You can apply to upper secondary schools in all 14 Fyrbodal municipalities on the "
            "same terms as the pupils who live there. This is called free choice (fritt "
            "sök).</p>"
        ),
        "eligibility": (
            "<p>You can apply when you finish compulsory school. You must start upper secondary "
            "school no later than the spring of the year you turn 20.</p>"
            "<p>Which programmes you are eligible for depends on your grades.</p>"
        ),
        "how_to_apply": (
            f'<p>You apply on the website <a href="{office["url"]}">{office["link"]}</a>. There '
            "you rank the programmes you want and can follow your application.</p>"
            "<p>The study and career counsellor at your school helps you choose and tells you "
            "which dates apply.</p>"
            "<p>Do you have protected personal data? Do not apply online. Talk to the study and "
            "career counsellor, who will help you apply safely.</p>"
        ),
        "processing_time": (
            "The admissions office announces when decisions are sent. The final "
            "admission decision comes at the beginning of the summer."
        ),
        "fee": "<p>Upper secondary school is free of charge. You receive study support from "
        "CSN.</p>",
        "legal_basis": "<p>The Education Act (skollagen, 2010:800), chapters 15–16.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Travel and boarding",
                    "text": "<p>If your school is far from home, you may be entitled to a bus "
                    f"pass or a boarding allowance. Call us on {phone} and we will tell "
                    "you what applies.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "bou", sv, en)


def vuxenutbildning(m):
    phone = department(m, "bou")["phone"]
    sv = {
        "slug": "vuxenutbildning",
        "title": "Vuxenutbildning",
        "topic": "barn-och-utbildning",
        "intro": (
            "Vuxenutbildningen är till för dig som vill läsa in grundskolan eller gymnasiet, "
            "lära dig svenska eller byta yrke."
        ),
        "keywords": "komvux, sfi, svenska för invandrare, yrkesutbildning, studera som vuxen, "
        "distansstudier",
        "description": (
            "<p>Kommunal vuxenutbildning (komvux) har kurser på grundläggande och gymnasial nivå. "
            "Du kan också läsa svenska för invandrare (sfi) och yrkesutbildningar.</p>"
            "<p>Många kurser kan du läsa på distans. Då kan du kombinera studierna med arbete "
            "eller familj.</p>"
        ),
        "eligibility": (
            "<p>Du kan studera på komvux från andra halvåret det år du fyller 20 år. Du kan börja "
            "tidigare om du redan har gått ut gymnasiet.</p>"
            "<p>Sfi kan du läsa från andra halvåret det år du fyller 16 år, om du bor i kommunen "
            "och behöver lära dig grunderna i svenska.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i vuxenutbildningens e-tjänst. {EID_SV}</p>"
            "<p>Prata gärna med en studie- och yrkesvägledare innan du söker. Vägledaren hjälper "
            "dig att göra en studieplan.</p>"
            "<p><strong>Har du skyddade personuppgifter eller saknar du e-legitimation?</strong> "
            f"Ring oss på {phone} så hjälper vi dig att söka på papper.</p>"
        ),
        "processing_time": "Du får besked om antagning ungefär två veckor innan kursen börjar.",
        "fee": "<p>Utbildningen är avgiftsfri. Du betalar själv för kurslitteratur och "
        "material.</p>",
        "legal_basis": "<p>Skollagen (2010:800) 20 kap.</p>",
        "body": [],
        "agencies": agencies(
            ("csn", "Studiemedel för vuxna som studerar.", None),
            ("arbetsformedlingen", "Stöd om du är arbetssökande och vill studera.", None),
        ),
    }
    return service(m, "bou", sv)


# ---------------------------------------------------------------------------------------------
# Bygga, bo och miljö
# ---------------------------------------------------------------------------------------------

PERMIT_TIME_SV = (
    "Vi fattar beslut inom tio veckor från att ansökan är komplett. Tiden kan "
    "förlängas en gång med högst tio veckor."
)
PERMIT_TIME_EN = (
    "We decide within ten weeks of your application being complete. The time can be "
    "extended once by at most ten weeks."
)


def bygglov(m):
    phone = department(m, "bygg")["phone"]
    sv = {
        "slug": "bygglov",
        "title": "Bygglov",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Du behöver bygglov för att bygga nytt, bygga till och för många ändringar av "
            "byggnader. Vi fattar beslut inom tio veckor från att din ansökan är komplett."
        ),
        "keywords": "bygglovsansökan, bygga hus, tillbyggnad, garage, carport, ritningar, "
        "startbesked, slutbesked, kontrollansvarig",
        "description": (
            "<p>Bygglov är ett tillstånd från kommunen. Du behöver det till exempel när du vill "
            "bygga ett nytt hus, bygga till ett hus, bygga ett garage eller ändra hur en byggnad "
            "används.</p>"
            "<p>Vi prövar om åtgärden följer detaljplanen. Finns det ingen detaljplan prövar vi "
            "hur åtgärden passar in på platsen.</p>"
            "<p>Vissa åtgärder kräver inte bygglov men en anmälan, till exempel "
            "attefallsåtgärder. Fråga oss om du är osäker.</p>"
        ),
        "eligibility": (
            "<p>Du som äger fastigheten kan söka bygglov. Du kan också söka om du har ägarens "
            "tillstånd eller är ombud med fullmakt.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för bygglov. {EID_SV}</p>"
            "<p>Till ansökan bifogar du:</p>"
            "<ul><li>en situationsplan som visar var byggnaden ska stå</li>"
            "<li>planritning, fasadritningar och sektionsritning</li>"
            "<li>förslag på kontrollansvarig, om åtgärden kräver det</li>"
            "<li>andra handlingar som behövs, till exempel ett utkast till kontrollplan</li></ul>"
            "<p>Ritningarna ska vara fackmannamässigt gjorda och skalenliga. Ladda upp en PDF-fil "
            "för varje ritning.</p>" + protected_sv(phone)
        ),
        "processing_time": PERMIT_TIME_SV,
        "fee": (
            "<p>Du betalar en avgift enligt kommunens taxa för bygglov. Avgiften beror på vad du "
            "ska bygga och hur stort det är.</p>"
            "<p>Om vi inte fattar beslut inom tidsfristen minskar avgiften med en femtedel för "
            "varje påbörjad vecka som vi är sena.</p>"
        ),
        "legal_basis": (
            "<p>Plan- och bygglagen (2010:900) 9 kap. 21 och 27 §§ och 10 kap.</p>"
            "<p>Avgiftsminskning: plan- och bygglagen 12 kap. 8 a §.</p>"
        ),
        "body": [
            ("heading", "Så går det till"),
            (
                "paragraph",
                "<ul><li>Vi går igenom ansökan inom tre veckor. Saknas något ber vi dig "
                "komplettera.</li><li>När ansökan är komplett har vi tio veckor på oss att fatta "
                "beslut.</li><li>Om åtgärden avviker från detaljplanen, eller om det inte finns "
                "någon detaljplan, frågar vi grannar och andra berörda vad de tycker.</li><li>Vi "
                "skickar beslutet till dig och till berörda grannar. Beslutet kungörs i Post- och "
                "Inrikes Tidningar.</li><li>Innan du börjar bygga behöver du ett startbesked. "
                "Ibland håller vi först ett tekniskt samråd.</li><li>Du får börja använda "
                "bygglovet fyra veckor efter att beslutet har kungjorts i Post- och Inrikes "
                "Tidningar, om du också har fått startbesked.</li><li>När bygget är klart behöver "
                "du ett slutbesked innan du får börja använda byggnaden.</li></ul>",
            ),
            ("heading", "Kontrollansvarig"),
            (
                "paragraph",
                "<p>För de flesta åtgärder behöver du en kontrollansvarig. Det är en certifierad "
                "person som hjälper dig att se till att bygget följer reglerna. Den "
                "kontrollansvariga ska vara självständig i förhållande till den som utför "
                "arbetet.</p>"
                "<p>Den kontrollansvariga hjälper dig att ta fram en kontrollplan och är med på "
                "det tekniska samrådet och på platsbesöken.</p>",
            ),
            ("heading", "Om du vill överklaga"),
            (
                "paragraph",
                "<p>Den som berörs av beslutet kan överklaga det. Du skickar överklagandet till "
                "kommunen, som skickar det vidare till Länsstyrelsen i Västra Götalands län. "
                "Länsstyrelsens beslut kan överklagas till mark- och miljödomstolen vid "
                "Vänersborgs tingsrätt.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Börja inte bygga för tidigt",
                    "text": "<p>Om du börjar bygga utan startbesked får du betala en "
                    "byggsanktionsavgift.</p>"
                    "<p>Bygglovet upphör att gälla om du inte har påbörjat arbetet inom två år "
                    "och avslutat det inom fem år från att beslutet fick laga kraft.</p>",
                    "kind": "important",
                },
            ),
        ],
        "agencies": agencies(
            (
                "boverket",
                "Regler om byggande och vägledningen Får jag bygga?",
                "Building regulations and the guide Får jag bygga? (May I build?)",
            ),
            (
                "lantmateriet",
                "Kartor och uppgifter om din fastighet.",
                "Maps and information about your property.",
            ),
            (
                "bolagsverket",
                "Ger ut Post- och Inrikes Tidningar, där beslut om bygglov kungörs.",
                "Publishes Post- och Inrikes Tidningar, the official gazette where building permit "
                "decisions are announced.",
            ),
            (
                "lansstyrelsen",
                "Prövar överklaganden av beslut om bygglov.",
                "Hears appeals against building permit decisions.",
            ),
        ),
    }
    en = {
        "title": "Building permit",
        "intro": (
            "You need a building permit to build something new, to extend a building and "
            "for many alterations. We decide within ten weeks of your application being "
            "complete."
        ),
        "keywords": "building permit application, build a house, extension, garage, carport, "
        "drawings, start notice, final notice, control officer",
        "description": (
            "<p>A building permit (bygglov) is permission from the municipality. You need one, for "
            "example, to build a new house, extend a house, build a garage or change how a "
            "building is used.</p>"
            "<p>We check whether the project follows the detailed development plan. If there is no "
            "plan, we assess how the project fits in at the site.</p>"
            "<p>Some projects do not need a permit but a notification, for example Attefall "
            "measures. Ask us if you are unsure.</p>"
        ),
        "eligibility": (
            "<p>If you own the property, you can apply for a building permit. You can also apply "
            "with the owner's permission, or as a representative with a power of attorney.</p>"
        ),
        "how_to_apply": (
            f"<p>You apply in the municipality's e-service for building permits. {EID_EN}</p>"
            "<p>With the application you attach:</p>"
            "<ul><li>a site plan showing where the building will stand</li>"
            "<li>floor plan, façade drawings and section drawing</li>"
            "<li>a proposed control officer, if the project requires one</li>"
            "<li>other documents needed, for example a draft inspection plan</li></ul>"
            "<p>The drawings must be professionally made and to scale. Upload one PDF file for "
            "each drawing.</p>" + protected_en(phone)
        ),
        "processing_time": PERMIT_TIME_EN,
        "fee": (
            "<p>You pay a fee according to the municipality's fee schedule for building permits. "
            "The fee depends on what you build and how large it is.</p>"
            "<p>If we do not decide within the time limit, the fee is reduced by one fifth for "
            "each started week we are late.</p>"
        ),
        "legal_basis": (
            "<p>The Planning and Building Act (plan- och bygglagen, 2010:900), "
            "chapter 9, sections 21 and 27, and chapter 10.</p>"
            "<p>Fee reduction: the Planning and Building Act, chapter 12, section 8 "
            "a.</p>"
        ),
        "body": [
            ("heading", "How it works"),
            (
                "paragraph",
                "<ul><li>We review the application within three weeks. If something is missing, "
                "we ask you to complete it.</li><li>Once the application is complete, we have ten "
                "weeks to decide.</li><li>If the project departs from the detailed development "
                "plan, or if there is no plan, we ask neighbours and others concerned for their "
                "views.</li><li>We send the decision to you and to the neighbours concerned. The "
                "decision is announced in Post- och Inrikes Tidningar.</li><li>Before you start "
                "building, you need a start notice (startbesked). Sometimes we first hold a "
                "technical consultation.</li><li>You may use the permit four weeks after the "
                "decision has been announced in Post- och Inrikes Tidningar, provided you also "
                "have a start notice.</li><li>When the work is finished, you need a final notice "
                "(slutbesked) before you may start using the building.</li></ul>",
            ),
            ("heading", "Control officer"),
            (
                "paragraph",
                "<p>For most projects you need a control officer (kontrollansvarig). This is a "
                "certified person who helps you make sure the work follows the rules. The control "
                "officer must be independent of the people doing the work.</p>"
                "<p>The control officer helps you draw up an inspection plan and takes part in the "
                "technical consultation and the site visits.</p>",
            ),
            ("heading", "If you want to appeal"),
            (
                "paragraph",
                "<p>Anyone affected by the decision can appeal. You send the appeal to the "
                "municipality, which forwards it to the County Administrative Board of Västra "
                "Götaland. The Board's decision can be appealed to the Land and Environment Court "
                "at Vänersborg District Court.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Do not start building too early",
                    "text": "<p>If you start building without a start notice, you must pay a "
                    "building sanction charge.</p>"
                    "<p>The permit lapses if you have not started the work within two "
                    "years and finished it within five years of the decision becoming "
                    "final.</p>",
                    "kind": "important",
                },
            ),
        ],
    }
    return service(m, "bygg", sv, en)


def forhandsbesked(m):
    phone = department(m, "bygg")["phone"]
    sv = {
        "slug": "forhandsbesked",
        "title": "Förhandsbesked",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Vill du veta om du får bygga på en viss plats innan du tar fram ritningar? Då "
            "kan du söka förhandsbesked."
        ),
        "keywords": "bygga på landet, tomt utanför detaljplan, lokaliseringsprövning, nytt hus på "
        "landsbygden",
        "description": (
            "<p>Ett förhandsbesked är ett beslut om en åtgärd kan tillåtas på en viss plats. Det "
            "är vanligast när du vill bygga ett nytt hus utanför ett område med detaljplan.</p>"
            "<p>Förhandsbeskedet gäller platsen och vad du vill bygga där. Du behöver fortfarande "
            "söka bygglov innan du bygger.</p>"
        ),
        "eligibility": (
            "<p>Du som planerar att bygga kan söka förhandsbesked. Du behöver inte äga marken, men "
            "det är bra att ha markägarens medgivande.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för bygglov. {EID_SV}</p>"
            "<p>Bifoga en karta som visar var huset ska stå. Beskriv kort byggnaden och hur du "
            "tänker lösa väg, vatten och avlopp.</p>" + protected_sv(phone)
        ),
        "processing_time": PERMIT_TIME_SV,
        "fee": (
            "<p>Du betalar en avgift enligt kommunens taxa. Om vi inte fattar beslut inom "
            "tidsfristen minskar avgiften med en femtedel för varje påbörjad vecka som vi är "
            "sena.</p>"
        ),
        "legal_basis": "<p>Plan- och bygglagen (2010:900) 9 kap.</p>",
        "body": [
            (
                "paragraph",
                "<p>Innan vi fattar beslut frågar vi grannar och andra berörda vad de tycker.</p>"
                "<p>Ett positivt förhandsbesked gäller i två år från att det fick laga kraft. "
                "Söker du bygglov inom den tiden är förhandsbeskedet bindande för oss.</p>",
            ),
        ],
        "agencies": agencies(
            ("lantmateriet", "Kartor och uppgifter om fastigheter.", None),
            ("lansstyrelsen", "Prövar överklaganden av förhandsbesked.", None),
        ),
    }
    return service(m, "bygg", sv)


def rivningslov(m):
    phone = department(m, "bygg")["phone"]
    sv = {
        "slug": "rivningslov",
        "title": "Rivningslov",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Du behöver rivningslov för att riva en byggnad inom ett område med detaljplan. "
            "Utanför detaljplan räcker det oftast med en anmälan."
        ),
        "keywords": "riva hus, riva byggnad, rivning, rivningsanmälan, materialinventering, asbest",
        "description": (
            "<p>Rivningslov behövs när du vill riva en byggnad eller en del av en byggnad inom ett "
            "område med detaljplan, om inte planen säger något annat.</p>"
            "<p>Utanför detaljplan behöver du i regel göra en anmälan i stället.</p>"
            "<p>Vi prövar om byggnaden bör bevaras, till exempel för att den har ett "
            "kulturhistoriskt värde.</p>"
        ),
        "eligibility": "<p>Du som äger fastigheten kan söka rivningslov, eller någon som har din "
        "fullmakt.</p>",
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för bygglov. {EID_SV}</p>"
            "<p>Bifoga en situationsplan där byggnaden är markerad, en beskrivning av byggnaden "
            "och ett förslag till kontrollplan. Kontrollplanen ska visa vilket farligt avfall som "
            "finns och hur du tar hand om det.</p>" + protected_sv(phone)
        ),
        "processing_time": PERMIT_TIME_SV,
        "fee": (
            "<p>Du betalar en avgift enligt kommunens taxa. Om vi inte fattar beslut inom "
            "tidsfristen minskar avgiften med en femtedel för varje påbörjad vecka som vi är "
            "sena.</p>"
        ),
        "legal_basis": "<p>Plan- och bygglagen (2010:900) 9 kap.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Farligt avfall vid rivning",
                    "text": "<p>Vid rivning kan det finnas farligt avfall, till exempel asbest och "
                    "PCB. Det ska sorteras ut och lämnas till en mottagare som har "
                    "tillstånd.</p>",
                    "kind": "important",
                },
            ),
        ],
        "agencies": agencies(
            ("boverket", "Regler om rivning och kontrollplaner.", None),
        ),
    }
    return service(m, "bygg", sv)


def attefall(m):
    phone = department(m, "bygg")["phone"]
    sv = {
        "slug": "attefallsatgarder",
        "title": "Attefallsåtgärder",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Har du ett en- eller tvåbostadshus kan du göra vissa åtgärder utan bygglov. Du "
            "måste ändå göra en anmälan och få startbesked innan du börjar."
        ),
        "keywords": "attefallshus, attefallstillbyggnad, friggebod, gäststuga, takkupa, "
        "komplementbostad, bygganmälan",
        "description": (
            "<p>Attefallsåtgärder är åtgärder som du får göra utan bygglov om du har ett en- eller "
            "tvåbostadshus. Du kan till exempel:</p>"
            "<ul><li>bygga ett komplementbostadshus eller en komplementbyggnad på högst 30 "
            "kvadratmeter</li>"
            "<li>göra en tillbyggnad på högst 15 kvadratmeter bruttoarea</li>"
            "<li>bygga två takkupor</li>"
            "<li>inreda ytterligare en bostad i ett enbostadshus</li></ul>"
            "<p>Du måste göra en anmälan till kommunen och få startbesked innan du börjar.</p>"
        ),
        "eligibility": (
            "<p>Reglerna gäller för dig som har ett en- eller tvåbostadshus, både inom och utanför "
            "detaljplan.</p>"
            "<p>Bygger du närmare tomtgränsen än 4,5 meter behöver du grannens medgivande.</p>"
            "<p>Ligger tomten inom strandskyddat område kan du också behöva strandskyddsdispens. "
            "Fråga oss innan du planerar.</p>"
        ),
        "how_to_apply": (
            f"<p>Du gör anmälan i kommunens e-tjänst för bygglov. {EID_SV}</p>"
            "<p>Bifoga en situationsplan, ritningar och ett förslag till kontrollplan. För vissa "
            "åtgärder behöver du också en kontrollansvarig.</p>" + protected_sv(phone)
        ),
        "processing_time": (
            "Du får startbesked inom fyra veckor från att anmälan är komplett. "
            "Tiden kan förlängas en gång med högst fyra veckor."
        ),
        "fee": "<p>Du betalar en avgift enligt kommunens taxa.</p>",
        "legal_basis": "<p>Plan- och bygglagen (2010:900) 9 kap.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Vänta på startbeskedet",
                    "text": "<p>Börjar du bygga innan du har fått startbesked får du betala en "
                    "byggsanktionsavgift.</p>",
                    "kind": "important",
                },
            ),
        ],
        "agencies": agencies(
            ("boverket", "Mer om attefallsåtgärder och vad som gäller.", None),
        ),
    }
    return service(m, "bygg", sv)


def strandskyddsdispens(m):
    phone = department(m, "bygg")["phone"]
    sv = {
        "slug": "strandskyddsdispens",
        "title": "Strandskyddsdispens",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Nära sjöar och vattendrag gäller strandskydd. Vill du bygga där behöver du "
            "dispens. Oftast är det kommunen som prövar ansökan."
        ),
        "keywords": "strandskydd, bygga vid sjö, brygga, bastu vid vattnet, dispens, strandtomt",
        "description": (
            "<p>Strandskyddet gäller i regel 100 meter från strandlinjen, både på land och i "
            "vattnet. Det finns för att alla ska kunna vara vid stränderna och för att växter och "
            "djur ska ha bra livsmiljöer.</p>"
            "<p>Inom strandskyddat område får du till exempel inte bygga nya byggnader, anlägga "
            "bryggor eller göra något som hindrar allmänheten från att röra sig där.</p>"
            "<p>Kommunen prövar de flesta ansökningar om dispens. Länsstyrelsen prövar ansökan i "
            "vissa fall, till exempel om platsen ligger i ett naturreservat.</p>"
        ),
        "eligibility": (
            "<p>Du kan få dispens om det finns ett särskilt skäl och om åtgärden inte strider mot "
            "strandskyddets syften. Ett särskilt skäl kan vara att platsen redan är bebyggd eller "
            "att den är avskild från stranden av en väg eller järnväg.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst. {EID_SV}</p>"
            "<p>Bifoga en karta som visar platsen och hur stor del av tomten du vill använda. "
            "Beskriv vad du vill göra och vilket särskilt skäl du anser finns. Bifoga gärna "
            "foton.</p>" + protected_sv(phone)
        ),
        "processing_time": (
            "Handläggningen tar oftast sex till tio veckor från att ansökan är "
            "komplett. Därefter har Länsstyrelsen tre veckor på sig att granska "
            "beslutet."
        ),
        "fee": "<p>Du betalar en avgift enligt kommunens taxa, även om du får avslag.</p>",
        "legal_basis": "<p>Miljöbalken, 7 kapitlet (strandskydd).</p>",
        "body": [
            (
                "paragraph",
                "<p>Länsstyrelsen granskar alla beslut om dispens som kommunen fattar. "
                "Länsstyrelsen kan upphäva beslutet inom tre veckor från att de fick det.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Vänta med att bygga",
                    "text": "<p>Börja inte förrän beslutet har fått laga kraft. Du kan också "
                    "behöva bygglov för det du vill bygga.</p>",
                    "kind": "important",
                },
            ),
        ],
        "agencies": agencies(
            (
                "lansstyrelsen",
                "Granskar kommunens beslut om strandskyddsdispens och prövar dispens "
                "i vissa skyddade områden.",
                None,
            ),
        ),
    }
    return service(m, "bygg", sv)


def enskilt_avlopp(m):
    name = MUNICIPALITIES[m]["name"]
    gata_phone = department(m, "gata")["phone"]
    association = ENVIRONMENT_ASSOCIATION
    sv = {
        "slug": "enskilt-avlopp",
        "title": "Enskilt avlopp",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Har du inte kommunalt avlopp behöver du en egen avloppsanläggning. Du behöver "
            "tillstånd eller måste göra en anmälan innan du bygger den."
        ),
        "keywords": "avloppsanläggning, infiltration, markbädd, minireningsverk, trekammarbrunn, "
        "slamavskiljare, avloppstillstånd",
        "description": (
            "<p>Ett enskilt avlopp tar hand om avloppsvattnet från hus som inte är anslutna till "
            "det kommunala avloppsnätet. Anläggningen ska rena vattnet så att det inte skadar "
            "miljön eller förorenar dricksvatten.</p>"
            f"<p>I {name} är det Dalslands miljö- och energiförbund som handlägger ansökningar och "
            "anmälningar om enskilda avlopp.</p>"
        ),
        "eligibility": (
            "<p>Du som äger en fastighet utan kommunalt avlopp ska ha en avloppsanläggning som "
            "fungerar. Ska du bygga en ny anläggning eller ändra en gammal behöver du tillstånd "
            "eller måste göra en anmälan.</p>"
        ),
        "how_to_apply": (
            "<p>Kontakta Dalslands miljö- och energiförbund innan du planerar anläggningen. En "
            "inspektör kan ge råd om vilken lösning som passar din tomt.</p>"
            "<p>Ansökan ska innehålla en situationsplan, en beskrivning av anläggningen och "
            "resultatet av en markundersökning. Ofta hjälper entreprenören dig med detta.</p>"
        ),
        "processing_time": (
            "Räkna med cirka sex veckor från att ansökan är komplett. Ansök i god "
            "tid innan du vill börja bygga."
        ),
        "fee": "<p>Du betalar en avgift för prövningen enligt taxan för miljöbalkens område.</p>",
        "legal_basis": "<p>Miljöbalken och förordningen om miljöfarlig verksamhet och "
        "hälsoskydd.</p>",
        "body": [
            ("heading", "Slamtömning"),
            (
                "paragraph",
                "<p>Slamavskiljare och slutna tankar ska tömmas regelbundet. Tömningen ingår i "
                f"kommunens renhållning. Har du frågor om tömning, ring {gata_phone}.</p>",
            ),
        ],
    }
    return service(m, "bygg", sv, contact=association)


def avfall(m):
    phone = department(m, "gata")["phone"]
    sv = {
        "slug": "avfall-och-atervinning",
        "title": "Avfall och återvinning",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Kommunen hämtar hushållsavfall hos alla hushåll. Grovavfall, elavfall och "
            "farligt avfall lämnar du på återvinningscentralen."
        ),
        "keywords": "sophämtning, soptunna, sopkärl, matavfall, tipp, återvinningscentral, "
        "grovsopor, renhållning, hämtdag",
        "description": (
            "<p>Kommunen ansvarar för att hushållens avfall tas om hand. Vi hämtar matavfall och "
            "restavfall vid ditt hus eller i ditt soprum.</p>"
            "<p>Förpackningar sorterar du efter material. Du lämnar dem på en återvinningsstation "
            "eller i de kärl för förpackningar som finns vid din bostad.</p>"
            "<p>På återvinningscentralen lämnar du grovavfall, trädgårdsavfall, elavfall och "
            "farligt avfall som färg och batterier.</p>"
        ),
        "eligibility": (
            "<p>Alla hushåll i kommunen har hämtning av hushållsavfall. Fritidshus har i regel "
            "hämtning under sommarsäsongen.</p>"
        ),
        "how_to_apply": (
            "<p>Vill du byta storlek på kärlet, ändra hur ofta vi hämtar, dela kärl med en granne "
            f"eller göra uppehåll i hämtningen? Ring oss på {phone}.</p>"
            "<p>Har vi missat att hämta? Hör av dig så snart som möjligt, så kommer vi.</p>"
        ),
        "processing_time": "Ändringar i abonnemanget gäller oftast från nästa månad.",
        "fee": (
            "<p>Du betalar en avgift enligt kommunens avfallstaxa. Avgiften beror på kärlets "
            "storlek och hur ofta vi hämtar.</p>"
            "<p>Det ingår i avgiften att lämna sorterat avfall på återvinningscentralen.</p>"
        ),
        "legal_basis": "<p>Miljöbalken, 15 kapitlet (avfall), och kommunens "
        "avfallsföreskrifter.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Ställ ut kärlet i tid",
                    "text": "<p>Ställ kärlet vid vägen senast klockan 6 på hämtdagen, med "
                    "handtaget utåt. Locket ska gå att stänga.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "gata", sv)


def vatten_och_avlopp(m):
    phone = department(m, "gata")["phone"]
    sv = {
        "slug": "vatten-och-avlopp",
        "title": "Vatten och avlopp",
        "topic": "bygga-bo-och-miljo",
        "intro": (
            "Kommunen levererar dricksvatten och tar hand om avloppsvatten i områden med "
            "kommunalt vatten och avlopp."
        ),
        "keywords": "VA, kranvatten, dricksvatten, vattenläcka, vattenavstängning, VA-taxa, "
        "anslutning, förbindelsepunkt",
        "description": (
            "<p>Kommunen är huvudman för det allmänna vatten- och avloppsnätet. Vi producerar "
            "dricksvatten, renar avloppsvatten och sköter ledningarna.</p>"
            "<p>Dricksvattnet kontrolleras regelbundet. Du kan dricka vattnet direkt från "
            "kranen.</p>"
            "<p>Bor du utanför kommunens verksamhetsområde har du enskilt vatten och avlopp och "
            "ansvarar själv för det.</p>"
        ),
        "eligibility": (
            "<p>Fastigheter inom kommunens verksamhetsområde för vatten och avlopp kan anslutas "
            "till det allmänna nätet.</p>"
        ),
        "how_to_apply": (
            "<p>Ska du bygga nytt eller ansluta ett befintligt hus? Ansök om anslutning i god "
            "tid. Vi berättar var förbindelsepunkten finns.</p>"
            "<p>Har du upptäckt en läcka eller har du inget vatten? Ring oss direkt på "
            f"{phone}.</p>"
        ),
        "processing_time": "Vi svarar på en ansökan om anslutning inom fyra veckor.",
        "fee": (
            "<p>Du betalar en anläggningsavgift när fastigheten ansluts. Sedan betalar du "
            "brukningsavgifter, som bland annat beror på hur mycket vatten du använder. Avgifterna "
            "följer kommunens VA-taxa.</p>"
        ),
        "legal_basis": "<p>Lagen om allmänna vattentjänster.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Spola bara ner kiss, bajs och toalettpapper",
                    "text": "<p>Våtservetter, bomull och matfett orsakar stopp i ledningarna. "
                    "Släng dem i soporna i stället.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "gata", sv)


# ---------------------------------------------------------------------------------------------
# Trafik och infrastruktur
# ---------------------------------------------------------------------------------------------


def felanmalan(m):
    phone = department(m, "gata")["phone"]
    sv = {
        "slug": "felanmalan-gata-och-belysning",
        "title": "Felanmälan gata och belysning",
        "topic": "trafik-och-infrastruktur",
        "intro": (
            "Har du sett en trasig gatlampa, ett hål i vägen eller en skadad skylt? Anmäl "
            "felet till oss så åtgärdar vi det."
        ),
        "keywords": "trasig gatlykta, gatlampa, lyktstolpe, potthål, tjälskada, vägskada, skylt, "
        "snöröjning, halka, felanmäla",
        "description": (
            "<p>Kommunen sköter gator, gång- och cykelvägar, gatubelysning och skyltar på "
            "kommunens gator. Om något är trasigt vill vi veta det så att vi kan laga det.</p>"
            "<p>Statliga vägar sköts av Trafikverket. Det gäller de flesta större vägar mellan "
            "orterna. Enskilda vägar sköts av vägföreningar eller fastighetsägare.</p>"
        ),
        "eligibility": "<p>Alla kan göra en felanmälan. Du behöver inte uppge ditt namn.</p>",
        "how_to_apply": (
            "<p>Fyll i formuläret. Beskriv felet och var det finns så noga du kan. Har gatlampan "
            "ett nummer på stolpen får du gärna skriva det.</p>"
            "<p>Lämna dina kontaktuppgifter om du vill att vi hör av oss. Du kan också vara "
            "anonym.</p>"
            f"<p>Är felet akut och kan orsaka skada? Ring oss i stället på {phone}. Är det fara "
            "för liv, ring 112.</p>"
        ),
        "processing_time": (
            "Akuta fel åtgärdar vi så snart vi kan. Andra fel planerar vi in, "
            "oftast inom några veckor."
        ),
        "fee": "",
        "legal_basis": "",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Din anmälan blir en allmän handling",
                    "text": "<p>Det du skriver i formuläret blir en allmän handling. Skriv inte "
                    "känsliga uppgifter om dig själv eller andra.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            (
                "trafikverket",
                "Felanmälan och trafikinformation för statliga vägar.",
                "Fault reports and traffic information for state roads.",
            ),
        ),
    }
    en = {
        "title": "Report a fault in streets and street lighting",
        "intro": (
            "Have you seen a broken street light, a pothole or a damaged sign? Report the "
            "fault to us and we will fix it."
        ),
        "keywords": "broken street light, lamp post, pothole, road damage, road sign, snow "
        "clearing, icy road, fault report",
        "description": (
            "<p>The municipality looks after streets, footpaths and cycle paths, street lighting "
            "and signs on municipal streets. If something is broken, we want to know so that we "
            "can repair it.</p>"
            "<p>State roads are maintained by the Swedish Transport Administration "
            "(Trafikverket). This applies to most larger roads between towns. Private roads are "
            "maintained by road associations or property owners.</p>"
        ),
        "eligibility": "<p>Anyone can report a fault. You do not have to give your name.</p>",
        "how_to_apply": (
            "<p>Fill in the form. Describe the fault and where it is as precisely as you can. If "
            "the lamp post has a number, please include it.</p>"
            "<p>Leave your contact details if you want us to get back to you. You may also stay "
            "anonymous.</p>"
            f"<p>Is the fault urgent and could it cause harm? Call us on {phone} instead. If lives "
            "are in danger, call 112.</p>"
        ),
        "processing_time": (
            "We fix urgent faults as soon as we can. Other faults are scheduled, "
            "usually within a few weeks."
        ),
        "body": [
            (
                "fact_box",
                {
                    "heading": "Your report becomes an official document",
                    "text": "<p>What you write in the form becomes an official document that "
                    "anyone can ask to read. Do not include sensitive information about "
                    "yourself or others.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(
        m, "gata", sv, en, apply=[(f"felanmalan-{m}", "Gör en felanmälan", "Report a fault")]
    )


def parkeringstillstand(m):
    phone = department(m, "gata")["phone"]
    sv = {
        "slug": "parkeringstillstand-for-rorelsehindrade",
        "title": "Parkeringstillstånd för rörelsehindrade",
        "topic": "trafik-och-infrastruktur",
        "intro": (
            "Har du svårt att gå kan du söka parkeringstillstånd. Med tillståndet får du "
            "parkera närmare dit du ska."
        ),
        "keywords": "handikapptillstånd, handikapparkering, P-tillstånd, parkeringskort, "
        "rörelsehinder, funktionsnedsättning",
        "description": (
            "<p>Med parkeringstillståndet får du parkera på platser för rörelsehindrade. På vissa "
            "platser får du också stå längre än andra. Tillståndet gäller i hela Sverige och i "
            "många andra länder i Europa.</p>"
            "<p>Tillståndet är personligt. Det gäller bara när du själv kör eller åker med.</p>"
        ),
        "eligibility": (
            "<p>Du kan få tillstånd om du har en varaktig funktionsnedsättning som gör att du har "
            "stora svårigheter att gå.</p>"
            "<p>Du kan också få tillstånd som passagerare, om du behöver förarens hjälp även "
            "utanför bilen.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst. {EID_SV}</p>"
            "<p>Bifoga ett läkarintyg som beskriver hur din funktionsnedsättning påverkar din "
            "förmåga att gå. Du behöver också lämna ett foto och din namnteckning till kortet.</p>"
            f"<p><strong>Har du skyddade personuppgifter eller saknar du e-legitimation?</strong> "
            f"Ring oss på {phone} så skickar vi en blankett.</p>"
        ),
        "processing_time": "Du får beslut inom fyra veckor från att ansökan är komplett.",
        "fee": "<p>Det kostar ingenting att ansöka. Läkarintyget betalar du själv.</p>",
        "legal_basis": "<p>Trafikförordningen.</p>",
        "body": [
            (
                "paragraph",
                "<p>Om du får avslag kan du överklaga beslutet till förvaltningsrätten. I beslutet "
                "står hur du gör.</p>",
            ),
        ],
        "agencies": agencies(
            ("transportstyrelsen", "Regler för parkeringstillstånd för rörelsehindrade.", None),
        ),
    }
    return service(m, "gata", sv)


def fardtjanst(m):
    phone = department(m, "gata")["phone"]
    sv = {
        "slug": "fardtjanst",
        "title": "Färdtjänst",
        "topic": "trafik-och-infrastruktur",
        "intro": (
            "Färdtjänst är resor med taxi eller specialfordon för dig som har svårt att resa "
            "med vanliga bussar och tåg."
        ),
        "keywords": "färdtjänsttillstånd, sjukresa, taxi, riksfärdtjänst, rullstolstaxi, resor "
        "för funktionsnedsatta",
        "description": (
            "<p>Färdtjänst är en del av kollektivtrafiken. Du reser ofta tillsammans med andra "
            "och betalar en egen avgift för varje resa.</p>"
            "<p>Du får resa inom det område som står i ditt beslut. Längre resor inom Sverige "
            "kallas riksfärdtjänst och söks separat.</p>"
        ),
        "eligibility": (
            "<p>Du kan få färdtjänst om du har en funktionsnedsättning som gör att du har stora "
            "svårigheter att resa på egen hand eller med allmänna kommunikationer.</p>"
            "<p>Funktionsnedsättningen ska vara varaktig, alltså inte bara tillfällig.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst. {EID_SV}</p>"
            "<p>Beskriv hur din funktionsnedsättning påverkar din förmåga att resa. Vi kan också "
            "kontakta dig för ett samtal.</p>" + protected_sv(phone)
        ),
        "processing_time": "Du får beslut inom fyra veckor från att ansökan är komplett.",
        "fee": "<p>Du betalar en egenavgift för varje resa. Avgiften följer kommunens taxa.</p>",
        "legal_basis": "<p>Lagen om färdtjänst och lagen om riksfärdtjänst.</p>",
        "body": [
            ("heading", "Så bokar du en resa"),
            (
                "paragraph",
                "<p>När du har fått ditt beslut får du ett färdtjänstkort och ett nummer för att "
                "boka resor. Boka gärna i god tid.</p>"
                "<p>Om du får avslag kan du överklaga beslutet till förvaltningsrätten. I beslutet "
                "står hur du gör.</p>",
            ),
        ],
        "agencies": agencies(
            ("vasttrafik", "Kollektivtrafik i Västra Götaland.", None),
        ),
    }
    return service(m, "gata", sv)


# ---------------------------------------------------------------------------------------------
# Omsorg och stöd
# ---------------------------------------------------------------------------------------------


def hemtjanst(m):
    phone = department(m, "soc")["phone"]
    sv = {
        "slug": "hemtjanst",
        "title": "Hemtjänst",
        "topic": "omsorg-och-stod",
        "intro": (
            "Hemtjänst är hjälp i ditt hem, så att du kan bo kvar hemma fast du behöver "
            "stöd i vardagen."
        ),
        "keywords": "hemhjälp, äldreomsorg, trygghetslarm, matdistribution, biståndshandläggare, "
        "omsorg i hemmet",
        "description": (
            "<p>Med hemtjänst kan du få hjälp med sådant du inte klarar själv. Det kan till "
            "exempel vara:</p>"
            "<ul><li>personlig omvårdnad, som att duscha och klä på dig</li><li>städning, tvätt "
            "och inköp</li><li>matdistribution</li><li>trygghetslarm</li></ul>"
            "<p>Hjälpen anpassas efter dina behov. Du är med och planerar hur och när du får "
            "hjälp.</p>"
        ),
        "eligibility": (
            "<p>Du kan få hemtjänst om du bor i kommunen och inte kan få dina behov tillgodosedda "
            "på annat sätt. Det gäller oavsett hur gammal du är.</p>"
        ),
        "how_to_apply": (
            f"<p>Ring en biståndshandläggare på {phone}. Du kan också låta en anhörig ringa, om du "
            "tycker att det är okej.</p>"
            "<p>Handläggaren pratar med dig om dina behov, ofta vid ett hembesök. Sedan får du ett "
            "skriftligt beslut.</p>"
        ),
        "processing_time": (
            "Du får i regel beslut inom två till tre veckor. Om du behöver hjälp "
            "akut kan du få det direkt."
        ),
        "fee": (
            "<p>Avgiften beror på din inkomst och vilken hjälp du får. Det finns ett högsta belopp "
            "per månad som följer socialtjänstlagen. Du har alltid rätt att behålla en viss summa "
            "för dina egna levnadskostnader.</p>"
        ),
        "legal_basis": "<p>Socialtjänstlagen.</p>",
        "body": [
            ("heading", "Om du inte är nöjd med beslutet"),
            (
                "paragraph",
                "<p>Du kan överklaga beslutet till förvaltningsrätten. Skicka överklagandet till "
                "oss inom tre veckor från att du fick beslutet. I beslutet står hur du gör.</p>",
            ),
        ],
        "agencies": agencies(
            ("1177", "Råd om vård och hälsa.", "Advice on health and care."),
            (
                "pensionsmyndigheten",
                "Bostadstillägg och andra förmåner för pensionärer.",
                "Housing supplement and other benefits for pensioners.",
            ),
        ),
    }
    en = {
        "title": "Home care",
        "intro": (
            "Home care (hemtjänst) is help in your home, so that you can go on living there "
            "even if you need support in everyday life."
        ),
        "keywords": "home help, elderly care, safety alarm, meal delivery, needs assessor, care "
        "at home",
        "description": (
            "<p>With home care you can get help with things you cannot manage yourself. This can "
            "include:</p>"
            "<ul><li>personal care, such as showering and getting dressed</li>"
            "<li>cleaning, laundry and shopping</li>"
            "<li>meal delivery</li>"
            "<li>a safety alarm</li></ul>"
            "<p>The help is adapted to your needs. You take part in planning how and when you get "
            "help.</p>"
        ),
        "eligibility": (
            "<p>You can get home care if you live in the municipality and your needs cannot be met "
            "in any other way. This applies whatever your age.</p>"
        ),
        "how_to_apply": (
            f"<p>Call a needs assessor (biståndshandläggare) on {phone}. A relative can also call "
            "for you, if you agree to it.</p>"
            "<p>The needs assessor talks with you about your needs, often during a home visit. "
            "You then receive a written decision.</p>"
        ),
        "processing_time": (
            "You will usually receive a decision within two to three weeks. If you "
            "need help urgently, you can get it straight away."
        ),
        "fee": (
            "<p>The fee depends on your income and on the help you receive. There is a maximum "
            "amount per month that follows the Social Services Act. You always have the right to "
            "keep a certain amount for your own living costs.</p>"
        ),
        "legal_basis": "<p>The Social Services Act (socialtjänstlagen).</p>",
        "body": [
            ("heading", "If you are not satisfied with the decision"),
            (
                "paragraph",
                "<p>You can appeal the decision to the administrative court. Send the appeal to us "
                "within three weeks of receiving the decision. The decision explains how.</p>",
            ),
        ],
    }
    return service(m, "soc", sv, en)


def sarskilt_boende(m):
    phone = department(m, "soc")["phone"]
    sv = {
        "slug": "sarskilt-boende",
        "title": "Särskilt boende",
        "topic": "omsorg-och-stod",
        "intro": (
            "Särskilt boende är för dig som behöver vård och omsorg dygnet runt och inte "
            "längre kan bo kvar hemma."
        ),
        "keywords": "äldreboende, ålderdomshem, vård- och omsorgsboende, demensboende, boende för "
        "äldre",
        "description": (
            "<p>På ett särskilt boende har du en egen lägenhet eller ett eget rum. Personal finns "
            "på plats dygnet runt. Du får hjälp med omvårdnad, måltider och hälso- och "
            "sjukvård.</p>"
            "<p>Särskilt boende kallas ibland äldreboende eller vård- och omsorgsboende.</p>"
        ),
        "eligibility": (
            "<p>Du kan få särskilt boende om du har stora behov av vård och omsorg som inte kan "
            "tillgodoses i ditt hem, till exempel med hemtjänst.</p>"
        ),
        "how_to_apply": (
            f"<p>Ring en biståndshandläggare på {phone}. Handläggaren utreder dina behov "
            "tillsammans med dig och dina anhöriga, om du vill det.</p>"
        ),
        "processing_time": (
            "Du får beslut inom cirka tre veckor. Efter beslutet erbjuder vi en "
            "plats så snart det finns en som passar dig."
        ),
        "fee": (
            "<p>Du betalar hyra för lägenheten. Du betalar också för maten och en avgift för "
            "omsorgen. Omsorgsavgiften beror på din inkomst och har ett högsta belopp per "
            "månad.</p>"
        ),
        "legal_basis": "<p>Socialtjänstlagen.</p>",
        "body": [
            ("heading", "Om du inte är nöjd med beslutet"),
            (
                "paragraph",
                "<p>Du kan överklaga beslutet till förvaltningsrätten. Skicka överklagandet till "
                "oss inom tre veckor från att du fick beslutet. I beslutet står hur du gör.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Bostadstillägg",
                    "text": "<p>Har du pension kan du ha rätt till bostadstillägg från "
                    "Pensionsmyndigheten för att betala hyran.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            ("pensionsmyndigheten", "Ansök om bostadstillägg.", None),
            ("1177", "Råd om vård och hälsa.", None),
        ),
    }
    return service(m, "soc", sv)


def ekonomiskt_bistand(m):
    phone = department(m, "soc")["phone"]
    sv = {
        "slug": "ekonomiskt-bistand",
        "title": "Ekonomiskt bistånd",
        "topic": "omsorg-och-stod",
        "intro": (
            "Ekonomiskt bistånd är ett stöd för dig som inte kan försörja dig på något annat "
            "sätt. Det är samhällets sista skyddsnät."
        ),
        "keywords": "försörjningsstöd, socialbidrag, socialen, pengar till hyra, riksnorm, "
        "nödbistånd",
        "description": (
            "<p>Ekonomiskt bistånd kan hjälpa dig att betala det du behöver för att leva, till "
            "exempel mat, kläder, hyra och el. Stödet är tillfälligt.</p>"
            "<p>Försörjningsstödet räknas ut efter riksnormen, som regeringen bestämmer varje år, "
            "och efter dina faktiska kostnader för till exempel boende.</p>"
        ),
        "eligibility": (
            "<p>Du kan få ekonomiskt bistånd om du inte kan försörja dig på något annat sätt. "
            "Först ska du ha prövat andra möjligheter, till exempel:</p>"
            "<ul><li>arbete, eller att stå till arbetsmarknadens förfogande</li><li>ersättning "
            "från Försäkringskassan eller a-kassan</li><li>egna tillgångar, till exempel sparade "
            "pengar</li></ul>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst för ekonomiskt bistånd. {EID_SV}</p>"
            "<p>Första gången du söker bokar vi ett möte med dig. Ta med underlag om dina "
            "inkomster och utgifter, till exempel hyresavi och kontoutdrag.</p>"
            + protected_sv(phone)
        ),
        "processing_time": (
            "Du får beslut så snart vi har alla uppgifter vi behöver, oftast inom "
            "två veckor. Vid akut nöd kan du få hjälp samma dag."
        ),
        "fee": "",
        "legal_basis": "<p>Socialtjänstlagen.</p>",
        "body": [
            ("heading", "Om du inte är nöjd med beslutet"),
            (
                "paragraph",
                "<p>Du kan överklaga beslutet till förvaltningsrätten. Skicka överklagandet till "
                "oss inom tre veckor från att du fick beslutet. I beslutet står hur du gör.</p>",
            ),
        ],
        "agencies": agencies(
            ("forsakringskassan", "Bostadsbidrag, sjukpenning och andra ersättningar.", None),
            ("arbetsformedlingen", "Skriv in dig som arbetssökande.", None),
        ),
    }
    return service(m, "soc", sv)


# ---------------------------------------------------------------------------------------------
# Kultur och fritid
# ---------------------------------------------------------------------------------------------


def bibliotek(m):
    phone = department(m, "kultur")["phone"]
    sv = {
        "slug": "bibliotek",
        "title": "Bibliotek",
        "topic": "kultur-och-fritid",
        "intro": (
            "På biblioteket kan du låna böcker, ljudböcker och tidningar. Du kan också "
            "använda datorer och få hjälp med digitala tjänster."
        ),
        "keywords": "låna böcker, lånekort, e-böcker, ljudböcker, boklån, låna om, reservera, "
        "öppettider",
        "description": (
            "<p>Biblioteket är öppet för alla. Där kan du låna eller läsa på plats, träffa andra "
            "och gå på evenemang.</p>"
            "<p>Du kan bland annat:</p>"
            "<ul><li>låna böcker, ljudböcker och tidningar</li><li>låna e-böcker och "
            "e-ljudböcker</li><li>använda dator och trådlöst nätverk</li><li>få hjälp med "
            "e-legitimation och digitala tjänster</li></ul>"
            "<p>Barn och unga har en egen avdelning med böcker på flera språk.</p>"
        ),
        "eligibility": (
            "<p>Alla kan besöka biblioteket. För att låna behöver du ett lånekort. Barn under 18 "
            "år behöver en vårdnadshavares underskrift.</p>"
        ),
        "how_to_apply": (
            "<p>Du får ett lånekort på biblioteket. Ta med legitimation.</p>"
            "<p>Med lånekortet kan du låna om, reservera och se dina lån i bibliotekets katalog på "
            "webben.</p>"
        ),
        "processing_time": "Du får lånekortet direkt när du besöker biblioteket.",
        "fee": (
            "<p>Det är gratis att låna. Om du tappar bort eller förstör något du har lånat "
            "får du betala ersättning.</p>"
        ),
        "legal_basis": "<p>Bibliotekslagen.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Svårt att ta dig till biblioteket?",
                    "text": f"<p>Ring oss på {phone}. Vi berättar hur du kan låna ändå, till "
                    "exempel genom att någon annan hämtar åt dig.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    en = {
        "title": "Library",
        "intro": (
            "At the library you can borrow books, audiobooks and newspapers. You can also "
            "use computers and get help with digital services."
        ),
        "keywords": "borrow books, library card, e-books, audiobooks, renew, reserve, opening "
        "hours",
        "description": (
            "<p>The library is open to everyone. You can borrow or read on site, meet other "
            "people and go to events.</p>"
            "<p>Among other things, you can:</p>"
            "<ul><li>borrow books, audiobooks and newspapers</li><li>borrow e-books and "
            "e-audiobooks</li><li>use a computer and wireless network</li><li>get help with e-ID "
            "and digital services</li></ul>"
            "<p>Children and young people have their own section with books in several "
            "languages.</p>"
        ),
        "eligibility": (
            "<p>Anyone can visit the library. To borrow, you need a library card. Children under "
            "18 need a guardian's signature.</p>"
        ),
        "how_to_apply": (
            "<p>You get a library card at the library. Bring identification.</p>"
            "<p>With the library card you can renew, reserve and see your loans in the library's "
            "online catalogue.</p>"
        ),
        "processing_time": "You get your library card straight away when you visit the library.",
        "fee": (
            "<p>Borrowing is free. If you lose or damage something you have borrowed, you pay "
            "compensation.</p>"
        ),
        "legal_basis": "<p>The Libraries Act (bibliotekslagen).</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Finding it hard to get to the library?",
                    "text": f"<p>Call us on {phone}. We will tell you how you can still borrow, "
                    "for example by having someone else collect for you.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "kultur", sv, en)


def foreningsbidrag(m):
    sv = {
        "slug": "foreningsbidrag",
        "title": "Föreningsbidrag",
        "topic": "kultur-och-fritid",
        "intro": (
            "Föreningar som har verksamhet i kommunen kan söka bidrag. Mest stöd går till "
            "verksamhet för barn och unga."
        ),
        "keywords": "föreningsstöd, aktivitetsstöd, lokalbidrag, anläggningsbidrag, "
        "arrangemangsbidrag, ideell förening",
        "description": (
            "<p>Kommunen stöder föreningslivet med olika bidrag. Det kan till exempel vara:</p>"
            "<ul><li>aktivitetsbidrag för verksamhet för barn och unga</li><li>bidrag till drift "
            "av anläggningar och lokaler</li><li>bidrag till enstaka arrangemang och "
            "projekt</li></ul>"
            "<p>Vilka bidrag som finns och hur mycket föreningen kan få står i kommunens regler "
            "för föreningsbidrag.</p>"
        ),
        "eligibility": (
            "<p>Föreningen ska vara registrerad hos kommunen och ha sin verksamhet här. Den ska "
            "vara demokratiskt uppbyggd och ha stadgar och en vald styrelse.</p>"
        ),
        "how_to_apply": (
            "<p>Registrera föreningen i kommunens föreningsregister om ni inte redan har gjort "
            "det.</p>"
            "<p>Ansök i kommunens e-tjänst för föreningsbidrag. Föreningens ordförande eller "
            "kassör loggar in med e-legitimation, till exempel BankID, Freja+ eller Svenska "
            "Pass.</p>"
            "<p>Sista dag för ansökan står i reglerna för varje bidrag.</p>"
        ),
        "processing_time": "Du får beslut inom sex veckor efter sista ansökningsdag.",
        "fee": "",
        "legal_basis": "<p>Kommunens regler för föreningsbidrag.</p>",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Redovisa bidraget",
                    "text": "<p>Föreningen ska kunna visa hur bidraget har använts. Spara "
                    "underlag som närvarolistor och kvitton.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "kultur", sv)


# ---------------------------------------------------------------------------------------------
# Kommun och politik
# ---------------------------------------------------------------------------------------------

DIARY_NOTE = {
    "amal": (
        "Sök i webbdiariet",
        "<p>I Åmåls kommuns webbdiarium kan du söka bland nämndernas handlingar från 2022 och "
        "framåt. Det uppdateras två gånger varje vardag. Alla handlingar finns inte på webben. "
        "Hela diariet finns hos registratorn.</p>",
        "Search the online register",
        "<p>In Åmål Municipality's online register you can search the boards' documents from 2022 "
        "onwards. It is updated twice every weekday. Not all documents are online. The complete "
        "register is kept by the registrar.</p>",
    ),
}
DIARY_NOTE_DEFAULT = (
    "Sök i diariet",
    "<p>I diariesökningen här på Dalslandsportalen kan du söka bland kommunens diarieförda "
    "handlingar. Alla handlingar publiceras inte på webben. Hela diariet finns hos "
    "registratorn.</p>",
    "Search the register",
    "<p>In the register search here on Dalslandsportalen you can search the municipality's "
    "registered documents. Not all documents are published online. The complete register is kept "
    "by the registrar.</p>",
)


def allman_handling(m):
    ks = department(m, "ks")
    note = DIARY_NOTE.get(m, DIARY_NOTE_DEFAULT)
    sv = {
        "slug": "begara-ut-allman-handling",
        "title": "Begära ut allmän handling",
        "topic": "kommun-och-politik",
        "intro": (
            "Alla har rätt att ta del av kommunens allmänna handlingar. Du behöver inte tala "
            "om vem du är eller varför du vill ha handlingen."
        ),
        "keywords": "offentlighetsprincipen, diarium, diarienummer, handlingar, protokoll, kopia, "
        "utlämnande, registrator, sekretess",
        "description": (
            "<p>En allmän handling är en handling som finns hos kommunen och som kommunen har "
            "fått in eller själv har upprättat. Det kan vara brev, e-post, beslut, ritningar, "
            "protokoll och uppgifter i datasystem.</p>"
            "<p>Alla har rätt att läsa allmänna handlingar. Det kallas offentlighetsprincipen. "
            "Vissa handlingar innehåller uppgifter som omfattas av sekretess. Då prövar vi om vi "
            "kan lämna ut hela handlingen eller delar av den.</p>"
        ),
        "eligibility": (
            "<p>Alla kan begära ut allmänna handlingar, även du som inte bor i Sverige. Du får "
            "vara anonym. Vi får bara fråga vem du är eller varför du vill ha handlingen om vi "
            "behöver veta det för att pröva sekretessen.</p>"
        ),
        "how_to_apply": (
            f"<p>Fyll i formuläret, skicka e-post till {ks['email']} eller ring {ks['phone']}. Du "
            "kan också komma till oss och läsa handlingen på plats.</p>"
            "<p>Beskriv så noga du kan vilken handling du vill ha. Har du ett diarienummer, skriv "
            "det.</p>"
            "<p>Vill du ha en kopia skickad till dig behöver du lämna en e-postadress eller en "
            "postadress. Annars behöver du inte lämna några kontaktuppgifter.</p>"
        ),
        "processing_time": (
            "Vi hanterar din begäran skyndsamt. Oftast får du svar samma dag. Om "
            "vi behöver pröva sekretess eller om det gäller många handlingar kan "
            "det ta några dagar."
        ),
        "fee": (
            "<p>Det är gratis att läsa handlingar på plats. För kopior kan vi ta ut en avgift "
            "enligt kommunens taxa. Vi berättar vad det kostar innan vi skickar kopiorna.</p>"
        ),
        "legal_basis": (
            "<p>Tryckfrihetsförordningen 2 kap.</p>"
            "<p>Offentlighets- och sekretesslagen (2009:400).</p>"
        ),
        "body": [
            ("heading", "Om vi säger nej"),
            (
                "paragraph",
                "<p>Om vi inte lämnar ut en handling, eller bara delar av den, kan du begära ett "
                "skriftligt beslut. Beslutet kan du överklaga till kammarrätten. I beslutet står "
                "hur du gör.</p>",
            ),
            ("fact_box", {"heading": note[0], "text": note[1], "kind": "info"}),
        ],
        "agencies": agencies(
            (
                "domstol",
                "Kammarrätten prövar överklaganden när en handling inte lämnas ut.",
                "The administrative court of appeal hears appeals when a document is withheld.",
            ),
        ),
    }
    en = {
        "title": "Request an official document",
        "intro": (
            "Everyone has the right to read the municipality's official documents. You do "
            "not have to say who you are or why you want the document."
        ),
        "keywords": "public access, principle of public access, register, case number, documents, "
        "minutes, copy, registrar, secrecy",
        "description": (
            "<p>An official document (allmän handling) is a document held by the municipality that "
            "the municipality has received or drawn up itself. It can be letters, e-mails, "
            "decisions, drawings, minutes and data in computer systems.</p>"
            "<p>Everyone has the right to read official documents. This is called the principle of "
            "public access (offentlighetsprincipen). Some documents contain information covered by "
            "secrecy. We then assess whether we can release all or part of the document.</p>"
        ),
        "eligibility": (
            "<p>Anyone can request official documents, including people who do not live in "
            "Sweden. You may stay anonymous. We may only ask who you are or why you want the "
            "document if we need to know this to assess secrecy.</p>"
        ),
        "how_to_apply": (
            f"<p>Fill in the form, send an e-mail to {ks['email']} or call {ks['phone']}. You can "
            "also visit us and read the document on site.</p>"
            "<p>Describe the document you want as precisely as you can. If you have a case number, "
            "include it.</p>"
            "<p>If you want a copy sent to you, you need to give an e-mail or postal address. "
            "Otherwise you do not need to give any contact details.</p>"
        ),
        "processing_time": (
            "We handle your request promptly. You usually get an answer the same "
            "day. If we need to assess secrecy or the request covers many "
            "documents, it may take a few days."
        ),
        "fee": (
            "<p>Reading documents on site is free. For copies we may charge a fee according to the "
            "municipality's fee schedule. We tell you the cost before we send the copies.</p>"
        ),
        "legal_basis": (
            "<p>The Freedom of the Press Act (tryckfrihetsförordningen), chapter 2.</p>"
            "<p>The Public Access to Information and Secrecy Act (offentlighets- och "
            "sekretesslagen, 2009:400).</p>"
        ),
        "body": [
            ("heading", "If we say no"),
            (
                "paragraph",
                "<p>If we do not release a document, or only part of it, you can ask for a written "
                "decision. You can appeal the decision to the administrative court of appeal "
                "(kammarrätten). The decision explains how.</p>",
            ),
            ("fact_box", {"heading": note[2], "text": note[3], "kind": "info"}),
        ],
    }
    return service(
        m,
        "ks",
        sv,
        en,
        apply=[(f"begara-handling-{m}", "Begär ut en handling", "Request a document")],
    )


def medborgarforslag(m):
    name = MUNICIPALITIES[m]["name"]
    ks = department(m, "ks")
    sv = {
        "slug": "medborgarforslag",
        "title": "Medborgarförslag",
        "topic": "kommun-och-politik",
        "intro": (
            f"Är du folkbokförd i {name} kan du lämna ett medborgarförslag till "
            "kommunfullmäktige. Det är ett sätt att föreslå något som gör kommunen bättre."
        ),
        "keywords": "förslag till kommunen, påverka, e-förslag, kommunfullmäktige, demokrati, idé",
        "description": (
            "<p>Ett medborgarförslag är ett förslag som du lämnar till kommunfullmäktige. "
            "Fullmäktige, eller den nämnd som får ärendet, tar ställning till förslaget.</p>"
            "<p>Förslaget ska gälla något som kommunen ansvarar för och som utvecklar kommunen. "
            "Är något trasigt, gör en felanmälan i stället. Vill du tycka till om en verksamhet, "
            "lämna en synpunkt.</p>"
        ),
        "eligibility": (
            f"<p>Alla som är folkbokförda i {name} kan lämna medborgarförslag, även barn och "
            "unga.</p>"
        ),
        "how_to_apply": (
            f"<p>Du lämnar förslaget i kommunens e-tjänst. {EID_SV} Du kan också skicka förslaget "
            "med post eller lämna det i kommunhuset.</p>"
            "<p>Skriv ditt namn och din adress. Ett medborgarförslag kan inte vara anonymt. "
            "Förslaget blir en allmän handling.</p>"
            f"<p>Har du skyddade personuppgifter? Ring kommunkansliet på {ks['phone']} innan du "
            "lämnar förslaget.</p>"
        ),
        "processing_time": "Förslaget ska besvaras inom ett år från att du lämnade det.",
        "fee": "",
        "legal_basis": "<p>Kommunallagen (2017:725) 8 kap.</p>",
        "body": [
            (
                "paragraph",
                "<p>Du får besked när vi har tagit emot förslaget. Du får också veta när det ska "
                "behandlas, så att du kan följa det.</p>",
            ),
        ],
    }
    return service(m, "ks", sv)


def synpunkter(m):
    sv = {
        "slug": "synpunkter-och-klagomal",
        "title": "Synpunkter och klagomål",
        "topic": "kommun-och-politik",
        "intro": (
            "Vill du lämna beröm, ett förslag eller ett klagomål? Dina synpunkter hjälper "
            "oss att bli bättre."
        ),
        "keywords": "klaga, beröm, förslag, tyck till, missnöje, bemötande, lämna synpunkt",
        "description": (
            "<p>Du kan lämna synpunkter på all verksamhet som kommunen ansvarar för, till exempel "
            "skola, omsorg, gator och bemötande.</p>"
            "<p>Vi skickar din synpunkt till den verksamhet den gäller. Vi använder synpunkterna "
            "för att bli bättre.</p>"
        ),
        "eligibility": "<p>Alla kan lämna synpunkter. Du får vara anonym.</p>",
        "how_to_apply": (
            "<p>Fyll i formuläret. Lämna dina kontaktuppgifter om du vill ha svar.</p>"
            "<p>Gäller det förskolan eller skolan kan du också prata direkt med rektorn. Gäller "
            "det omsorgen kan du prata med enhetschefen.</p>"
            "<p>Synpunkter och klagomål blir allmänna handlingar. Skriv inte känsliga uppgifter "
            "om dig själv eller andra.</p>"
        ),
        "processing_time": (
            "Vi bekräftar att vi har fått din synpunkt. Vill du ha svar får du det "
            "oftast inom två veckor."
        ),
        "fee": "",
        "legal_basis": (
            "<p>Förvaltningslagen (2017:900) 6–7 §§.</p>"
            "<p>Klagomål på förskola och skola: skollagen (2010:800) 4 kap. 8 §.</p>"
        ),
        "body": [
            (
                "fact_box",
                {
                    "heading": "Om du inte är nöjd",
                    "text": "<p>Är du inte nöjd med hur vi har hanterat ett klagomål mot förskolan "
                    "eller skolan kan du vända dig till Skolinspektionen.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            ("skolinspektionen", "Anmäl missförhållanden i förskola och skola.", None),
        ),
    }
    return service(m, "ks", sv, apply=[("synpunkter", "Lämna en synpunkt", "Give feedback")])


# ---------------------------------------------------------------------------------------------
# Näringsliv och arbete
# ---------------------------------------------------------------------------------------------


def starta_foretag(m):
    ks = department(m, "ks")
    if m == "amal":
        food_sv = "kommunens samhällsbyggnadsförvaltning"
        food_en = "the municipality's Community Planning Department"
    else:
        food_sv = "Dalslands miljö- och energiförbund"
        food_en = "Dalslands miljö- och energiförbund, the joint environmental association"
    sv = {
        "slug": "starta-foretag",
        "title": "Starta företag",
        "topic": "naringsliv-och-arbete",
        "intro": (
            "Vill du starta företag? Vi hjälper dig med råd, kontakter och tillstånd. Själva "
            "registreringen gör du hos Bolagsverket och Skatteverket."
        ),
        "keywords": "nyföretagare, eget företag, enskild firma, aktiebolag, F-skatt, "
        "näringslivskontor, företagslots",
        "description": (
            "<p>Kommunens näringslivsenhet hjälper dig som vill starta eller utveckla ett "
            "företag. Vi kan:</p>"
            "<ul><li>ge råd inför starten</li><li>hjälpa dig att hitta en lokal eller mark</li>"
            "<li>berätta vilka tillstånd du behöver från kommunen</li><li>sätta dig i kontakt med "
            "rådgivare och nätverk</li></ul>"
            "<p>Grundläggande information om att starta och driva företag finns på "
            "verksamt.se.</p>"
        ),
        "eligibility": (
            "<p>Alla som vill starta eller driva företag i kommunen är välkomna att kontakta oss. "
            "Rådgivningen är gratis.</p>"
        ),
        "how_to_apply": (
            f"<p>Ring oss på {ks['phone']} eller skicka e-post till {ks['email']} för att boka ett "
            "möte.</p>"
            '<p>Du registrerar företaget på <a href="https://www.verksamt.se">verksamt.se</a>. '
            "Där ansöker du om F-skatt hos Skatteverket och registrerar företaget hos "
            "Bolagsverket om det behövs.</p>"
            f"<p>Ska du hantera livsmedel behöver du registrera verksamheten hos {food_sv} innan "
            "du startar.</p>"
        ),
        "processing_time": "Vi hör av oss inom tre arbetsdagar för att boka ett möte.",
        "fee": "",
        "legal_basis": "",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Servera alkohol",
                    "text": "<p>Vill du servera alkohol behöver du serveringstillstånd från "
                    "kommunen. Ansök i god tid, eftersom prövningen tar flera veckor.</p>",
                    "kind": "info",
                },
            ),
        ],
        "agencies": agencies(
            (
                "verksamt",
                "Myndigheternas gemensamma tjänst för att starta och driva företag.",
                "The authorities' joint service for starting and running a business.",
            ),
            (
                "bolagsverket",
                "Registrera aktiebolag och handelsbolag.",
                "Register limited and trading companies.",
            ),
            (
                "skatteverket",
                "Ansök om F-skatt och registrera dig för moms.",
                "Apply for F-tax approval and register for VAT.",
            ),
        ),
    }
    en = {
        "title": "Starting a business",
        "intro": (
            "Do you want to start a business? We help you with advice, contacts and permits. "
            "You register the business itself with Bolagsverket and Skatteverket."
        ),
        "keywords": "new entrepreneur, own business, sole trader, limited company, F-tax, "
        "business office",
        "description": (
            "<p>The municipality's business development unit helps you start or develop a "
            "business. We can:</p>"
            "<ul><li>give advice before you start</li><li>help you find premises or land</li>"
            "<li>tell you which permits you need from the municipality</li><li>put you in touch "
            "with advisers and networks</li></ul>"
            "<p>Basic information on starting and running a business is available at "
            "verksamt.se.</p>"
        ),
        "eligibility": (
            "<p>Anyone who wants to start or run a business in the municipality is welcome to "
            "contact us. The advice is free.</p>"
        ),
        "how_to_apply": (
            f"<p>Call us on {ks['phone']} or send an e-mail to {ks['email']} to book a meeting.</p>"
            '<p>You register the business at <a href="https://www.verksamt.se">verksamt.se</a>. '
            "There you apply for F-tax approval from the Swedish Tax Agency and register the "
            "business with the Companies Registration Office if needed.</p>"
            f"<p>If you will handle food, you must register the business with {food_en} before you "
            "start.</p>"
        ),
        "processing_time": "We get back to you within three working days to book a meeting.",
        "body": [
            (
                "fact_box",
                {
                    "heading": "Serving alcohol",
                    "text": "<p>To serve alcohol you need a licence from the municipality. Apply "
                    "in good time, as the assessment takes several weeks.</p>",
                    "kind": "info",
                },
            ),
        ],
    }
    return service(m, "ks", sv, en)


def serveringstillstand(m):
    ks = department(m, "ks")
    sv = {
        "slug": "serveringstillstand",
        "title": "Serveringstillstånd",
        "topic": "naringsliv-och-arbete",
        "intro": (
            "Vill du servera alkohol på en restaurang, ett café eller vid ett evenemang "
            "behöver du serveringstillstånd från kommunen."
        ),
        "keywords": "alkoholtillstånd, sprittillstånd, utskänkningstillstånd, servera vin, "
        "festival, slutet sällskap, kunskapsprov",
        "description": (
            "<p>Du behöver serveringstillstånd för att servera alkoholdrycker som är starkare än "
            "folköl, till exempel vin, starköl och sprit. Det finns olika tillstånd:</p>"
            "<ul><li>stadigvarande tillstånd för servering till allmänheten, till exempel på en "
            "restaurang</li>"
            "<li>tillfälligt tillstånd, till exempel vid en festival</li>"
            "<li>tillstånd för servering till slutna sällskap, till exempel en förening eller ett "
            "bröllop</li></ul>"
        ),
        "eligibility": (
            "<p>Du som söker måste visa att du är lämplig att ha tillstånd. Vi prövar bland annat "
            "din ekonomi, om du har skött skatter och avgifter och om du kan alkohollagen.</p>"
            "<p>För stadigvarande servering till allmänheten måste du också ha ett kök och "
            "servera lagad mat.</p>"
        ),
        "how_to_apply": (
            f"<p>Du ansöker i kommunens e-tjänst. {EID_SV} Ett företag ansöker genom en behörig "
            "företrädare.</p>"
            "<p>Du måste klara ett kunskapsprov om alkohollagen. Vi bokar provet när ansökan har "
            "kommit in.</p>"
            "<p>Vi hämtar in yttranden från bland andra Polisen och Dalslands miljö- och "
            "energiförbund.</p>" + protected_sv(ks["phone"])
        ),
        "processing_time": (
            "Ett stadigvarande tillstånd tar ofta två till tre månader. Ansök om "
            "tillfälligt tillstånd minst sex veckor före evenemanget."
        ),
        "fee": (
            "<p>Du betalar en avgift för prövningen och en årlig tillsynsavgift. Avgifterna "
            "följer kommunens taxa.</p>"
        ),
        "legal_basis": "<p>Alkohollagen.</p>",
        "body": [],
        "agencies": agencies(
            ("polisen", "Tillstånd för offentliga tillställningar och evenemang.", None),
            ("verksamt", "Stöd för dig som startar och driver företag.", None),
        ),
    }
    return service(m, "ks", sv)


# ---------------------------------------------------------------------------------------------
# Which municipality gives which service
# ---------------------------------------------------------------------------------------------

PLAN = {
    "mellerud": [
        forskola,
        fritidshem,
        skolval,
        gymnasieval,
        bygglov,
        forhandsbesked,
        enskilt_avlopp,
        felanmalan,
        hemtjanst,
        bibliotek,
        medborgarforslag,
        allman_handling,
        serveringstillstand,
    ],
    "amal": [
        forskola,
        fritidshem,
        skolval,
        gymnasieval,
        vuxenutbildning,
        bygglov,
        strandskyddsdispens,
        felanmalan,
        ekonomiskt_bistand,
        vatten_och_avlopp,
        allman_handling,
        foreningsbidrag,
        starta_foretag,
    ],
    "bengtsfors": [
        forskola,
        fritidshem,
        skolval,
        gymnasieval,
        bygglov,
        rivningslov,
        felanmalan,
        sarskilt_boende,
        bibliotek,
        avfall,
        starta_foretag,
    ],
    "dals-ed": [
        forskola,
        fritidshem,
        skolval,
        gymnasieval,
        bygglov,
        attefall,
        felanmalan,
        fardtjanst,
        foreningsbidrag,
        synpunkter,
    ],
    "fargelanda": [
        forskola,
        fritidshem,
        skolval,
        gymnasieval,
        vuxenutbildning,
        bygglov,
        enskilt_avlopp,
        felanmalan,
        parkeringstillstand,
        hemtjanst,
        vatten_och_avlopp,
        allman_handling,
    ],
}

SERVICES = [template(m) for m, templates in PLAN.items() for template in templates]
