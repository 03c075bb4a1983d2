"""Demo content: contact pages, the joint accessibility statement, information pages (privacy,
cookies, national minorities, about) and the web forms.

Data only. FORMS keys are referenced from services.py (`apply`) and from
ACCESSIBILITY_STATEMENT["feedback_form"]. A form's "parent" is None (Dalsland-wide, under the
start page) or (municipality slug, department slug); "department", the same pair, routes the
e-mail to that department's mailbox when a form has no "to_address" of its own. A form and
each of its fields may have "en": the English translation.
"""

from .departments import JOINT_DEPARTMENTS
from .services import MUNICIPALITIES, department

# The joint portal is run from Mellerud on behalf of all five municipalities; its editorial and
# accessibility mailboxes are therefore at mellerud.se.
PORTAL_EMAIL = "dalslandsportalen@mellerud.se"
ACCESSIBILITY_EMAIL = "tillganglighet@mellerud.se"

# Where to visit each municipality. The switchboard number and main e-mail address come from
# the department of the municipal executive board (role "ks" in services.ROLES).
OFFICES = {
    "bengtsfors": {
        "place": "kommunhuset i Bengtsfors",
        "place_en": "the municipal offices in Bengtsfors",
    },
    "dals-ed": {"place": "kommunkontoret i Ed", "place_en": "the municipal offices in Ed"},
    "fargelanda": {
        "place": "kommunhuset på Allhemsvägen 5 i Färgelanda",
        "place_en": "the municipal offices at Allhemsvägen 5 in Färgelanda",
    },
    "mellerud": {
        "place": "Medborgarkontoret i kommunhuset, Storgatan 13 i Mellerud",
        "place_en": "the Citizen Service Office in the municipal offices, Storgatan 13, Mellerud",
    },
    "amal": {"place": "Stadshuset i Åmål", "place_en": "the Town Hall in Åmål"},
}


def _main(m):
    return department(m, "ks")


def _contact_page(m):
    main = _main(m)
    name = MUNICIPALITIES[m]["name"]
    en_name = MUNICIPALITIES[m]["en"]
    office = OFFICES[m]
    return {
        "slug": "kontakt",
        "title": "Kontakta oss",
        "intro": (
            f"Ring, mejla eller besök {name}. Vi hjälper dig eller kopplar dig vidare till "
            "rätt person."
        ),
        "body": [
            (
                "paragraph",
                f"<p>Ring växeln på <strong>{main['phone']}</strong> eller skicka e-post till "
                f"<strong>{main['email']}</strong>. Vi svarar på frågor om alla kommunens "
                "verksamheter eller kopplar dig vidare.</p>",
            ),
            ("heading", "Besök oss"),
            (
                "paragraph",
                f"<p>Du är välkommen till {office['place']} vardagar klockan 8.00–16.00. Vill du "
                "träffa en viss handläggare? Boka gärna en tid först.</p>",
            ),
            ("heading", "Behöver du tolk?"),
            (
                "paragraph",
                "<p>Behöver du tolk när du har kontakt med kommunen i ett ärende? Säg till när du "
                "bokar ett möte, så ordnar vi det.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Har du skyddade personuppgifter?",
                    "text": "<p>Skicka inte känsliga uppgifter med e-post. Ring oss, så kommer vi "
                    "överens om hur vi ska ha kontakt.</p>",
                    "kind": "important",
                },
            ),
        ],
        "en": {
            "title": "Contact us",
            "intro": (
                f"Call, e-mail or visit {en_name}. We will help you or put you through to "
                "the right person."
            ),
            "body": [
                (
                    "paragraph",
                    f"<p>Call the switchboard on <strong>{main['phone']}</strong> or send an "
                    f"e-mail to <strong>{main['email']}</strong>. We answer questions about all "
                    "the municipality's services or put you through.</p>",
                ),
                ("heading", "Visit us"),
                (
                    "paragraph",
                    f"<p>You are welcome at {office['place_en']} on weekdays from 8.00 to 16.00. "
                    "If you want to meet a particular case officer, please book a time first.</p>",
                ),
                ("heading", "Do you need an interpreter?"),
                (
                    "paragraph",
                    "<p>Do you need an interpreter for your contact with the municipality about a "
                    "matter? Tell us when you book a meeting and we will arrange it.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Do you have protected personal data?",
                        "text": "<p>Do not send sensitive information by e-mail. Call us and we "
                        "will agree on how to stay in touch.</p>",
                        "kind": "important",
                    },
                ),
            ],
        },
    }


_association = next(
    d for d in JOINT_DEPARTMENTS if d["slug"] == "dalslands-miljo-och-energiforbund"
)

CONTACT_PAGES = {
    None: {
        "slug": "kontakt",
        "title": "Kontakta oss",
        "intro": (
            "Vänd dig till den kommun där du bor eller där ditt ärende finns. Här hittar du "
            "också kontaktuppgifter till Dalslandsportalen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Varje kommun har sin egen växel och sitt eget kontaktcenter. Vet du inte "
                "vilken kommun ditt ärende hör till, ring den kommun där du bor. Vi hjälper dig "
                "vidare.</p>",
            ),
            ("heading", "Miljö, hälsoskydd och livsmedel"),
            (
                "paragraph",
                "<p>Dalslands miljö- och energiförbund sköter miljö- och hälsoskydd och "
                "livsmedelskontroll för Bengtsfors, Dals-Ed, Färgelanda och Mellerud. Ring "
                f"{_association['phone']} eller skicka e-post till {_association['email']}. "
                f"Kontoret finns på {_association['visiting_address']}.</p>"
                "<p>I Åmål sköts de här frågorna av kommunens samhällsbyggnadsförvaltning.</p>",
            ),
            ("heading", "Frågor om Dalslandsportalen"),
            (
                "paragraph",
                f"<p>Har du frågor om webbplatsen, eller har du hittat ett fel? Skicka e-post till "
                f"{PORTAL_EMAIL} eller använd formuläret Lämna synpunkter.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Har du skyddade personuppgifter?",
                    "text": "<p>Skicka inte känsliga uppgifter med e-post eller formulär. Ring din "
                    "kommun, så kommer vi överens om hur vi ska ha kontakt.</p>",
                    "kind": "important",
                },
            ),
        ],
        "en": {
            "title": "Contact us",
            "intro": (
                "Contact the municipality where you live or where your matter is handled. "
                "Here you will also find contact details for Dalslandsportalen."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Each municipality has its own switchboard and contact centre. If you do "
                    "not know which municipality your matter belongs to, call the one where you "
                    "live. We will help you further.</p>",
                ),
                ("heading", "Environment, health protection and food"),
                (
                    "paragraph",
                    "<p>Dalslands miljö- och energiförbund, the joint environmental association, "
                    "handles environmental and health protection and food control for Bengtsfors, "
                    f"Dals-Ed, Färgelanda and Mellerud. Call {_association['phone']} or send an "
                    f"e-mail to {_association['email']}. The office is at "
                    f"{_association['visiting_address']}.</p>"
                    "<p>In Åmål these matters are handled by the municipality's Community Planning "
                    "Department.</p>",
                ),
                ("heading", "Questions about Dalslandsportalen"),
                (
                    "paragraph",
                    "<p>Do you have questions about the website, or have you found an error? Send "
                    f"an e-mail to {PORTAL_EMAIL} or use the feedback form.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Do you have protected personal data?",
                        "text": "<p>Do not send sensitive information by e-mail or web form. Call "
                        "your municipality and we will agree on how to stay in touch.</p>",
                        "kind": "important",
                    },
                ),
            ],
        },
    },
    **{m: _contact_page(m) for m in ("bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal")},
}


# ---------------------------------------------------------------------------------------------
# Accessibility statement (DOMAIN.md §4.2, all eleven items)
# ---------------------------------------------------------------------------------------------

ACCESSIBILITY_STATEMENT = {
    "slug": "tillganglighetsredogorelse",
    "title": "Tillgänglighetsredogörelse",
    "intro": (
        "Bengtsfors, Dals-Ed, Färgelanda, Mellerud och Åmål står bakom Dalslandsportalen. Vi vill "
        "att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur den "
        "uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi "
        "känner till och hur du kan rapportera problem."
    ),
    "organisation_name": "Bengtsfors, Dals-Eds, Färgelanda, Melleruds och Åmåls kommuner",
    "service_name": "Dalslandsportalen",
    "services_covered": (
        "<ul><li>Webbplatsen Dalslandsportalen: startsidan, kommunsidorna, tjänstesidorna och "
        "nyheterna för alla fem kommunerna</li><li>Sökfunktionen och diariesökningen</li>"
        "<li>Webbformulären, till exempel felanmälan, synpunkter och begäran om allmän "
        "handling</li><li>Medarbetarportalen för anställda i de fem kommunerna</li></ul>"
    ),
    "compliance": "delvis",
    "inaccessible_content": [
        {
            "title": "PDF-dokument som inte är tillgängliga",
            "description": (
                "Vissa protokoll och bilagor som har publicerats efter 23 september 2018 är "
                "inskannade bilder eller saknar taggar, rubriker och dokumenttitel. De kan vara "
                "svåra eller omöjliga att läsa med skärmläsare."
            ),
            "criteria": "1.1.1, 1.3.1, 2.4.2, 3.1.1",
            "remedy": (
                "Nya protokoll skapas som taggade PDF-filer. Äldre dokument byter vi ut i tur och "
                "ordning, och direkt om någon ber om en tillgänglig version. Blanketterna att "
                "skriva ut har titel, språk och taggar men följer inte hela PDF/UA-standarden; "
                "samma uppgifter kan du lämna i webbformulären."
            ),
        },
        {
            "title": "Inbäddade kartor från en extern leverantör",
            "description": (
                "Kartorna som visar detaljplaner och platser för felanmälan kommer från en extern "
                "leverantör. De går inte att använda med bara tangentbord och saknar "
                "textalternativ. Viktig information finns inte alltid också i text."
            ),
            "criteria": "1.1.1, 2.1.1, 2.4.3, 4.1.2",
            "remedy": (
                "Vi skriver ut adress och beskrivning av platsen i text bredvid kartan. Vi ställer "
                "krav på tillgänglighet när kartverktyget upphandlas på nytt."
            ),
        },
        {
            "title": "Filmer utan undertexter i nyhetsarkivet",
            "description": (
                "Några filmer i nyhetsarkivet som har publicerats efter 23 september 2020 saknar "
                "undertexter, och några saknar syntolkning av viktig visuell information."
            ),
            "criteria": "1.2.2, 1.2.3, 1.2.5",
            "remedy": (
                "Alla nya filmer får undertexter innan de publiceras. Äldre filmer textar vi i tur "
                "och ordning."
            ),
        },
        {
            "title": "Felmeddelanden i formulär",
            "description": (
                "I några formulär kopplas felmeddelanden inte till rätt fält. Skärmläsare läser "
                "därför inte alltid upp vad som är fel."
            ),
            "criteria": "3.3.1, 3.3.3, 4.1.3",
            "remedy": "Vi rättar detta i nästa version av formulären.",
        },
        {
            "title": "Text i bilder",
            "description": (
                "Några bilder och affischer i nyheterna innehåller text som saknar textalternativ "
                "och har för låg kontrast mot bakgrunden."
            ),
            "criteria": "1.1.1, 1.4.3, 1.4.5",
            "remedy": (
                "Vi lägger in informationen som vanlig text i nyheterna och undviker text i "
                "bilder i fortsättningen."
            ),
        },
    ],
    "disproportionate_burden": (
        "<p>Vi gör inga undantag med hänvisning till att en anpassning skulle vara oskäligt "
        "betungande.</p>"
    ),
    "outside_scope": (
        "<p>Följande innehåll omfattas inte av lagen om tillgänglighet till digital offentlig "
        "service:</p>"
        "<ul><li>dokument som PDF och Word-filer som publicerades före 23 september 2018, om de "
        "inte behövs för en pågående tjänst</li>"
        "<li>inspelade ljud- och videoklipp som publicerades före 23 september 2020</li>"
        "<li>direktsända ljud- och videosändningar, till exempel direktsändningar från "
        "kommunfullmäktige</li>"
        "<li>innehåll från tredje part som kommunerna varken har finansierat, tagit fram eller har "
        "kontroll över</li></ul>"
        "<p>Vi gör ändå sådant innehåll tillgängligt om du ber om det.</p>"
    ),
    "evaluation_method": (
        "<p>Vi har granskat Dalslandsportalen själva (självskattning). Granskningen omfattade:</p>"
        "<ul><li>automatiska tester med axe-core i webbläsaren Chromium på ett urval av sidor av "
        "varje sidtyp, som också körs automatiskt när vi ändrar webbplatsen</li>"
        "<li>manuella tester där vi använde webbplatsen med bara tangentbord</li>"
        "<li>tester med skärmläsare, NVDA i Windows och VoiceOver på mobil</li>"
        "<li>kontroll av att innehållet fungerar när texten förstoras till 200 procent</li></ul>"
    ),
    "assessed_on_days_ago": 45,
    "updated_on_days_ago": 10,
    "feedback_text": (
        "<p>Upptäcker du problem som inte står här, eller tycker du att vi inte uppfyller lagens "
        "krav? Berätta det för oss i formuläret Rapportera en brist i tillgängligheten.</p>"
        "<p>Behöver du innehåll från Dalslandsportalen i ett tillgängligt format, till exempel "
        "lättläst text, en tillgänglig PDF eller uppläst text? Be om det i samma formulär. Du kan "
        f"också skicka e-post till {ACCESSIBILITY_EMAIL} eller ringa växeln i din kommun, så "
        "hjälper kontaktcentret dig. Vi svarar inom fem arbetsdagar.</p>"
        "<p>Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd "
        "med hur vi hanterar dina synpunkter kan du anmäla det till Digg: "
        '<a href="https://www.digg.se/tdosanmalan">digg.se/tdosanmalan</a>.</p>'
    ),
    "feedback_form": "tillganglighet",
    "en": {
        "title": "Accessibility statement",
        "intro": (
            "Bengtsfors, Dals-Ed, Färgelanda, Mellerud and Åmål are behind Dalslandsportalen. We "
            "want as many people as possible to be able to use the website. Here we describe how "
            "it meets the Act on accessibility of digital public services, which shortcomings we "
            "know of and how you can report problems."
        ),
        "organisation_name": "The municipalities of Bengtsfors, Dals-Ed, Färgelanda, Mellerud and "
        "Åmål",
        "service_name": "Dalslandsportalen",
        "services_covered": (
            "<ul><li>The Dalslandsportalen website: the start page, the municipality pages, the "
            "service pages and the news of all five municipalities</li>"
            "<li>The site search and the register search</li>"
            "<li>The web forms, for example fault reports, feedback and requests for official "
            "documents</li>"
            "<li>The employee portal for staff of the five municipalities</li></ul>"
        ),
        "inaccessible_content": [
            {
                "title": "PDF documents that are not accessible",
                "description": (
                    "Some minutes and attachments published after 23 September 2018 are scanned "
                    "images or lack tags, headings and a document title. They can be hard or "
                    "impossible to read with a screen reader."
                ),
                "criteria": "1.1.1, 1.3.1, 2.4.2, 3.1.1",
                "remedy": (
                    "New minutes are created as tagged PDF files. We replace older documents one "
                    "by one, and at once if someone asks for an accessible version. The printable "
                    "forms have a title, a language and tags but do not meet all of PDF/UA; you "
                    "can give the same information in the web forms."
                ),
            },
            {
                "title": "Embedded maps from an external supplier",
                "description": (
                    "The maps showing detailed development plans and fault locations come from an "
                    "external supplier. They cannot be used with a keyboard alone and lack text "
                    "alternatives. Important information is not always also given as text."
                ),
                "criteria": "1.1.1, 2.1.1, 2.4.3, 4.1.2",
                "remedy": (
                    "We give the address and a description of the place as text next to the map. "
                    "We will require accessibility when the map tool is procured again."
                ),
            },
            {
                "title": "Videos without captions in the news archive",
                "description": (
                    "Some videos in the news archive published after 23 September 2020 lack "
                    "captions, and some lack audio description of important visual information."
                ),
                "criteria": "1.2.2, 1.2.3, 1.2.5",
                "remedy": (
                    "All new videos are captioned before they are published. We caption older "
                    "videos one by one."
                ),
            },
            {
                "title": "Error messages in forms",
                "description": (
                    "In some forms, error messages are not linked to the right field. Screen "
                    "readers therefore do not always announce what is wrong."
                ),
                "criteria": "3.3.1, 3.3.3, 4.1.3",
                "remedy": "We will fix this in the next version of the forms.",
            },
            {
                "title": "Text in images",
                "description": (
                    "Some images and posters in the news contain text that has no text alternative "
                    "and too little contrast against the background."
                ),
                "criteria": "1.1.1, 1.4.3, 1.4.5",
                "remedy": (
                    "We add the information as ordinary text in the news items and will avoid text "
                    "in images from now on."
                ),
            },
        ],
        "disproportionate_burden": (
            "<p>We make no exceptions on the grounds that an adaptation would be a "
            "disproportionate burden.</p>"
        ),
        "outside_scope": (
            "<p>The following content is not covered by the Act on accessibility of digital "
            "public services:</p>"
            "<ul><li>documents such as PDF and Word files published before 23 September 2018, "
            "unless they are needed for an ongoing service</li>"
            "<li>recorded audio and video published before 23 September 2020</li>"
            "<li>live audio and video broadcasts, for example live broadcasts of municipal council "
            "meetings</li>"
            "<li>third-party content that the municipalities have neither funded nor produced, "
            "and do not control</li></ul>"
            "<p>We will still make such content accessible if you ask us to.</p>"
        ),
        "evaluation_method": (
            "<p>We have reviewed Dalslandsportalen ourselves (self-assessment). The review "
            "included:</p>"
            "<ul><li>automated tests with axe-core in the Chromium browser on a sample of pages of "
            "every page type, which also run automatically whenever we change the website</li>"
            "<li>manual tests using the website with a keyboard only</li>"
            "<li>tests with screen readers, NVDA on Windows and VoiceOver on mobile</li>"
            "<li>checks that the content works when text is enlarged to 200 per cent</li></ul>"
        ),
        "feedback_text": (
            "<p>If you find problems not described here, or think we do not meet the requirements "
            "of the law, tell us in the form Report an accessibility problem.</p>"
            "<p>Do you need content from Dalslandsportalen in an accessible format, for example "
            "easy-to-read text, an accessible PDF or read-aloud text? Ask for it in the same form. "
            f"You can also send an e-mail to {ACCESSIBILITY_EMAIL} or call the switchboard of your "
            "municipality, and the contact centre will help you. We reply within five working "
            "days.</p>"
            "<p>The Agency for Digital Government (Digg) supervises the law. If you are not "
            "satisfied with how we handle your comments, you can report it to Digg: "
            '<a href="https://www.digg.se/tdosanmalan">digg.se/tdosanmalan</a>.</p>'
        ),
    },
}


# ---------------------------------------------------------------------------------------------
# Information pages
# ---------------------------------------------------------------------------------------------

_dpo_items = "".join(
    f"<li>{MUNICIPALITIES[m]['name']}: dataskyddsombud@{domain}</li>"
    for m, domain in (
        ("bengtsfors", "bengtsfors.se"),
        ("dals-ed", "dalsed.se"),
        ("fargelanda", "fargelanda.se"),
        ("mellerud", "mellerud.se"),
        ("amal", "amal.se"),
    )
)

INFORMATION_PAGES = [
    {
        "parent": None,
        "slug": "personuppgifter-och-dataskydd",
        "title": "Personuppgifter och dataskydd",
        "intro": (
            "När du använder Dalslandsportalen eller kontaktar någon av kommunerna behandlar vi "
            "dina personuppgifter. Här berättar vi hur vi gör och vilka rättigheter du har."
        ),
        "body": [
            ("heading", "Vem ansvarar för dina uppgifter?"),
            (
                "paragraph",
                "<p>Varje kommun ansvarar för sina egna tjänster. Det är den nämnd eller styrelse "
                "som ansvarar för tjänsten som är personuppgiftsansvarig. Söker du till exempel "
                "förskoleplats i Mellerud är det barn- och utbildningsnämnden i Melleruds kommun "
                "som ansvarar för dina uppgifter.</p>"
                "<p>Kommunerna har avtal med varandra och med de leverantörer som driver "
                "portalen. Avtalen styr hur uppgifterna får behandlas.</p>",
            ),
            ("heading", "Varför vi behandlar dina uppgifter"),
            (
                "paragraph",
                "<p>Vi behandlar personuppgifter för att handlägga ärenden, svara på frågor och "
                "ge dig service. Oftast är den rättsliga grunden att behandlingen behövs för att "
                "utföra en uppgift av allmänt intresse eller för att utöva myndighet.</p>"
                "<p>Vi sparar uppgifterna så länge det behövs för ändamålet. Sedan bevaras eller "
                "gallras de enligt arkivlagen och kommunernas dokumenthanteringsplaner.</p>",
            ),
            ("heading", "Allmänna handlingar"),
            (
                "paragraph",
                "<p>Det du skickar till kommunen blir i regel en allmän handling. Den kan lämnas "
                "ut till den som begär det, om uppgifterna inte omfattas av sekretess.</p>"
                "<p>I diariesökningen på webben visar vi aldrig personnummer, och privatpersoners "
                "namn ersätts med ordet Privatperson.</p>",
            ),
            ("heading", "Dina rättigheter"),
            (
                "paragraph",
                "<p>Du har rätt att:</p>"
                "<ul><li>få veta vilka uppgifter vi har om dig (registerutdrag)</li><li>få "
                "felaktiga uppgifter rättade</li><li>i vissa fall få uppgifter raderade eller "
                "begränsade</li><li>invända mot behandlingen</li></ul>"
                "<p>Kontakta den kommun som har dina uppgifter om du vill använda dina "
                "rättigheter.</p>",
            ),
            ("heading", "Dataskyddsombud"),
            (
                "paragraph",
                "<p>Varje kommun har ett dataskyddsombud. Ombudet kontrollerar att kommunen följer "
                "reglerna och kan svara på dina frågor.</p>"
                f"<ul>{_dpo_items}</ul>",
            ),
            (
                "fact_box",
                {
                    "heading": "Klaga till Integritetsskyddsmyndigheten",
                    "text": "<p>Tycker du att vi behandlar dina personuppgifter på fel sätt? Då "
                    "kan du klaga till Integritetsskyddsmyndigheten (IMY), <a "
                    'href="https://www.imy.se">imy.se</a>.</p>',
                    "kind": "info",
                },
            ),
        ],
    },
    {
        "parent": None,
        "slug": "kakor",
        "title": "Kakor (cookies)",
        "intro": (
            "Dalslandsportalen använder bara kakor som behövs för att webbplatsen ska fungera. "
            "Därför frågar vi inte efter ditt samtycke."
        ),
        "body": [
            (
                "paragraph",
                "<p>En kaka (cookie) är en liten textfil som webbplatsen sparar i din webbläsare. "
                "Enligt lagen om elektronisk kommunikation ska du få veta vilka kakor vi använder "
                "och varför.</p>"
                "<p>Kakor som behövs för att ge dig den tjänst du har bett om får användas utan "
                "samtycke. Vi använder inga kakor för statistik, annonser eller spårning.</p>",
            ),
            ("heading", "Kakor som vi använder"),
            (
                "paragraph",
                "<ul><li><strong>sessionid</strong>: håller dig inloggad. Sätts när du loggar in "
                "eller när webbplatsen behöver komma ihåg något under ditt besök. Sparas i högst "
                "två veckor.</li><li><strong>csrftoken</strong>: skyddar formulären, så att ingen "
                "annan kan skicka in dem i ditt namn. Sparas i ett år.</li>"
                "<li><strong>django_language</strong>: kommer ihåg om du har valt svenska eller "
                "engelska. Försvinner när du stänger webbläsaren.</li>"
                "<li><strong>messages</strong>: visar ett meddelande efter något du har gjort, "
                "till exempel att ditt formulär har skickats. Tas bort när meddelandet har "
                "visats.</li></ul>",
            ),
            ("heading", "Om du inte vill ha kakor"),
            (
                "paragraph",
                "<p>Du kan ställa in din webbläsare så att den inte tar emot kakor. Då kan du inte "
                "logga in eller skicka formulär, men du kan fortfarande läsa alla sidor.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Vem har tillsyn?",
                    "text": "<p>Post- och telestyrelsen (PTS) har tillsyn över reglerna om kakor. "
                    "Integritetsskyddsmyndigheten (IMY) har tillsyn över hur personuppgifter "
                    "behandlas.</p>",
                    "kind": "info",
                },
            ),
        ],
        "en": {
            "title": "Cookies",
            "intro": (
                "Dalslandsportalen only uses cookies that are needed for the website to work. That "
                "is why we do not ask for your consent."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>A cookie is a small text file that the website stores in your browser. "
                    "Under the Electronic Communications Act you have the right to know which "
                    "cookies we use and why.</p>"
                    "<p>Cookies needed to provide a service you have asked for may be used "
                    "without consent. We use no cookies for statistics, advertising or "
                    "tracking.</p>",
                ),
                ("heading", "Cookies we use"),
                (
                    "paragraph",
                    "<ul><li><strong>sessionid</strong>: keeps you logged in. Set when you log in "
                    "or when the website needs to remember something during your visit. Kept for "
                    "at most two weeks.</li><li><strong>csrftoken</strong>: protects the forms so "
                    "that nobody else can submit them in your name. Kept for one year.</li>"
                    "<li><strong>django_language</strong>: remembers whether you chose Swedish or "
                    "English. Deleted when you close the browser.</li>"
                    "<li><strong>messages</strong>: shows a message after something you did, for "
                    "example that your form has been sent. Removed once the message has been "
                    "shown.</li></ul>",
                ),
                ("heading", "If you do not want cookies"),
                (
                    "paragraph",
                    "<p>You can set your browser to refuse cookies. You will then not be able to "
                    "log in or send forms, but you can still read every page.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Who supervises this?",
                        "text": "<p>The Swedish Post and Telecom Authority (PTS) supervises the "
                        "rules on cookies. The Swedish Authority for Privacy Protection "
                        "(IMY) supervises how personal data is processed.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
    },
    {
        "parent": None,
        "slug": "nationella-minoriteter",
        "title": "Nationella minoriteter",
        "intro": (
            "Sverige har fem nationella minoriteter: judar, romer, samer, sverigefinnar och "
            "tornedalingar. Alla kommuner ska skydda och främja minoriteternas språk och kultur."
        ),
        "body": [
            (
                "paragraph",
                "<p>Lagen om nationella minoriteter och minoritetsspråk ger minoriteterna "
                "rättigheter i hela landet. De nationella minoritetsspråken är:</p>"
                "<ul><li>jiddisch, som talas av judar</li><li>romani chib, som talas av romer</li>"
                "<li>samiska, som talas av samer</li><li>finska, som talas av sverigefinnar</li>"
                "<li>meänkieli, som talas av tornedalingar</li></ul>",
            ),
            ("heading", "Det här ska kommunerna göra"),
            (
                "paragraph",
                "<p>Alla kommuner, också de fem i Dalsland, ska:</p>"
                "<ul><li>informera de nationella minoriteterna om deras rättigheter</li>"
                "<li>skydda och främja minoritetsspråken och kulturerna, särskilt för barn</li>"
                "<li>ge minoriteterna möjlighet till inflytande och samråd i frågor som berör "
                "dem</li><li>ha mål och riktlinjer för arbetet med minoritetsfrågor</li></ul>",
            ),
            ("heading", "Modersmål i förskola och skola"),
            (
                "paragraph",
                "<p>Barn som tillhör en nationell minoritet har rätt till modersmålsundervisning i "
                "sitt minoritetsspråk, även om språket inte talas varje dag hemma. Kontakta barn- "
                "och utbildningsförvaltningen i din kommun.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Vill du vara med och påverka?",
                    "text": "<p>Tillhör du en nationell minoritet och vill delta i samråd med "
                    "kommunen? Kontakta kommunstyrelsens förvaltning i din kommun. "
                    "Information på alla minoritetsspråken finns på <a "
                    'href="https://www.minoritet.se">minoritet.se</a>.</p>',
                    "kind": "info",
                },
            ),
        ],
    },
    {
        "parent": None,
        "slug": "om-dalslandsportalen",
        "title": "Om Dalslandsportalen",
        "intro": (
            "Dalslandsportalen är en gemensam webbplats för de fem kommunerna i Dalsland. Här "
            "berättar vi vad portalen är och vem som ansvarar för den."
        ),
        "body": [
            (
                "paragraph",
                "<p>Bengtsfors, Dals-Ed, Färgelanda, Mellerud och Åmål har byggt "
                "Dalslandsportalen tillsammans. Målet är att det ska vara enkelt att hitta "
                "kommunens service, oavsett vilken kommun du bor i och vilken tid på dygnet det "
                "är.</p>",
            ),
            ("heading", "Vem ansvarar för vad?"),
            (
                "paragraph",
                "<p>Varje kommun ansvarar för innehållet på sina egna sidor och för sina tjänster "
                "och beslut. Det gemensamma innehållet, som startsidan och nyheterna för hela "
                "Dalsland, tar kommunerna fram tillsammans.</p>"
                "<p>Melleruds kommun är värdkommun och sköter den tekniska driften för alla fem. "
                "Kommunerna har avtal om hur portalen förvaltas och hur personuppgifter "
                "hanteras.</p>",
            ),
            ("heading", "Det här kan du göra"),
            (
                "paragraph",
                "<ul><li>läsa om kommunernas tjänster och vem du ska kontakta</li>"
                "<li>fylla i formulär, till exempel felanmälan och synpunkter</li>"
                "<li>söka bland kommunernas allmänna handlingar</li>"
                "<li>läsa nyheter och driftinformation</li></ul>",
            ),
            ("heading", "Det här kommer snart"),
            (
                "paragraph",
                "<p>Vi bygger e-tjänster där du loggar in med e-legitimation, till exempel BankID, "
                "Freja+ eller Svenska Pass. Då kan du till exempel ansöka om förskoleplats och "
                "bygglov och följa dina ärenden.</p>"
                "<p>Det kommer alltid att finnas ett annat sätt att ansöka, för dig som inte kan "
                "eller vill använda e-tjänsterna.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Tyck till om portalen",
                    "text": "<p>Saknar du något eller är något svårt att förstå? Använd formuläret "
                    "Lämna synpunkter. Vi läser alla synpunkter.</p>",
                    "kind": "info",
                },
            ),
        ],
        "en": {
            "title": "About Dalslandsportalen",
            "intro": (
                "Dalslandsportalen is a joint website for the five municipalities of Dalsland. "
                "Here we explain what the portal is and who is responsible for it."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors, Dals-Ed, Färgelanda, Mellerud and Åmål have built "
                    "Dalslandsportalen together. The aim is to make it easy to find municipal "
                    "services, whichever municipality you live in and whatever the time of "
                    "day.</p>",
                ),
                ("heading", "Who is responsible for what?"),
                (
                    "paragraph",
                    "<p>Each municipality is responsible for the content of its own pages and for "
                    "its own services and decisions. The joint content, such as the start page "
                    "and the news for all of Dalsland, is produced by the municipalities "
                    "together.</p>"
                    "<p>Mellerud Municipality is the host municipality and runs the technical "
                    "operation for all five. The municipalities have agreements on how the portal "
                    "is managed and how personal data is handled.</p>",
                ),
                ("heading", "What you can do"),
                (
                    "paragraph",
                    "<ul><li>read about the municipalities' services and whom to contact</li>"
                    "<li>fill in forms, for example fault reports and feedback</li>"
                    "<li>search the municipalities' official documents</li>"
                    "<li>read news and service disruption notices</li></ul>",
                ),
                ("heading", "Coming soon"),
                (
                    "paragraph",
                    "<p>We are building e-services where you log in with an e-ID, for example "
                    "BankID, Freja+ or Svenska Pass. You will then be able to apply for things "
                    "like a preschool place or a building permit and follow your cases.</p>"
                    "<p>There will always be another way to apply, for those who cannot or do not "
                    "want to use the e-services.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Tell us what you think",
                        "text": "<p>Is something missing or hard to understand? Use the feedback "
                        "form. We read every comment.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
    },
]


# ---------------------------------------------------------------------------------------------
# Forms
# ---------------------------------------------------------------------------------------------

ANONYMOUS_HELP = "Frivilligt. Du kan vara anonym."
ANONYMOUS_HELP_EN = "Optional. You may stay anonymous."

# Fields several forms share, in Swedish with their English translation ("en").
NAME_FIELD = {
    "label": "Namn",
    "field_type": "singleline",
    "required": False,
    "help_text": ANONYMOUS_HELP,
    "en": {"label": "Name", "help_text": ANONYMOUS_HELP_EN},
}
PHONE_FIELD = {
    "label": "Telefon",
    "field_type": "singleline",
    "required": False,
    "help_text": ANONYMOUS_HELP,
    "en": {"label": "Phone", "help_text": ANONYMOUS_HELP_EN},
}


def _email_field(help_text, help_text_en, required=False):
    return {
        "label": "E-post",
        "field_type": "email",
        "required": required,
        "help_text": help_text,
        "en": {"label": "Email", "help_text": help_text_en},
    }


def _felanmalan_form(m):
    street = department(m, "gata")
    short = MUNICIPALITIES[m]["short"]
    return {
        "parent": (m, street["slug"]),
        "department": (m, street["slug"]),
        "slug": "gor-en-felanmalan",
        "title": "Felanmälan gata och park",
        "intro": (
            f"Anmäl fel på gator, gång- och cykelvägar, gatubelysning, skyltar, parker och "
            f"lekplatser i {short}. Du kan vara anonym."
        ),
        "body": (
            "<p>Beskriv felet och var det finns. Ju noggrannare du beskriver platsen, desto "
            "snabbare hittar vi felet. Ett foto hjälper oss att förstå vad som är fel.</p>"
            f"<p>Är felet akut och kan orsaka skada? Ring {street['phone']} i stället. Är det fara "
            "för liv, ring 112.</p>"
            "<p>Statliga vägar sköts av Trafikverket. Fel på dem anmäler du till <a "
            'href="https://www.trafikverket.se">Trafikverket</a>.</p>'
        ),
        "thank_you_text": (
            "<p>Vi går igenom felanmälningar varje vardag och skickar dem vidare till dem som "
            "sköter gatorna och parkerna. Akuta fel åtgärdar vi så snart vi kan, andra fel "
            "oftast inom några veckor.</p>"
            "<p>Har du lämnat kontaktuppgifter hör vi av oss om vi behöver veta mer.</p>"
        ),
        "send_confirmation": True,
        "subject": f"Felanmälan gata och park, {short}",
        "en": {
            "title": "Report a fault in streets and parks",
            "intro": (
                "Report faults in streets, footpaths and cycle paths, street lighting, signs, "
                f"parks and playgrounds in {short}. You may stay anonymous."
            ),
            "body": (
                "<p>Describe the fault and where it is. The more precisely you describe the "
                "place, the sooner we find it. A photo helps us understand what is wrong.</p>"
                f"<p>Is the fault urgent and could it cause harm? Call {street['phone']} "
                "instead. If lives are in danger, call 112.</p>"
                "<p>State roads are maintained by the Swedish Transport Administration. Report "
                'faults on them to <a href="https://www.trafikverket.se">Trafikverket</a>.</p>'
            ),
            "thank_you_text": (
                "<p>We go through fault reports every weekday and pass them on to the teams "
                "who look after the streets and parks. We fix urgent faults as soon as we can, "
                "other faults usually within a few weeks.</p>"
                "<p>If you left contact details, we will get in touch if we need to know "
                "more.</p>"
            ),
        },
        "fields": [
            {
                "label": "Vad gäller felet?",
                "field_type": "dropdown",
                "required": True,
                "help_text": "",
                "choices": "Gatubelysning\nHål eller skada i gata, gång- eller cykelväg\n"
                "Trafikskylt eller vägmärke\nSnöröjning eller halka\nPark eller lekplats\n"
                "Nedskräpning eller klotter\nAnnat",
                "en": {
                    "label": "What is the fault about?",
                    "choices": "Street lighting\nHole or damage in a street, footpath or "
                    "cycle path\nTraffic sign or road sign\nSnow clearing or icy road\nPark or "
                    "playground\nLitter or graffiti\nOther",
                },
            },
            {
                "label": "Var finns felet?",
                "field_type": "singleline",
                "required": True,
                "help_text": "Skriv adress, närmaste korsning eller en plats som är lätt att "
                "hitta. Har lyktstolpen ett nummer, skriv det.",
                "en": {
                    "label": "Where is the fault?",
                    "help_text": "Give an address, the nearest crossing or a place that is easy "
                    "to find. If the lamp post has a number, include it.",
                },
            },
            {
                "label": "Beskriv felet",
                "field_type": "multiline",
                "required": True,
                "help_text": "Berätta vad som är fel och om det är farligt.",
                "en": {
                    "label": "Describe the fault",
                    "help_text": "Tell us what is wrong and whether it is dangerous.",
                },
            },
            {
                "label": "Foto på felet",
                "field_type": "file",
                "required": False,
                "help_text": "Frivilligt. Ta gärna en bild där man ser både felet och "
                "platsen. Se till att inga personer syns.",
                "en": {
                    "label": "Photo of the fault",
                    "help_text": "Optional. A picture that shows both the fault and the place "
                    "helps. Make sure no people can be seen.",
                },
            },
            NAME_FIELD,
            _email_field(
                "Frivilligt. Fyll i om du vill att vi ska kunna kontakta dig eller vill ha en "
                "bekräftelse.",
                "Optional. Fill in if you want us to be able to contact you or want a "
                "confirmation.",
            ),
            PHONE_FIELD,
        ],
    }


def _begara_handling_form(m):
    ks = department(m, "ks")
    name = MUNICIPALITIES[m]["name"]
    en_name = MUNICIPALITIES[m]["en"]
    short = MUNICIPALITIES[m]["short"]
    return {
        "parent": (m, ks["slug"]),
        "department": (m, ks["slug"]),
        "slug": "begaran-om-allman-handling",
        "title": "Begär ut en allmän handling",
        "intro": f"Här begär du att få ta del av en allmän handling hos {name}. Du får vara "
        "anonym.",
        "body": (
            "<p>Beskriv vilken handling du vill ha så noga du kan. Har du ett diarienummer, skriv "
            "det.</p>"
            "<p>Du behöver inte tala om vem du är eller varför du vill ha handlingen. "
            "Kontaktuppgifter behövs bara om vi ska skicka en kopia eller ett beslut till dig.</p>"
        ),
        "thank_you_text": (
            "<p>Vi behandlar din begäran skyndsamt. Oftast får du svar samma dag.</p>"
            "<p>Om vi behöver pröva sekretess kan det ta några dagar. Har du lämnat "
            "kontaktuppgifter hör vi av oss om det dröjer.</p>"
        ),
        "subject": f"Begäran om allmän handling, {short}",
        "en": {
            "title": "Request an official document",
            "intro": f"Here you ask to see an official document held by {en_name}. You may "
            "stay anonymous.",
            "body": (
                "<p>Describe the document you want as precisely as you can. If you have a case "
                "number, include it.</p>"
                "<p>You do not have to say who you are or why you want the document. Contact "
                "details are only needed if we are to send you a copy or a decision.</p>"
            ),
            "thank_you_text": (
                "<p>We handle your request promptly. Usually you get an answer the same "
                "day.</p>"
                "<p>If we need to assess secrecy it may take a few days. If you left contact "
                "details, we will tell you if there is a delay.</p>"
            ),
        },
        "fields": [
            {
                "label": "Nämnd eller verksamhet",
                "field_type": "singleline",
                "required": False,
                "help_text": "Om du vet det, till exempel kommunstyrelsen eller barn- och "
                "utbildningsnämnden.",
                "en": {
                    "label": "Board or service",
                    "help_text": "If you know it, for example the municipal executive board or "
                    "the education board.",
                },
            },
            {
                "label": "Vilken handling vill du ha?",
                "field_type": "multiline",
                "required": True,
                "help_text": "Skriv diarienumret om du har det. Annars beskriver du handlingen: "
                "vad den handlar om, ungefär när den kom in eller skrevs och vem som "
                "skickade den.",
                "en": {
                    "label": "Which document do you want?",
                    "help_text": "Give the case number if you have it. Otherwise describe the "
                    "document: what it is about, roughly when it arrived or was written and "
                    "who sent it.",
                },
            },
            {
                "label": "Hur vill du ta del av handlingen?",
                "field_type": "radio",
                "required": True,
                "help_text": "",
                "choices": "Läsa den på plats hos kommunen\nFå en kopia med e-post\n"
                "Få en kopia med post",
                "en": {
                    "label": "How do you want to see the document?",
                    "choices": "Read it at the municipal offices\nGet a copy by email\n"
                    "Get a copy by post",
                },
            },
            _email_field(
                "Behövs bara om du vill ha kopian med e-post. Du kan vara anonym.",
                "Only needed if you want the copy by email. You may stay anonymous.",
            ),
            {
                "label": "Postadress",
                "field_type": "multiline",
                "required": False,
                "help_text": "Behövs bara om du vill ha kopian med post.",
                "en": {
                    "label": "Postal address",
                    "help_text": "Only needed if you want the copy by post.",
                },
            },
            {
                "label": "Om ni inte lämnar ut handlingen vill jag ha ett skriftligt beslut som "
                "jag kan överklaga",
                "field_type": "checkbox",
                "required": False,
                "help_text": "Lämna i så fall en adress som vi kan skicka beslutet till.",
                "en": {
                    "label": "If you do not release the document, I want a written decision "
                    "that I can appeal",
                    "help_text": "Then leave an address we can send the decision to.",
                },
            },
        ],
    }


def _parkeringstillstand_form(m):
    street = department(m, "gata")
    short = MUNICIPALITIES[m]["short"]
    return {
        "parent": (m, street["slug"]),
        "department": (m, street["slug"]),
        "slug": "ansok-om-parkeringstillstand",
        "title": "Ansökan om parkeringstillstånd för rörelsehindrade",
        "intro": (
            "Har du en varaktig funktionsnedsättning som gör att du har stora svårigheter att "
            "gå? Här ansöker du om parkeringstillstånd. Du behöver bifoga ett läkarintyg."
        ),
        "body": (
            "<p>Du kan söka tillstånd som förare eller som passagerare. Som passagerare behöver "
            "du hjälp av föraren även utanför bilen, till exempel att ta dig fram till "
            "dit du ska.</p>"
            "<p>Läkarintyget ska vara skrivet av en läkare som känner till din "
            "funktionsnedsättning. Det får inte vara äldre än tre månader.</p>"
            "<p>Har du inget läkarintyg i digital form? Skriv ut blanketten, fyll i den och "
            f"skicka den med intyget till Samhällsbyggnad, {short} kommun. Ring "
            f"{street['phone']} om du har frågor.</p>"
            "<p>När du har fått beslutet tar vi kontakt med dig om foto och namnteckning till "
            "kortet.</p>"
        ),
        "thank_you_text": (
            "<p>En handläggare går igenom din ansökan och läkarintyget. Saknas något hör vi av "
            "oss till dig.</p>"
            "<p>Du får beslut inom fyra veckor från att ansökan är komplett. Beslutet skickas "
            "med post till din folkbokföringsadress.</p>"
        ),
        "send_confirmation": True,
        "subject": f"Ansökan om parkeringstillstånd, {short}",
        "en": {
            "title": "Apply for a disabled parking permit",
            "intro": (
                "Do you have a lasting disability that makes walking very difficult? Here you "
                "apply for a parking permit. You need to attach a medical certificate."
            ),
            "body": (
                "<p>You can apply as a driver or as a passenger. As a passenger you need the "
                "driver's help outside the car too, for example to get to where you are "
                "going.</p>"
                "<p>The medical certificate must be written by a doctor who knows your "
                "disability. It must not be more than three months old.</p>"
                "<p>Is your certificate not in digital form? Print the paper form, fill it in "
                f"and send it with the certificate to Samhällsbyggnad, {short} Municipality. "
                f"Call {street['phone']} if you have questions.</p>"
                "<p>Once you have the decision, we will contact you about the photo and "
                "signature for the card.</p>"
            ),
            "thank_you_text": (
                "<p>A case officer goes through your application and the medical "
                "certificate. If anything is missing, we will contact you.</p>"
                "<p>You get a decision within four weeks of the application being complete. "
                "The decision is sent by post to your registered address.</p>"
            ),
        },
        "fields": [
            {
                "label": "Sökandens namn",
                "field_type": "singleline",
                "required": True,
                "help_text": "Den som tillståndet ska gälla för.",
                "en": {
                    "label": "Applicant's name",
                    "help_text": "The person the permit is for.",
                },
            },
            {
                "label": "Personnummer",
                "field_type": "singleline",
                "required": True,
                "help_text": "ÅÅÅÅMMDD-NNNN",
                "en": {
                    "label": "Personal identity number",
                    "help_text": "YYYYMMDD-NNNN",
                },
            },
            {
                "label": "Adress",
                "field_type": "multiline",
                "required": True,
                "help_text": "Gatuadress, postnummer och ort där du är folkbokförd.",
                "en": {
                    "label": "Address",
                    "help_text": "Street address, postcode and town where you are registered.",
                },
            },
            {
                "label": "Telefon",
                "field_type": "singleline",
                "required": True,
                "help_text": "Så att handläggaren kan nå dig om något saknas.",
                "en": {
                    "label": "Phone",
                    "help_text": "So that the case officer can reach you if something is missing.",
                },
            },
            _email_field(
                "Frivilligt. Fyll i om du vill ha en bekräftelse med e-post.",
                "Optional. Fill in if you want a confirmation by email.",
            ),
            {
                "label": "Söker du som förare eller passagerare?",
                "field_type": "radio",
                "required": True,
                "help_text": "",
                "choices": "Förare\nPassagerare",
                "en": {
                    "label": "Are you applying as a driver or a passenger?",
                    "choices": "Driver\nPassenger",
                },
            },
            {
                "label": "Läkarintyg",
                "field_type": "file",
                "required": True,
                "help_text": "Intyget ska beskriva diagnosen, hur långt och hur du kan gå, "
                "vilka hjälpmedel du använder och hur länge funktionsnedsättningen väntas vara. "
                "Högst tre månader gammalt. Ett foto av intyget går bra.",
                "en": {
                    "label": "Medical certificate",
                    "help_text": "The certificate must describe the diagnosis, how far and how "
                    "you can walk, which aids you use and how long the disability is expected "
                    "to last. At most three months old. A photo of it is fine.",
                },
            },
            {
                "label": "Övrigt du vill berätta",
                "field_type": "multiline",
                "required": False,
                "help_text": "Till exempel om du har haft parkeringstillstånd tidigare.",
                "en": {
                    "label": "Anything else you want to tell us",
                    "help_text": "For example whether you have had a parking permit before.",
                },
            },
            {
                "label": "Jag intygar att uppgifterna är riktiga",
                "field_type": "checkbox",
                "required": True,
                "help_text": "Vi behandlar dina personuppgifter för att pröva ansökan, enligt "
                "dataskyddsförordningen.",
                "en": {
                    "label": "I confirm that the information is correct",
                    "help_text": "We process your personal data to assess the application, "
                    "under the General Data Protection Regulation.",
                },
            },
        ],
    }


FORMS = {
    "tillganglighet": {
        "parent": None,
        "slug": "rapportera-brist-i-tillganglighet",
        "title": "Rapportera en brist i tillgängligheten",
        "intro": (
            "Har du hittat något på Dalslandsportalen som är svårt att använda? Eller behöver du "
            "innehåll i ett annat format? Berätta det för oss här."
        ),
        "body": (
            "<p>Beskriv vad du försökte göra och vad som inte fungerade. Skriv gärna vilken sida "
            "det gäller.</p>"
            "<p>Du kan också be om att få innehåll i ett tillgängligt format, till exempel "
            "lättläst text, en tillgänglig PDF eller uppläst text.</p>"
            "<p>Du får vara anonym. Lämna dina kontaktuppgifter om du vill ha svar.</p>"
        ),
        "thank_you_text": (
            "<p>Tack för att du hjälper oss att bli bättre! Vi har tagit emot ditt meddelande.</p>"
            "<p>Har du lämnat kontaktuppgifter svarar vi inom fem arbetsdagar.</p>"
        ),
        "to_address": ACCESSIBILITY_EMAIL,
        "subject": "Dalslandsportalen: brist i tillgängligheten",
        "en": {
            "title": "Report an accessibility problem",
            "intro": (
                "Have you found something on Dalslandsportalen that is hard to use? Or do you "
                "need content in another format? Tell us here."
            ),
            "body": (
                "<p>Describe what you tried to do and what did not work. Please say which page "
                "it is about.</p>"
                "<p>You can also ask for content in an accessible format, for example "
                "easy-to-read text, an accessible PDF or read-aloud text.</p>"
                "<p>You may stay anonymous. Leave your contact details if you want an "
                "answer.</p>"
            ),
            "thank_you_text": (
                "<p>Thank you for helping us improve! We have received your message.</p>"
                "<p>If you left contact details, we will answer within five working days.</p>"
            ),
        },
        "fields": [
            {
                "label": "Vilken sida eller tjänst gäller det?",
                "field_type": "singleline",
                "required": True,
                "help_text": "Skriv sidans rubrik eller klistra in webbadressen.",
                "en": {
                    "label": "Which page or service is it about?",
                    "help_text": "Give the page's heading or paste its web address.",
                },
            },
            {
                "label": "Beskriv problemet",
                "field_type": "multiline",
                "required": True,
                "help_text": "Berätta vad du försökte göra och vad som hände.",
                "en": {
                    "label": "Describe the problem",
                    "help_text": "Tell us what you tried to do and what happened.",
                },
            },
            {
                "label": "Vill du ha innehållet i ett annat format?",
                "field_type": "radio",
                "required": False,
                "help_text": "",
                "choices": "Nej\nJa, lättläst text\nJa, tillgänglig PDF eller Word-fil\n"
                "Ja, uppläst text\nJa, annat format (beskriv ovan)",
                "en": {
                    "label": "Do you want the content in another format?",
                    "choices": "No\nYes, easy-to-read text\nYes, an accessible PDF or Word "
                    "file\nYes, read-aloud text\nYes, another format (describe above)",
                },
            },
            {
                "label": "Vilket hjälpmedel använder du?",
                "field_type": "singleline",
                "required": False,
                "help_text": "Till exempel skärmläsare, förstoring eller röststyrning. Frivilligt.",
                "en": {
                    "label": "Which assistive technology do you use?",
                    "help_text": "For example a screen reader, magnification or voice "
                    "control. Optional.",
                },
            },
            NAME_FIELD,
            _email_field("Fyll i om du vill att vi svarar dig.", "Fill in if you want an answer."),
        ],
    },
    "synpunkter": {
        "parent": None,
        "slug": "lamna-synpunkter",
        "title": "Lämna synpunkter",
        "intro": (
            "Här kan du lämna beröm, förslag och klagomål till någon av de fem kommunerna i "
            "Dalsland."
        ),
        "body": (
            "<p>Välj vilken kommun det gäller. Vi skickar din synpunkt vidare till rätt "
            "verksamhet.</p>"
            "<p>Du får vara anonym. Vill du ha svar behöver du lämna dina kontaktuppgifter.</p>"
            "<p>Det du skriver blir en allmän handling. Skriv inte känsliga uppgifter, till "
            "exempel om hälsa, om dig själv eller andra.</p>"
        ),
        "thank_you_text": (
            "<p>Vi skickar din synpunkt till rätt kommun och verksamhet inom två arbetsdagar.</p>"
            "<p>Har du bett om svar hör vi av oss, oftast inom två veckor.</p>"
        ),
        "to_address": PORTAL_EMAIL,
        "send_confirmation": True,
        "subject": "Synpunkt via Dalslandsportalen",
        "en": {
            "title": "Give feedback",
            "intro": (
                "Here you can give praise, suggestions and complaints to any of the five "
                "municipalities in Dalsland."
            ),
            "body": (
                "<p>Choose the municipality it is about. We pass your feedback on to the right "
                "service.</p>"
                "<p>You may stay anonymous. If you want an answer, leave your contact "
                "details.</p>"
                "<p>What you write becomes an official document. Do not include sensitive "
                "information, for example about health, about yourself or others.</p>"
            ),
            "thank_you_text": (
                "<p>We pass your feedback on to the right municipality and service within two "
                "working days.</p>"
                "<p>If you asked for an answer, we will get in touch, usually within two "
                "weeks.</p>"
            ),
        },
        "fields": [
            {
                "label": "Vilken kommun gäller det?",
                "field_type": "dropdown",
                "required": True,
                "help_text": "",
                "choices": "Bengtsfors\nDals-Ed\nFärgelanda\nMellerud\nÅmål\n"
                "Vet inte eller alla kommuner",
                "en": {
                    "label": "Which municipality is it about?",
                    "choices": "Bengtsfors\nDals-Ed\nFärgelanda\nMellerud\nÅmål\n"
                    "Do not know, or all municipalities",
                },
            },
            {
                "label": "Vad vill du lämna?",
                "field_type": "radio",
                "required": True,
                "help_text": "",
                "choices": "Beröm\nFörslag\nKlagomål\nFråga",
                "en": {
                    "label": "What would you like to give?",
                    "choices": "Praise\nSuggestion\nComplaint\nQuestion",
                },
            },
            {
                "label": "Vilken verksamhet gäller det?",
                "field_type": "singleline",
                "required": False,
                "help_text": "Till exempel förskola, hemtjänst, gator eller bygglov.",
                "en": {
                    "label": "Which service is it about?",
                    "help_text": "For example preschool, home care, streets or building permits.",
                },
            },
            {
                "label": "Din synpunkt",
                "field_type": "multiline",
                "required": True,
                "help_text": "Beskriv vad det gäller. Skriv inte känsliga uppgifter.",
                "en": {
                    "label": "Your feedback",
                    "help_text": "Describe what it is about. Do not include sensitive information.",
                },
            },
            {
                "label": "Jag vill ha svar",
                "field_type": "checkbox",
                "required": False,
                "help_text": "Lämna då e-post eller telefonnummer nedan.",
                "en": {
                    "label": "I would like an answer",
                    "help_text": "Then leave an email address or phone number below.",
                },
            },
            NAME_FIELD,
            _email_field(ANONYMOUS_HELP, ANONYMOUS_HELP_EN),
            PHONE_FIELD,
        ],
    },
    **{
        f"felanmalan-{m}": _felanmalan_form(m)
        for m in ("bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal")
    },
    **{
        f"begara-handling-{m}": _begara_handling_form(m) for m in ("mellerud", "amal", "fargelanda")
    },
    "parkeringstillstand-fargelanda": _parkeringstillstand_form("fargelanda"),
}

# (municipality, service slug) → the web forms its "Ansök" section links to, besides those in
# services.py: [(form key, Swedish button text, English button text)].
SERVICE_FORMS = {
    ("fargelanda", "parkeringstillstand-for-rorelsehindrade"): [
        (
            "parkeringstillstand-fargelanda",
            "Ansök i webbformuläret",
            "Apply with the web form",
        ),
    ],
}
