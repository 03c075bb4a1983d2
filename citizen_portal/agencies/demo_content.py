"""Demo content: the agency register (DOMAIN.md §6.1) and the five life-event guides.

Data only; `citizen_portal.agencies.demo` puts it into the register and the page tree, with the
English in "en" as wagtail-localize translations. The addresses are the agencies' root
addresses, as DOMAIN.md advises: deeper addresses change too often.

A guide step's "services" are service-page slugs: the step links that service in every
municipality that has it (citizen_portal/demo_content/services.py), so one Dalsland-wide guide
leads each resident to their own municipality. "agencies" are (register key, what to do there
in this step; empty for the register's description).
"""

INDEX_PAGES = {
    "agencies": {
        "slug": "myndigheter",
        "title": "Myndigheter",
        "intro": "Länsstyrelsen, regionen, statliga myndigheter och EU: vad du gör hos dem och när du behöver dem.",
        "en": {
            "title": "Agencies",
            "intro": "The county administrative board, the region, national agencies and the EU: what you do with them and when you need them.",
        },
    },
    "life_events": {
        "slug": "livshandelser",
        "title": "Livshändelser",
        "intro": "När något stort händer i livet: allt du behöver göra, steg för steg, hos kommunen och hos andra myndigheter.",
        "en": {
            "title": "Life events",
            "intro": "When something big happens in life: everything you need to do, step by step, with the municipality and with other agencies.",
        },
    },
}

AGENCIES = [
    # --- Län -------------------------------------------------------------------------------
    {
        "key": "lansstyrelsen",
        "name": "Länsstyrelsen Västra Götalands län",
        "short_name": "",
        "url": "https://www.lansstyrelsen.se/vastra-gotaland",
        "level": "lan",
        "topics": ["bygga-och-bo", "trygghet-och-kris", "rattigheter"],
        "description": "Statens myndighet i länet. Prövar överklaganden av kommunens beslut om bygglov och detaljplaner, ger tillstånd för bland annat djurhållning och strandskydd i vissa områden, och samordnar krisberedskapen i länet.",
        "en": {
            "name": "County Administrative Board of Västra Götaland",
            "description": "The state's agency in the county. It hears appeals against the municipality's decisions on building permits and detailed plans, grants permits for keeping animals and shoreline protection in some areas, and coordinates crisis preparedness in the county.",
        },
    },
    # --- Region ------------------------------------------------------------------------------
    {
        "key": "vgr",
        "name": "Västra Götalandsregionen",
        "short_name": "VGR",
        "url": "https://www.vgregion.se",
        "level": "region",
        "topics": ["vard-och-omsorg", "trafik-och-resor"],
        "description": "Regionen ansvarar för hälso- och sjukvården, kollektivtrafiken och den regionala utvecklingen i Västra Götaland. Vårdcentraler och sjukhus drivs av regionen.",
        "en": {
            "name": "Västra Götaland Region",
            "description": "The region is responsible for health care, public transport and regional development in Västra Götaland. Health centres and hospitals are run by the region.",
        },
    },
    {
        "key": "vasttrafik",
        "name": "Västtrafik",
        "short_name": "",
        "url": "https://www.vasttrafik.se",
        "level": "region",
        "topics": ["trafik-och-resor", "skola-och-utbildning"],
        "description": "Bussar, tåg och båtar i Västra Götaland. Här hittar du tidtabeller och köper biljetter. Skolkort för elever ordnar skolan.",
        "en": {
            "name": "Västtrafik",
            "description": "Buses, trains and boats in Västra Götaland. Find timetables and buy tickets here. Travel cards for pupils are arranged by the school.",
        },
    },
    # --- Kommunernas samarbeten ---------------------------------------------------------------
    {
        "key": "fyrbodal",
        "name": "Fyrbodals kommunalförbund",
        "short_name": "Fyrbodal",
        "url": "https://www.fyrbodal.se",
        "level": "samverkan",
        "topics": ["arbete-och-foretag", "skola-och-utbildning"],
        "description": "Ett samarbete mellan 14 kommuner i Fyrbodal, bland dem alla fem kommuner i Dalsland. Förbundet arbetar med regional utveckling och samordnar antagningen till gymnasiet.",
        "en": {
            "name": "Fyrbodal Association of Local Authorities",
            "description": "A partnership of 14 municipalities in Fyrbodal, including all five municipalities in Dalsland. It works with regional development and coordinates admissions to upper-secondary school.",
        },
    },
    {
        "key": "antagning-fyrbodal",
        "name": "Antagning Fyrbodal",
        "short_name": "",
        "url": "https://antagning.fyrbodal.se",
        "level": "samverkan",
        "topics": ["skola-och-utbildning"],
        "description": "Här söker du till gymnasiet om du bor i Bengtsfors, Dals-Ed, Färgelanda eller Mellerud. Du gör ditt gymnasieval och får besked om antagningen här.",
        "en": {
            "name": "Antagning Fyrbodal (upper-secondary admissions)",
            "description": "Apply for upper-secondary school here if you live in Bengtsfors, Dals-Ed, Färgelanda or Mellerud. You make your choices and get the admission results here.",
        },
    },
    {
        "key": "gyansokan",
        "name": "Gymnasieantagningen Värmland och Åmål",
        "short_name": "",
        "url": "https://gyansokan.se",
        "level": "samverkan",
        "topics": ["skola-och-utbildning"],
        "description": "Här söker du till gymnasiet om du bor i Åmål.",
        "en": {
            "name": "Upper-secondary admissions for Värmland and Åmål",
            "description": "Apply for upper-secondary school here if you live in Åmål.",
        },
    },
    # --- Stat ----------------------------------------------------------------------------------
    {
        "key": "skatteverket",
        "name": "Skatteverket",
        "short_name": "",
        "url": "https://www.skatteverket.se",
        "level": "stat",
        "topics": ["flytta", "barn-och-familj", "arbete-och-foretag", "pension-och-dodsfall"],
        "description": "Här anmäler du flytt, ansöker om id-kort och deklarerar. Skatteverket sköter folkbokföringen, registrerar födslar och dödsfall och tar emot bouppteckningar.",
        "en": {
            "name": "Swedish Tax Agency",
            "description": "This is where you report a move, apply for an ID card and file your tax return. The agency keeps the population register, registers births and deaths and receives estate inventories.",
        },
    },
    {
        "key": "forsakringskassan",
        "name": "Försäkringskassan",
        "short_name": "",
        "url": "https://www.forsakringskassan.se",
        "level": "stat",
        "topics": ["barn-och-familj", "vard-och-omsorg"],
        "description": "Föräldrapenning, barnbidrag, bostadsbidrag och tillfällig föräldrapenning när barnet är sjukt (vab). Hit vänder du dig också om du blir sjuk och behöver sjukpenning.",
        "en": {
            "name": "Swedish Social Insurance Agency",
            "description": "Parental benefit, child allowance, housing allowance and temporary parental benefit when your child is ill. This is also where you turn if you fall ill and need sickness benefit.",
        },
    },
    {
        "key": "arbetsformedlingen",
        "name": "Arbetsförmedlingen",
        "short_name": "",
        "url": "https://arbetsformedlingen.se",
        "level": "stat",
        "topics": ["arbete-och-foretag", "skola-och-utbildning"],
        "description": "Hjälp att hitta jobb och personal. Hit anmäler du dig när du blir arbetslös. Kommunens vuxenutbildning kan vara en del av din plan.",
        "en": {
            "name": "Swedish Public Employment Service",
            "description": "Help to find a job or staff. Register here when you become unemployed. The municipality's adult education can be part of your plan.",
        },
    },
    {
        "key": "pensionsmyndigheten",
        "name": "Pensionsmyndigheten",
        "short_name": "",
        "url": "https://www.pensionsmyndigheten.se",
        "level": "stat",
        "topics": ["pension-och-dodsfall"],
        "description": "Allmän pension, bostadstillägg för dig som har pension och pension till efterlevande. Här ansöker du om pension och ser hur stor den blir.",
        "en": {
            "name": "Swedish Pensions Agency",
            "description": "The national pension, housing supplement for pensioners and survivor's pension. Apply for your pension and see how much it will be here.",
        },
    },
    {
        "key": "lantmateriet",
        "name": "Lantmäteriet",
        "short_name": "",
        "url": "https://www.lantmateriet.se",
        "level": "stat",
        "topics": ["bygga-och-bo", "flytta", "pension-och-dodsfall"],
        "description": "Kartor, fastighetsregistret och lagfart. Hit vänder du dig när du har köpt eller ärvt en fastighet och ska söka lagfart, och när en fastighet ska delas eller gränser ändras (lantmäteriförrättning).",
        "en": {
            "name": "Lantmäteriet, the Swedish mapping, cadastral and land registration authority",
            "description": "Maps, the property register and title registration. Turn here when you have bought or inherited a property and need to register your title, and when a property is to be divided or its boundaries changed.",
        },
    },
    {
        "key": "boverket",
        "name": "Boverket",
        "short_name": "",
        "url": "https://www.boverket.se",
        "level": "stat",
        "topics": ["bygga-och-bo"],
        "description": "Reglerna för byggande, till exempel Boverkets byggregler. Tjänsten ”Får jag bygga?” hjälper dig att se om du behöver bygglov eller anmälan.",
        "en": {
            "name": "National Board of Housing, Building and Planning",
            "description": "The rules for building, such as the national building regulations. The service “Får jag bygga?” helps you find out whether you need a building permit or a notification.",
        },
    },
    {
        "key": "skolverket",
        "name": "Skolverket",
        "short_name": "",
        "url": "https://www.skolverket.se",
        "level": "stat",
        "topics": ["skola-och-utbildning", "barn-och-familj"],
        "description": "Läroplaner, betyg och regler för förskola och skola, bland annat maxtaxan för förskola och fritidshem.",
        "en": {
            "name": "Swedish National Agency for Education",
            "description": "Curricula, grades and rules for preschool and school, including the maximum fee for preschool and after-school care.",
        },
    },
    {
        "key": "skolinspektionen",
        "name": "Skolinspektionen",
        "short_name": "",
        "url": "https://www.skolinspektionen.se",
        "level": "stat",
        "topics": ["skola-och-utbildning", "barn-och-familj", "rattigheter"],
        "description": "Granskar skolor och förskolor. Hit kan du anmäla om du är missnöjd med en skola, eller om kommunen inte erbjuder förskoleplats inom fyra månader.",
        "en": {
            "name": "Swedish Schools Inspectorate",
            "description": "Inspects schools and preschools. You can report here if you are unhappy with a school, or if the municipality does not offer a preschool place within four months.",
        },
    },
    {
        "key": "okn",
        "name": "Överklagandenämnden för skolväsendet",
        "short_name": "",
        "url": "https://www.overklagandenamnden.se",
        "level": "stat",
        "topics": ["skola-och-utbildning", "rattigheter"],
        "description": "Prövar överklaganden av vissa beslut inom skolan, till exempel om mottagande och placering. I beslutet från kommunen står det vart du överklagar.",
        "en": {
            "name": "School Appeals Board",
            "description": "Hears appeals against certain decisions in schools, for example on admission and placement. The municipality's decision tells you where to appeal.",
        },
    },
    {
        "key": "csn",
        "name": "CSN",
        "short_name": "",
        "url": "https://www.csn.se",
        "level": "stat",
        "topics": ["skola-och-utbildning"],
        "description": "Studiebidrag för dig som går i gymnasiet, och studiemedel för dig som studerar på vuxenutbildning, folkhögskola eller högskola.",
        "en": {
            "name": "CSN, the Swedish Board of Student Finance",
            "description": "Study allowance for upper-secondary pupils, and student aid for adult education, folk high school or university.",
        },
    },
    {
        "key": "transportstyrelsen",
        "name": "Transportstyrelsen",
        "short_name": "",
        "url": "https://www.transportstyrelsen.se",
        "level": "stat",
        "topics": ["trafik-och-resor"],
        "description": "Körkort, fordonsregistret och reglerna för trafiken. Parkeringstillstånd för rörelsehindrade söker du hos kommunen, men reglerna kommer från Transportstyrelsen.",
        "en": {
            "name": "Swedish Transport Agency",
            "description": "Driving licences, the vehicle register and the traffic rules. You apply for a disabled parking permit to the municipality, but the rules come from the Transport Agency.",
        },
    },
    {
        "key": "trafikverket",
        "name": "Trafikverket",
        "short_name": "",
        "url": "https://www.trafikverket.se",
        "level": "stat",
        "topics": ["trafik-och-resor"],
        "description": "Körprov för körkort och de statliga vägarna, till exempel E45 genom Dalsland. Här ser du också var det är vägarbeten.",
        "en": {
            "name": "Swedish Transport Administration",
            "description": "Driving tests and the state roads, such as the E45 through Dalsland. You can also see where there are road works.",
        },
    },
    {
        "key": "polisen",
        "name": "Polisen",
        "short_name": "",
        "url": "https://polisen.se",
        "level": "stat",
        "topics": ["trygghet-och-kris", "flytta"],
        "description": "Pass och nationellt id-kort, polisanmälan och tillstånd, till exempel för offentliga tillställningar och vapen. Ring 112 vid nödläge och 114 14 för annat.",
        "en": {
            "name": "Swedish Police Authority",
            "description": "Passports and national ID cards, reporting crime and permits, for example for public events and firearms. Call 112 in an emergency and 114 14 for anything else.",
        },
    },
    {
        "key": "migrationsverket",
        "name": "Migrationsverket",
        "short_name": "",
        "url": "https://www.migrationsverket.se",
        "level": "stat",
        "topics": ["flytta", "arbete-och-foretag"],
        "description": "Uppehållstillstånd, arbetstillstånd och svenskt medborgarskap.",
        "en": {
            "name": "Swedish Migration Agency",
            "description": "Residence permits, work permits and Swedish citizenship.",
        },
    },
    {
        "key": "verksamt",
        "name": "verksamt.se",
        "short_name": "",
        "url": "https://www.verksamt.se",
        "level": "stat",
        "topics": ["arbete-och-foretag"],
        "description": "Myndigheternas gemensamma webbplats för dig som ska starta och driva företag. Här registrerar du företaget och ansöker om F-skatt. Bakom står Bolagsverket, Skatteverket, Tillväxtverket och Arbetsförmedlingen.",
        "en": {
            "name": "verksamt.se",
            "description": "The agencies' joint website for starting and running a business. Register your business and apply for F-tax approval here. It is run by the Companies Registration Office, the Tax Agency, the Agency for Economic and Regional Growth and the Public Employment Service.",
        },
    },
    {
        "key": "bolagsverket",
        "name": "Bolagsverket",
        "short_name": "",
        "url": "https://bolagsverket.se",
        "level": "stat",
        "topics": ["arbete-och-foretag"],
        "description": "Registrerar aktiebolag, handelsbolag och andra företag. Bolagsverket ger också ut Post- och Inrikes Tidningar, där myndigheter och domstolar kungör beslut.",
        "en": {
            "name": "Swedish Companies Registration Office",
            "description": "Registers limited companies, trading partnerships and other businesses. It also publishes Post- och Inrikes Tidningar, the official gazette where agencies and courts announce decisions.",
        },
    },
    {
        "key": "1177",
        "name": "1177",
        "short_name": "",
        "url": "https://www.1177.se",
        "level": "stat",
        "topics": ["vard-och-omsorg", "barn-och-familj"],
        "description": "Råd om hälsa och vård dygnet runt. Ring 1177 för sjukvårdsrådgivning, eller logga in för att kontakta din vårdcentral och läsa din journal.",
        "en": {
            "name": "1177",
            "description": "Advice on health and care around the clock. Call 1177 for medical advice, or log in to contact your health centre and read your medical records.",
        },
    },
    {
        "key": "krisinformation",
        "name": "Krisinformation.se",
        "short_name": "",
        "url": "https://www.krisinformation.se",
        "level": "stat",
        "topics": ["trygghet-och-kris"],
        "description": "Samlad information från myndigheterna vid kriser och allvarliga händelser, till exempel viktigt meddelande till allmänheten (VMA).",
        "en": {
            "name": "Krisinformation.se",
            "description": "Information from the authorities gathered in one place during crises and serious events, such as important public announcements (VMA).",
        },
    },
    {
        "key": "digg",
        "name": "Myndigheten för digital förvaltning",
        "short_name": "Digg",
        "url": "https://www.digg.se",
        "level": "stat",
        "topics": ["digitala-tjanster", "rattigheter"],
        "description": "Hit kan du anmäla om en offentlig webbplats eller app inte är tillgänglig och kommunen inte har rättat bristen. Digg ansvarar också för e-legitimation och e-faktura i offentlig sektor.",
        "en": {
            "name": "Agency for Digital Government",
            "description": "You can report here if a public website or app is not accessible and the municipality has not fixed it. Digg is also responsible for e-ID and e-invoicing in the public sector.",
        },
    },
    {
        "key": "swedenconnect",
        "name": "Sweden Connect",
        "short_name": "",
        "url": "https://www.swedenconnect.se",
        "level": "stat",
        "topics": ["digitala-tjanster"],
        "description": "Den gemensamma lösningen för inloggning med e-legitimation i offentliga e-tjänster, också med e-legitimation från andra EU-länder. Mest för den som bygger e-tjänster.",
        "en": {
            "name": "Sweden Connect",
            "description": "The shared solution for logging in with an e-ID to public e-services, also with e-IDs from other EU countries. Mainly for those who build e-services.",
        },
    },
    {
        "key": "elegitimation",
        "name": "E-legitimation.se",
        "short_name": "",
        "url": "https://elegitimation.se",
        "level": "stat",
        "topics": ["digitala-tjanster"],
        "description": "Om e-legitimationer: vilka som är godkända för offentliga e-tjänster och hur du skaffar en.",
        "en": {
            "name": "E-legitimation.se",
            "description": "About e-IDs: which are approved for public e-services and how to get one.",
        },
    },
    {
        "key": "imy",
        "name": "Integritetsskyddsmyndigheten",
        "short_name": "IMY",
        "url": "https://www.imy.se",
        "level": "stat",
        "topics": ["rattigheter", "digitala-tjanster"],
        "description": "Hit kan du klaga om du tycker att kommunen eller någon annan behandlar dina personuppgifter på fel sätt.",
        "en": {
            "name": "Swedish Authority for Privacy Protection",
            "description": "You can complain here if you think the municipality or anyone else handles your personal data wrongly.",
        },
    },
    {
        "key": "pts",
        "name": "Post- och telestyrelsen",
        "short_name": "PTS",
        "url": "https://www.pts.se",
        "level": "stat",
        "topics": ["digitala-tjanster"],
        "description": "Ansvarar för post, telefoni och internet, och för reglerna om kakor (cookies) på webbplatser.",
        "en": {
            "name": "Swedish Post and Telecom Authority",
            "description": "Responsible for post, telephony and the internet, and for the rules on cookies on websites.",
        },
    },
    {
        "key": "minameddelanden",
        "name": "Mina meddelanden",
        "short_name": "",
        "url": "https://www.minameddelanden.se",
        "level": "stat",
        "topics": ["digitala-tjanster"],
        "description": "Din digitala brevlåda för post från myndigheter och kommuner. Du väljer själv vilken brevlåda du vill använda.",
        "en": {
            "name": "Mina meddelanden (digital official mail)",
            "description": "Your digital mailbox for post from agencies and municipalities. You choose which mailbox to use.",
        },
    },
    {
        "key": "domstol",
        "name": "Sveriges Domstolar",
        "short_name": "",
        "url": "https://www.domstol.se",
        "level": "stat",
        "topics": ["rattigheter"],
        "description": "Domstolarna prövar tvister och överklaganden. I beslutet du har fått står det vart du överklagar. För Dalsland är det bland annat Förvaltningsrätten i Göteborg och Vänersborgs tingsrätt.",
        "en": {
            "name": "Swedish Courts",
            "description": "The courts settle disputes and hear appeals. The decision you received tells you where to appeal. For Dalsland, these include the Administrative Court in Gothenburg and Vänersborg District Court.",
        },
    },
    {
        "key": "minoritet",
        "name": "minoritet.se",
        "short_name": "",
        "url": "https://www.minoritet.se",
        "level": "stat",
        "topics": ["rattigheter"],
        "description": "Om de nationella minoriteternas rättigheter och språk: judar, romer, samer, sverigefinnar och tornedalingar. Drivs av Länsstyrelsen i Stockholms län och Sametinget.",
        "en": {
            "name": "minoritet.se",
            "description": "About the rights and languages of the national minorities: Jews, Roma, Sami, Sweden Finns and Tornedalians. Run by the County Administrative Board of Stockholm and the Sami Parliament.",
        },
    },
    {
        "key": "webbriktlinjer",
        "name": "Webbriktlinjer.se",
        "short_name": "",
        "url": "https://webbriktlinjer.se",
        "level": "stat",
        "topics": ["digitala-tjanster"],
        "description": "Diggs vägledning för hur offentliga webbplatser ska byggas och skrivas, så att alla kan använda dem.",
        "en": {
            "name": "Webbriktlinjer.se",
            "description": "Digg's guidance on how public websites should be built and written so that everyone can use them.",
        },
    },
    # --- EU -------------------------------------------------------------------------------------
    {
        "key": "youreurope",
        "name": "Ditt Europa",
        "short_name": "Your Europe",
        "url": "https://europa.eu/youreurope/",
        "level": "eu",
        "topics": ["flytta", "arbete-och-foretag", "rattigheter"],
        "description": "EU:s guide till dina rättigheter när du flyttar, arbetar, studerar eller driver företag i ett annat EU-land.",
        "en": {
            "name": "Your Europe",
            "description": "The EU's guide to your rights when you move, work, study or run a business in another EU country.",
        },
    },
]


GUIDES = [
    {
        "slug": "flytta-till-dalsland",
        "title": "Flytta till Dalsland",
        "topic": "flytta",
        "intro": "Ska du flytta till Bengtsfors, Dals-Ed, Färgelanda, Mellerud eller Åmål? Här är det du behöver göra, steg för steg.",
        "steps": [
            {
                "title": "Anmäl flytten till Skatteverket",
                "text": "<p>Gör en flyttanmälan till Skatteverket senast en vecka efter att du har flyttat. Du kan göra den tidigast fyra veckor före flytten. Då blir du folkbokförd på din nya adress, och kommunen, regionen och andra myndigheter får veta var du bor.</p>",
                "agencies": [
                    (
                        "skatteverket",
                        "Gör flyttanmälan i Skatteverkets e-tjänst med e-legitimation.",
                    )
                ],
            },
            {
                "title": "Kommer du från ett annat land?",
                "text": "<p>Kommer du från ett land utanför EU behöver du oftast uppehållstillstånd innan du kan folkbokföras. Första gången du folkbokför dig i Sverige besöker du ett av Skatteverkets servicekontor.</p><p>Är du medborgare i ett annat EU-land har du rätt att bo här om du arbetar, studerar eller kan försörja dig.</p>",
                "agencies": [
                    ("migrationsverket", "Ansök om uppehållstillstånd eller arbetstillstånd."),
                    ("youreurope", "Dina rättigheter när du flyttar inom EU."),
                    ("skatteverket", "Anmäl flytt till Sverige på ett servicekontor."),
                ],
            },
            {
                "title": "Förskola och skola för barnen",
                "text": "<p>Har du barn ansöker du om plats i förskola eller fritidshem i din nya kommun. Kommunen ska erbjuda plats inom fyra månader från att du har ansökt. Ska barnet börja i grundskolan kontaktar du kommunen om skolplacering.</p>",
                "services": ["forskola", "skolval"],
                "eservice": "forskola",
                "agencies": [("skolverket", "")],
            },
            {
                "title": "Vatten, avlopp och sophämtning",
                "text": "<p>Köper du ett hus med kommunalt vatten och avlopp meddelar du kommunen att du är ny ägare, så att fakturorna kommer till dig. Sophämtningen följer med bostaden.</p><p>Har huset eget avlopp ansvarar du som ägare för att det fungerar.</p>",
                "services": ["vatten-och-avlopp", "avfall-och-atervinning", "enskilt-avlopp"],
            },
            {
                "title": "Har du köpt en fastighet?",
                "text": "<p>När du har köpt en fastighet söker du lagfart hos Lantmäteriet inom tre månader från köpet. Lagfarten visar att du är ägare.</p>",
                "agencies": [("lantmateriet", "Sök lagfart inom tre månader från köpet.")],
            },
            {
                "title": "Vård och resor",
                "text": "<p>Välj en vårdcentral nära ditt nya hem. Bussar och tåg i Dalsland körs av Västtrafik.</p>",
                "agencies": [
                    ("1177", "Hitta och välj vårdcentral."),
                    ("vasttrafik", ""),
                ],
            },
            {
                "title": "Lär känna din nya kommun",
                "text": "<p>På kommunens sida hittar du bibliotek, föreningar, fritid och kontaktuppgifter.</p>",
                "municipality_pages": True,
            },
        ],
        "en": {
            "title": "Moving to Dalsland",
            "intro": "Are you moving to Bengtsfors, Dals-Ed, Färgelanda, Mellerud or Åmål? Here is what you need to do, step by step.",
            "steps": [
                {
                    "title": "Report your move to the Swedish Tax Agency",
                    "text": "<p>Report your move to the Swedish Tax Agency no later than one week after you have moved. You can report it at the earliest four weeks before the move. You are then registered at your new address, and the municipality, the region and other agencies learn where you live.</p>",
                    "agencies": ["Report your move in the Tax Agency's e-service with an e-ID."],
                },
                {
                    "title": "Are you coming from another country?",
                    "text": "<p>If you come from a country outside the EU, you usually need a residence permit before you can be registered. The first time you register in Sweden, you visit one of the Tax Agency's service offices.</p><p>If you are a citizen of another EU country, you have the right to live here if you work, study or can support yourself.</p>",
                    "agencies": [
                        "Apply for a residence permit or a work permit.",
                        "Your rights when you move within the EU.",
                        "Report a move to Sweden at a service office.",
                    ],
                },
                {
                    "title": "Preschool and school for your children",
                    "text": "<p>If you have children, apply for a place in preschool or after-school care in your new municipality. The municipality must offer a place within four months of your application. If your child is starting compulsory school, contact the municipality about a school place.</p>",
                    "agencies": [""],
                },
                {
                    "title": "Water, sewage and waste collection",
                    "text": "<p>If you buy a house with municipal water and sewage, tell the municipality that you are the new owner so that the bills come to you. Waste collection comes with the home.</p><p>If the house has its own sewage system, you as the owner are responsible for it working.</p>",
                },
                {
                    "title": "Have you bought a property?",
                    "text": "<p>When you have bought a property, apply to Lantmäteriet for registration of title within three months of the purchase. The title registration shows that you are the owner.</p>",
                    "agencies": [
                        "Apply for registration of title within three months of the purchase."
                    ],
                },
                {
                    "title": "Health care and travel",
                    "text": "<p>Choose a health centre near your new home. Buses and trains in Dalsland are run by Västtrafik.</p>",
                    "agencies": ["Find and choose a health centre.", ""],
                },
                {
                    "title": "Get to know your new municipality",
                    "text": "<p>On the municipality's page you will find libraries, clubs and societies, leisure and contact details.</p>",
                },
            ],
        },
    },
    {
        "slug": "vi-ska-bygga",
        "title": "Vi ska bygga",
        "topic": "bygga-och-bo",
        "intro": "Ska ni bygga nytt, bygga till eller riva? Så här går det till, från idé till färdigt hus.",
        "steps": [
            {
                "title": "Ta reda på vad som gäller för tomten",
                "text": "<p>Börja med att ta reda på vad detaljplanen eller områdesbestämmelserna säger om er fastighet. Kontakta kommunens bygglovshandläggare tidigt, det sparar tid senare.</p><p>Utanför detaljplan kan ni söka förhandsbesked innan ni köper mark eller bestämmer er. Då får ni veta om platsen går att bygga på.</p>",
                "services": ["bygglov", "forhandsbesked"],
                "agencies": [
                    (
                        "boverket",
                        "Tjänsten ”Får jag bygga?” visar om ni behöver lov eller anmälan.",
                    ),
                    ("lantmateriet", "Kartor och uppgifter om fastigheten och dess gränser."),
                ],
            },
            {
                "title": "Behöver ni bygglov eller räcker en anmälan?",
                "text": "<p>Nya hus och tillbyggnader kräver oftast bygglov. Vissa mindre åtgärder, så kallade attefallsåtgärder, kräver bara en anmälan. Att riva en byggnad kan kräva rivningslov.</p><p>Nära sjöar och vattendrag gäller strandskydd, och då behöver ni oftast dispens.</p>",
                "services": ["attefallsatgarder", "rivningslov", "strandskyddsdispens"],
                "agencies": [("boverket", "Regler om bygglov och attefallsåtgärder.")],
            },
            {
                "title": "Sök bygglov",
                "text": "<p>Ni ansöker i kommunens e-tjänst med ritningar och en beskrivning av vad ni vill bygga. Kommunen ska fatta beslut inom tio veckor från att ansökan är komplett. Blir beslutet försenat sänks avgiften med en femtedel för varje påbörjad vecka.</p>",
                "services": ["bygglov"],
                "eservice": "bygglov",
            },
            {
                "title": "Vatten och avlopp",
                "text": "<p>Ska huset ha eget avlopp behöver ni tillstånd eller göra en anmälan innan ni anlägger det. Ska huset anslutas till kommunalt vatten och avlopp ansöker ni om anslutning hos kommunen.</p>",
                "services": ["enskilt-avlopp", "vatten-och-avlopp"],
            },
            {
                "title": "Tekniskt samråd och startbesked",
                "text": "<p>Ni får inte börja bygga förrän ni har fått startbesked, även om ni har bygglov. För större byggen håller kommunen först ett tekniskt samråd, och ni behöver en kontrollansvarig.</p>",
                "services": ["bygglov"],
                "agencies": [("boverket", "Byggreglerna och vad en kontrollansvarig gör.")],
            },
            {
                "title": "Slutbesked och lagfart",
                "text": "<p>När bygget är klart ansöker ni om slutbesked. Ni får inte börja använda byggnaden förrän ni har fått det.</p><p>Har ni köpt mark söker ni lagfart hos Lantmäteriet. Ska en tomt styckas av gör Lantmäteriet en lantmäteriförrättning.</p>",
                "agencies": [("lantmateriet", "Lagfart och avstyckning.")],
            },
            {
                "title": "Om ni inte är nöjda med beslutet",
                "text": "<p>Ni kan överklaga kommunens beslut om bygglov. Överklagandet skickar ni till kommunen, som skickar det vidare till Länsstyrelsen. Hur ni gör står i beslutet.</p>",
                "agencies": [("lansstyrelsen", "Prövar överklaganden av beslut om bygglov.")],
            },
        ],
        "en": {
            "title": "We are going to build",
            "intro": "Are you building a new house, extending or demolishing? This is how it works, from idea to finished house.",
            "steps": [
                {
                    "title": "Find out what applies to your plot",
                    "text": "<p>Start by finding out what the detailed development plan or area regulations say about your property. Contact the municipality's building permit officers early; it saves time later.</p><p>Outside a detailed plan you can apply for an advance notice before you buy land or decide. It tells you whether the site can be built on.</p>",
                    "agencies": [
                        "The service “Får jag bygga?” shows whether you need a permit or a notification.",
                        "Maps and information about the property and its boundaries.",
                    ],
                },
                {
                    "title": "Do you need a building permit or is a notification enough?",
                    "text": "<p>New houses and extensions usually need a building permit. Some smaller measures, known as Attefall measures, only need a notification. Demolishing a building may need a demolition permit.</p><p>Near lakes and watercourses, shoreline protection applies, and you usually need an exemption.</p>",
                    "agencies": ["Rules on building permits and Attefall measures."],
                },
                {
                    "title": "Apply for a building permit",
                    "text": "<p>Apply in the municipality's e-service with drawings and a description of what you want to build. The municipality must decide within ten weeks of the application being complete. If the decision is late, the fee is reduced by one fifth for each week or part of a week.</p>",
                },
                {
                    "title": "Water and sewage",
                    "text": "<p>If the house is to have its own sewage system, you need a permit or must notify the municipality before you install it. If the house is to be connected to municipal water and sewage, apply to the municipality for a connection.</p>",
                },
                {
                    "title": "Technical consultation and start notice",
                    "text": "<p>You may not start building until you have received a start notice, even if you have a building permit. For larger projects the municipality first holds a technical consultation, and you need a certified quality controller.</p>",
                    "agencies": ["The building regulations and what a quality controller does."],
                },
                {
                    "title": "Final notice and title registration",
                    "text": "<p>When the building is finished, apply for a final notice. You may not start using the building until you have received it.</p><p>If you have bought land, apply to Lantmäteriet for registration of title. If a plot is to be divided off, Lantmäteriet carries out a cadastral procedure.</p>",
                    "agencies": ["Title registration and dividing off a plot."],
                },
                {
                    "title": "If you are not satisfied with the decision",
                    "text": "<p>You can appeal against the municipality's decision on a building permit. Send the appeal to the municipality, which passes it on to the County Administrative Board. The decision tells you how.</p>",
                    "agencies": ["Hears appeals against building permit decisions."],
                },
            ],
        },
    },
    {
        "slug": "vi-ska-fa-barn",
        "title": "Vi ska få barn",
        "topic": "barn-och-familj",
        "intro": "Grattis! Här är det som händer och det ni behöver göra, från graviditeten till förskolan.",
        "steps": [
            {
                "title": "Under graviditeten",
                "text": "<p>Barnmorskemottagningen följer graviditeten och ger råd. Du hittar din mottagning på 1177.</p><p>Har du ett fysiskt ansträngande arbete kan du ha rätt till graviditetspenning.</p>",
                "agencies": [
                    ("1177", "Hitta barnmorskemottagning och läs om graviditet."),
                    ("forsakringskassan", "Graviditetspenning och föräldrapenning."),
                ],
            },
            {
                "title": "När barnet är fött",
                "text": "<p>Barnet folkbokförs när sjukhuset har anmält födseln till Skatteverket. Barnet ska få ett förnamn inom tre månader.</p><p>Är ni inte gifta med varandra behöver föräldraskapet bekräftas. Det kan ni göra digitalt hos Skatteverket i samband med födseln, eller hos familjerätten i kommunen.</p>",
                "agencies": [("skatteverket", "Anmäl barnets namn och bekräfta föräldraskap.")],
            },
            {
                "title": "Föräldrapenning och barnbidrag",
                "text": "<p>Barnbidraget kommer automatiskt från månaden efter att barnet är fött. Föräldrapenning ansöker ni om hos Försäkringskassan, och ni har tillsammans 480 dagar för varje barn. Blir barnet sjukt kan ni få tillfällig föräldrapenning (vab).</p>",
                "agencies": [("forsakringskassan", "")],
            },
            {
                "title": "Barnhälsovården",
                "text": "<p>Barnavårdscentralen (BVC) följer barnets hälsa och utveckling och erbjuder vaccinationer. Ni blir kallade efter födseln.</p>",
                "agencies": [("1177", "Om barns hälsa, vaccinationer och BVC.")],
            },
            {
                "title": "Förskola och fritidshem",
                "text": "<p>Barn har rätt till förskola från ett års ålder. Ansök i god tid: kommunen ska erbjuda plats inom fyra månader. Avgiften följer maxtaxan och beror på hushållets inkomst. När barnet börjar skolan kan det gå på fritidshem.</p>",
                "services": ["forskola", "fritidshem"],
                "eservice": "forskola",
                "agencies": [
                    ("skolverket", "Maxtaxan för förskola och fritidshem."),
                    (
                        "skolinspektionen",
                        "Anmäl om kommunen inte erbjuder plats inom fyra månader.",
                    ),
                ],
            },
        ],
        "en": {
            "title": "We are having a baby",
            "intro": "Congratulations! Here is what happens and what you need to do, from pregnancy to preschool.",
            "steps": [
                {
                    "title": "During pregnancy",
                    "text": "<p>The antenatal clinic follows the pregnancy and gives advice. You can find your clinic on 1177.</p><p>If your job is physically demanding, you may be entitled to pregnancy benefit.</p>",
                    "agencies": [
                        "Find an antenatal clinic and read about pregnancy.",
                        "Pregnancy benefit and parental benefit.",
                    ],
                },
                {
                    "title": "When the baby is born",
                    "text": "<p>The baby is registered once the hospital has reported the birth to the Swedish Tax Agency. The baby must have a first name within three months.</p><p>If you are not married to each other, parenthood must be confirmed. You can do this digitally with the Tax Agency in connection with the birth, or with the municipality's family law service.</p>",
                    "agencies": ["Report the baby's name and confirm parenthood."],
                },
                {
                    "title": "Parental benefit and child allowance",
                    "text": "<p>Child allowance is paid automatically from the month after the birth. You apply for parental benefit from the Social Insurance Agency, and together you have 480 days for each child. If your child is ill, you can get temporary parental benefit.</p>",
                    "agencies": [""],
                },
                {
                    "title": "Child health care",
                    "text": "<p>The child health centre (BVC) follows your child's health and development and offers vaccinations. You will be called after the birth.</p>",
                    "agencies": ["About children's health, vaccinations and child health centres."],
                },
                {
                    "title": "Preschool and after-school care",
                    "text": "<p>Children have the right to preschool from the age of one. Apply in good time: the municipality must offer a place within four months. The fee follows the maximum fee and depends on the household's income. When the child starts school, they can attend after-school care.</p>",
                    "agencies": [
                        "The maximum fee for preschool and after-school care.",
                        "Report if the municipality does not offer a place within four months.",
                    ],
                },
            ],
        },
    },
    {
        "slug": "starta-foretag",
        "title": "Starta företag",
        "topic": "arbete-och-foretag",
        "intro": "Har du en affärsidé? Så här kommer du igång, från rådgivning till registrering och tillstånd.",
        "steps": [
            {
                "title": "Få råd inför starten",
                "text": "<p>Kommunens näringslivsenhet ger gratis råd och hjälper dig med kontakter, lokaler och mark. På verksamt.se finns myndigheternas samlade information om att starta och driva företag.</p>",
                "services": ["starta-foretag"],
                "agencies": [
                    ("verksamt", ""),
                    ("fyrbodal", "Regional utveckling och näringsliv i Fyrbodal."),
                ],
            },
            {
                "title": "Välj företagsform och registrera företaget",
                "text": "<p>Enskild näringsverksamhet (enskild firma) är vanligast för den som startar ensam. Ett aktiebolag eller handelsbolag registrerar du hos Bolagsverket. Du kan registrera företaget och ansöka om F-skatt i samma e-tjänst på verksamt.se.</p>",
                "agencies": [
                    ("verksamt", "Registrera företaget och ansök om F-skatt."),
                    ("bolagsverket", "Registrera aktiebolag och handelsbolag."),
                ],
            },
            {
                "title": "F-skatt, moms och arbetsgivare",
                "text": "<p>De flesta som startar företag behöver godkännande för F-skatt. Säljer du varor eller tjänster ska du oftast också registrera dig för moms. Ska du anställa registrerar du dig som arbetsgivare.</p>",
                "agencies": [("skatteverket", "F-skatt, moms och arbetsgivarregistrering.")],
            },
            {
                "title": "Tillstånd från kommunen",
                "text": "<p>Vissa verksamheter behöver tillstånd från kommunen innan du startar, till exempel om du ska servera alkohol eller bygga om en lokal. Hanterar du livsmedel ska verksamheten registreras hos kommunen eller miljöförbundet.</p>",
                "services": ["serveringstillstand", "bygglov"],
            },
            {
                "title": "Anställa och sälja i andra länder",
                "text": "<p>Arbetsförmedlingen kan hjälpa dig att hitta personal. Vill du sälja till andra EU-länder finns regler och stöd samlade hos EU.</p>",
                "agencies": [
                    ("arbetsformedlingen", "Hitta personal."),
                    ("youreurope", "Sälja varor och tjänster i andra EU-länder."),
                ],
            },
        ],
        "en": {
            "title": "Starting a business",
            "intro": "Do you have a business idea? Here is how to get started, from advice to registration and permits.",
            "steps": [
                {
                    "title": "Get advice before you start",
                    "text": "<p>The municipality's business development unit gives free advice and helps you with contacts, premises and land. verksamt.se gathers the agencies' information on starting and running a business.</p>",
                    "agencies": ["", "Regional development and business in Fyrbodal."],
                },
                {
                    "title": "Choose a legal form and register the business",
                    "text": "<p>A sole proprietorship is the most common form for those starting alone. You register a limited company or trading partnership with the Companies Registration Office. You can register the business and apply for F-tax approval in the same e-service on verksamt.se.</p>",
                    "agencies": [
                        "Register the business and apply for F-tax approval.",
                        "Register limited companies and trading partnerships.",
                    ],
                },
                {
                    "title": "F-tax, VAT and employer registration",
                    "text": "<p>Most people starting a business need F-tax approval. If you sell goods or services, you usually also need to register for VAT. If you are going to employ staff, you register as an employer.</p>",
                    "agencies": ["F-tax, VAT and employer registration."],
                },
                {
                    "title": "Permits from the municipality",
                    "text": "<p>Some businesses need a permit from the municipality before they start, for example to serve alcohol or to convert premises. If you handle food, the business must be registered with the municipality or the environmental association.</p>",
                },
                {
                    "title": "Employing staff and selling abroad",
                    "text": "<p>The Public Employment Service can help you find staff. If you want to sell to other EU countries, the EU gathers the rules and support in one place.</p>",
                    "agencies": [
                        "Find staff.",
                        "Selling goods and services in other EU countries.",
                    ],
                },
            ],
        },
    },
    {
        "slug": "nar-nagon-har-dott",
        "title": "När någon har dött",
        "topic": "pension-och-dodsfall",
        "intro": "När någon nära dör finns det mycket att ta hand om. Här är de viktigaste stegen och var du får hjälp. Allt behöver inte göras på en gång.",
        "steps": [
            {
                "title": "De första dagarna",
                "text": "<p>Läkaren anmäler dödsfallet till Skatteverket, så det behöver du inte göra själv. Kontakta gärna en begravningsbyrå om du vill ha hjälp med begravningen. Kroppen ska begravas eller kremeras inom en månad från dödsfallet.</p>",
                "agencies": [
                    (
                        "skatteverket",
                        "Beställ dödsfallsintyg med släktutredning, som banker och andra ofta vill se.",
                    )
                ],
            },
            {
                "title": "Dödsboet och bouppteckningen",
                "text": "<p>Det den döda personen ägde och var skyldig blir ett dödsbo. Inom tre månader från dödsfallet ska en bouppteckning göras, och den ska lämnas in till Skatteverket inom en månad efter att den är gjord.</p><p>Räcker tillgångarna bara till begravningen kan kommunen göra en dödsboanmälan i stället. Kontakta kommunens socialtjänst.</p>",
                "agencies": [("skatteverket", "Lämna in bouppteckningen.")],
            },
            {
                "title": "Pension till efterlevande",
                "text": "<p>Den som var gift eller sambo med den som dog kan under vissa villkor få omställningspension, och barn kan få barnpension. Det ansöker du om hos Pensionsmyndigheten.</p>",
                "agencies": [("pensionsmyndigheten", "Omställningspension och barnpension.")],
            },
            {
                "title": "Hemtjänst, boende och fastighet",
                "text": "<p>Hade den som dog hemtjänst eller bodde i särskilt boende, kontakta kommunen om att avsluta insatserna och lämna tillbaka hjälpmedel.</p><p>Ägde den som dog en fastighet söker den som ärver lagfart hos Lantmäteriet efter arvskiftet.</p>",
                "services": ["hemtjanst", "sarskilt-boende"],
                "agencies": [("lantmateriet", "Lagfart för den som har ärvt en fastighet.")],
            },
            {
                "title": "Stöd för dig som är kvar",
                "text": "<p>Det är vanligt att sorgen tar tid. Du kan få samtalsstöd genom vården. Saknar dödsboet pengar till begravningen kan kommunen i vissa fall hjälpa till.</p>",
                "services": ["ekonomiskt-bistand"],
                "agencies": [("1177", "Om sorg och var du kan få stöd.")],
            },
        ],
        "en": {
            "title": "When someone has died",
            "intro": "When someone close to you dies, there is a lot to take care of. Here are the most important steps and where to get help. Not everything has to be done at once.",
            "steps": [
                {
                    "title": "The first days",
                    "text": "<p>The doctor reports the death to the Swedish Tax Agency, so you do not need to do that yourself. You may want to contact a funeral director for help with the funeral. The body must be buried or cremated within one month of the death.</p>",
                    "agencies": [
                        "Order a death certificate with a family record, which banks and others often ask for."
                    ],
                },
                {
                    "title": "The estate and the estate inventory",
                    "text": "<p>What the deceased owned and owed becomes an estate. An estate inventory must be drawn up within three months of the death and submitted to the Tax Agency within one month after it has been drawn up.</p><p>If the assets only cover the funeral, the municipality can make an estate notification instead. Contact the municipality's social services.</p>",
                    "agencies": ["Submit the estate inventory."],
                },
                {
                    "title": "Pension for survivors",
                    "text": "<p>A person who was married to or lived with the deceased may, under certain conditions, receive an adjustment pension, and children may receive a child's pension. Apply to the Pensions Agency.</p>",
                    "agencies": ["Adjustment pension and child's pension."],
                },
                {
                    "title": "Home help, housing and property",
                    "text": "<p>If the deceased had home help or lived in residential care, contact the municipality to end the services and return aids.</p><p>If the deceased owned a property, the heir applies to Lantmäteriet for registration of title after the estate has been distributed.</p>",
                    "agencies": ["Registration of title for those who have inherited a property."],
                },
                {
                    "title": "Support for you who are left",
                    "text": "<p>Grief often takes time. You can get counselling through the health services. If the estate cannot pay for the funeral, the municipality can help in some cases.</p>",
                    "agencies": ["About grief and where to find support."],
                },
            ],
        },
    },
]
