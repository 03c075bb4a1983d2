"""Demo content: the Dalsland-wide start page, the five municipality start pages and the seven
topic pages, each with an English translation.

Population figures are approximate ("cirka", "knappt") on purpose.
"""

HOME = {
    "title": "Välkommen till Dalslandsportalen",
    "intro": (
        "Dalslandsportalen är den gemensamma webbplatsen för Bengtsfors, Dals-Ed, Färgelanda, "
        "Mellerud och Åmål. Här hittar du kommunernas tjänster, nyheter och kontaktuppgifter."
    ),
    "body": [
        ("heading", "Fem kommuner, en ingång"),
        (
            "paragraph",
            "<p>De fem kommunerna i Dalsland samarbetar om Dalslandsportalen. Du hittar det du "
            "söker på ett ställe, oavsett vilken kommun du bor i.</p>"
            "<p>Varje kommun ansvarar för sina egna tjänster och beslut. När du kontaktar oss "
            "kommer ditt ärende alltid till rätt kommun.</p>",
        ),
        ("heading", "Det här kan du göra här"),
        (
            "paragraph",
            "<ul><li>Läsa om kommunernas tjänster, till exempel förskola, bygglov och "
            "hemtjänst</li><li>Fylla i formulär, till exempel felanmälan och synpunkter</li>"
            "<li>Söka bland kommunernas allmänna handlingar i diariesökningen</li><li>Läsa "
            "nyheter och driftinformation från hela Dalsland</li></ul>",
        ),
        (
            "fact_box",
            {
                "heading": "Snart: e-tjänster med e-legitimation",
                "text": "<p>Snart kan du logga in med e-legitimation och ansöka om till exempel "
                "förskoleplats och bygglov direkt här. Du kommer också att kunna följa dina "
                "ärenden.</p>",
                "kind": "info",
            },
        ),
    ],
    "en": {
        "title": "Welcome to Dalslandsportalen",
        "intro": (
            "Dalslandsportalen is the joint website of Bengtsfors, Dals-Ed, Färgelanda, Mellerud "
            "and Åmål. Here you will find the municipalities' services, news and contact details."
        ),
        "body": [
            ("heading", "Five municipalities, one way in"),
            (
                "paragraph",
                "<p>The five municipalities of Dalsland run Dalslandsportalen together. You find "
                "what you are looking for in one place, whichever municipality you live in.</p>"
                "<p>Each municipality is responsible for its own services and decisions. When you "
                "contact us, your matter always reaches the right municipality.</p>",
            ),
            ("heading", "What you can do here"),
            (
                "paragraph",
                "<ul><li>Read about the municipalities' services, for example preschool, building "
                "permits and home care</li>"
                "<li>Fill in forms, for example fault reports and feedback</li>"
                "<li>Search the municipalities' official documents in the register search</li>"
                "<li>Read news and service disruption notices from all of Dalsland</li></ul>",
            ),
            (
                "fact_box",
                {
                    "heading": "Coming soon: e-services with e-ID",
                    "text": "<p>Soon you will be able to log in with an e-ID and apply for things "
                    "like a preschool place or a building permit directly here. You will "
                    "also be able to follow your cases.</p>",
                    "kind": "info",
                },
            ),
        ],
    },
}

MUNICIPALITY_PAGES = {
    "bengtsfors": {
        "intro": (
            "Bengtsfors kommun ligger i nordvästra Dalsland, bland sjöar och skogar. Här bor cirka "
            "9 000 invånare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Bengtsfors kommun ligger i nordvästra Dalsland i Västra Götalands län och "
                "gränsar till Värmland. Kommunen har cirka 9 000 invånare. De största orterna är "
                "Bengtsfors, Billingsfors, Dals Långed och Bäckefors.</p>"
                "<p>Dalslands kanal går genom kommunen, och sjöarna ger goda möjligheter till "
                "paddling, fiske och bad. Här finns gott om natur för den som vill leva nära "
                "skogen och vattnet.</p>"
                "<p>Kommunen har en lång tradition av industri och hantverk. I Dals Långed finns "
                "Steneby, med utbildningar inom konst, hantverk och design.</p>"
                "<p>Här på Dalslandsportalen hittar du kommunens tjänster, nyheter och "
                "kontaktuppgifter.</p>",
            ),
        ],
        "en": {
            "intro": (
                "Bengtsfors Municipality lies in north-western Dalsland, among lakes and forests. "
                "About 9,000 people live here."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors Municipality lies in north-western Dalsland in Västra Götaland "
                    "County and borders Värmland. It has about 9,000 inhabitants. The largest "
                    "localities are Bengtsfors, Billingsfors, Dals Långed and Bäckefors.</p>"
                    "<p>The Dalsland Canal runs through the municipality, and the lakes are ideal "
                    "for canoeing, fishing and swimming. There is plenty of nature for anyone who "
                    "wants to live close to the forest and the water.</p>"
                    "<p>The municipality has a long tradition of industry and crafts. Dals Långed "
                    "is home to Steneby, with programmes in art, craft and design.</p>"
                    "<p>Here on Dalslandsportalen you will find the municipality's services, news "
                    "and contact details.</p>",
                ),
            ],
        },
    },
    "dals-ed": {
        "intro": (
            "Dals-Eds kommun ligger i västra Dalsland vid gränsen mot Norge. Här bor knappt 5 000 "
            "invånare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Dals-Ed är den västligaste kommunen i Dalsland och gränsar till Norge. "
                "Kommunen har knappt 5 000 invånare. Centralorten Ed ligger vid sjöarna Stora Le "
                "och Lilla Le.</p>"
                "<p>Naturen är kommunens stora tillgång. I Tresticklans nationalpark finns ett av "
                "de största väglösa skogsområdena i södra Sverige.</p>"
                "<p>Närheten till Norge präglar kommunen, både när det gäller arbete och handel. "
                "Många företag är små och det finns ett aktivt föreningsliv.</p>"
                "<p>Här på Dalslandsportalen hittar du kommunens tjänster, nyheter och "
                "kontaktuppgifter.</p>",
            ),
        ],
        "en": {
            "intro": (
                "Dals-Ed Municipality lies in western Dalsland on the border with Norway. Just "
                "under 5,000 people live here."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dals-Ed is the westernmost municipality in Dalsland and borders Norway. "
                    "It has just under 5,000 inhabitants. The main town, Ed, lies by the lakes "
                    "Stora Le and Lilla Le.</p>"
                    "<p>Nature is the municipality's great asset. Tresticklan National Park has "
                    "one of the largest roadless forest areas in southern Sweden.</p>"
                    "<p>Being close to Norway shapes the municipality, both for work and for "
                    "trade. Many businesses are small, and there is an active community of "
                    "associations.</p>"
                    "<p>Here on Dalslandsportalen you will find the municipality's services, news "
                    "and contact details.</p>",
                ),
            ],
        },
    },
    "fargelanda": {
        "intro": (
            "Färgelanda kommun ligger i södra Dalsland, nära både Uddevalla och Vänersborg. Här "
            "bor cirka 6 500 invånare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Färgelanda kommun ligger i södra Dalsland i Västra Götalands län. Kommunen "
                "har cirka 6 500 invånare. Centralorten är Färgelanda. Andra orter är Ödeborg, "
                "Högsäter och Stigen.</p>"
                "<p>Landskapet är omväxlande, med skog, sjöar och odlade dalgångar. Här finns "
                "gott om plats för den som vill bo på landet.</p>"
                "<p>Det är nära till Uddevalla, Vänersborg och Trollhättan. Många bor i "
                "Färgelanda och arbetar på någon av de orterna.</p>"
                "<p>Här på Dalslandsportalen hittar du kommunens tjänster, nyheter och "
                "kontaktuppgifter.</p>",
            ),
        ],
        "en": {
            "intro": (
                "Färgelanda Municipality lies in southern Dalsland, close to both Uddevalla and "
                "Vänersborg. About 6,500 people live here."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Färgelanda Municipality lies in southern Dalsland in Västra Götaland "
                    "County. It has about 6,500 inhabitants. The main town is Färgelanda. Other "
                    "localities are Ödeborg, Högsäter and Stigen.</p>"
                    "<p>The landscape is varied, with forests, lakes and farmed valleys. There is "
                    "plenty of room for anyone who wants to live in the countryside.</p>"
                    "<p>Uddevalla, Vänersborg and Trollhättan are close by. Many people live in "
                    "Färgelanda and work in one of those towns.</p>"
                    "<p>Here on Dalslandsportalen you will find the municipality's services, news "
                    "and contact details.</p>",
                ),
            ],
        },
    },
    "mellerud": {
        "intro": (
            "Melleruds kommun ligger i sydöstra Dalsland vid Vänerns strand. Här bor cirka 9 000 "
            "invånare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Melleruds kommun ligger i sydöstra Dalsland i Västra Götalands län, vid "
                "Vänerns västra strand. Kommunen har cirka 9 000 invånare. Centralorten Mellerud "
                "har järnvägsstation på linjen mellan Göteborg och Karlstad.</p>"
                "<p>Dalslands kanal börjar vid Köpmannebro vid Vänern. I Håverud går kanalen i en "
                "akvedukt över forsen, en av Dalslands mest kända sevärdheter.</p>"
                "<p>Dalboslätten är ett av Dalslands viktigaste jordbruksområden. På Kroppefjäll "
                "finns skog och sjöar för vandring och friluftsliv.</p>"
                "<p>Här på Dalslandsportalen hittar du kommunens tjänster, nyheter och "
                "kontaktuppgifter.</p>",
            ),
        ],
        "en": {
            "intro": (
                "Mellerud Municipality lies in south-eastern Dalsland on the shore of Lake Vänern. "
                "About 9,000 people live here."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Mellerud Municipality lies in south-eastern Dalsland in Västra Götaland "
                    "County, on the western shore of Lake Vänern. It has about 9,000 inhabitants. "
                    "The main town, Mellerud, has a railway station on the line between Gothenburg "
                    "and Karlstad.</p>"
                    "<p>The Dalsland Canal begins at Köpmannebro on Lake Vänern. At Håverud the "
                    "canal crosses the rapids in an aqueduct, one of Dalsland's best-known "
                    "sights.</p>"
                    "<p>The Dalbo plain (Dalboslätten) is one of Dalsland's most important farming "
                    "areas. Kroppefjäll has forests and lakes for hiking and outdoor life.</p>"
                    "<p>Here on Dalslandsportalen you will find the municipality's services, news "
                    "and contact details.</p>",
                ),
            ],
        },
    },
    "amal": {
        "intro": (
            "Åmåls kommun ligger i norra Dalsland vid Vänern. Åmål är Dalslands enda stad, och "
            "kommunen har cirka 12 000 invånare."
        ),
        "body": [
            (
                "paragraph",
                "<p>Åmåls kommun ligger vid Vänerns västra strand i norra Dalsland och gränsar "
                "till Värmland. Kommunen har cirka 12 000 invånare, och de flesta bor i staden "
                "Åmål.</p>"
                "<p>Åmål fick stadsrättigheter 1643 och är Dalslands enda stad. I stadsdelen "
                "Plantaget finns äldre trähusbebyggelse bevarad.</p>"
                "<p>Vid Vänern finns gästhamn och badplatser. Varje sommar lockar Åmål Blues Fest "
                "besökare från hela landet.</p>"
                "<p>E45 och järnvägen mellan Göteborg och Karlstad går genom kommunen. Här på "
                "Dalslandsportalen hittar du kommunens tjänster, nyheter och "
                "kontaktuppgifter.</p>",
            ),
        ],
        "en": {
            "intro": (
                "Åmål Municipality lies in northern Dalsland on Lake Vänern. Åmål is Dalsland's "
                "only town, and the municipality has about 12,000 inhabitants."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Åmål Municipality lies on the western shore of Lake Vänern in northern "
                    "Dalsland and borders Värmland. It has about 12,000 inhabitants, most of whom "
                    "live in the town of Åmål.</p>"
                    "<p>Åmål received its town charter in 1643 and is Dalsland's only town. In "
                    "the Plantaget district, older wooden buildings have been preserved.</p>"
                    "<p>By Lake Vänern there is a guest harbour and places to swim. Every summer "
                    "Åmål Blues Fest attracts visitors from all over the country.</p>"
                    "<p>The E45 road and the railway between Gothenburg and Karlstad run through "
                    "the municipality. Here on Dalslandsportalen you will find the municipality's "
                    "services, news and contact details.</p>",
                ),
            ],
        },
    },
}

TOPICS = [
    {
        "topic": "barn-och-utbildning",
        "slug": "barn-och-utbildning",
        "title": "Barn och utbildning",
        "intro": "Förskola, fritidshem, skolval, gymnasieval och vuxenutbildning i de fem "
        "kommunerna.",
        "en": {
            "title": "Children and education",
            "intro": (
                "Preschool, after-school care, school choice, upper-secondary applications "
                "and adult education in the five municipalities."
            ),
        },
    },
    {
        "topic": "bygga-bo-och-miljo",
        "slug": "bygga-bo-och-miljo",
        "title": "Bygga, bo och miljö",
        "intro": "Bygglov, avlopp, vatten, avfall och strandskydd. Här hittar du det som rör ditt "
        "hus och din tomt.",
        "en": {
            "title": "Building, housing and environment",
            "intro": (
                "Building permits, sewage, water, waste and shoreline protection. Everything "
                "about your house and your plot."
            ),
        },
    },
    {
        "topic": "omsorg-och-stod",
        "slug": "omsorg-och-stod",
        "title": "Omsorg och stöd",
        "intro": "Hemtjänst, särskilt boende, ekonomiskt bistånd och annat stöd när du behöver "
        "hjälp.",
        "en": {
            "title": "Care and support",
            "intro": (
                "Home care, residential care, financial assistance and other support when "
                "you need help."
            ),
        },
    },
    {
        "topic": "kommun-och-politik",
        "slug": "kommun-och-politik",
        "title": "Kommun och politik",
        "intro": "Allmänna handlingar, medborgarförslag, synpunkter och hur du kan påverka i din "
        "kommun.",
        "en": {
            "title": "Municipality and politics",
            "intro": (
                "Official documents, citizens' proposals, feedback and how you can have a "
                "say in your municipality."
            ),
        },
    },
    {
        "topic": "trafik-och-infrastruktur",
        "slug": "trafik-och-infrastruktur",
        "title": "Trafik och infrastruktur",
        "intro": "Felanmälan av gator och belysning, parkeringstillstånd och färdtjänst.",
        "en": {
            "title": "Traffic and infrastructure",
            "intro": "Fault reports for streets and lighting, parking permits and transport "
            "services for people with disabilities.",
        },
    },
    {
        "topic": "kultur-och-fritid",
        "slug": "kultur-och-fritid",
        "title": "Kultur och fritid",
        "intro": "Bibliotek, föreningsbidrag och fritidsaktiviteter i hela Dalsland.",
        "en": {
            "title": "Culture and leisure",
            "intro": "Libraries, grants for associations and leisure activities across Dalsland.",
        },
    },
    {
        "topic": "naringsliv-och-arbete",
        "slug": "naringsliv-och-arbete",
        "title": "Näringsliv och arbete",
        "intro": "Starta företag, serveringstillstånd och stöd för dig som driver företag i "
        "Dalsland.",
        "en": {
            "title": "Business and work",
            "intro": (
                "Starting a business, alcohol licences and support for people who run a "
                "business in Dalsland."
            ),
        },
    },
]
