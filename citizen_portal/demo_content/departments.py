"""Demo content: the departments (förvaltningar, nämnder, enheter) of the five municipalities,
and the joint bodies that work for several of them.

Data only. The seeding engine creates one `portal.Department` and one `DepartmentPage` per entry
in DEPARTMENTS, and one `Department` without municipality (and without a page) per entry in
JOINT_DEPARTMENTS. Body values are lists of (block_type, value) for `BodyBlock`.

Direct phone numbers and functional e-mail addresses are demo values in each municipality's
real number series and domain; the switchboard numbers are the municipalities' own.
"""

DEPARTMENTS = {
    "bengtsfors": [
        {
            "slug": "kommunledning",
            "name": "Kommunledningen",
            "kind": "enhet",
            "description": "Kommunledningen stöder kommunstyrelsen och samordnar kommunens "
            "verksamheter.",
            "email": "kommun@bengtsfors.se",
            "phone": "0531-526 00",
            "visiting_address": "Kommunhuset, Bengtsfors",
            "intro": (
                "Kommunledningen stöder kommunstyrelsen och leder kommunens förvaltning. Här finns "
                "bland annat kansli, registratur, ekonomi, personal och näringsliv."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors kommun har en förvaltning under kommunstyrelsen. Förvaltningen "
                    "är indelad i verksamhetsområden. Kommunchefen är kommunens högsta "
                    "tjänsteperson och chef för hela förvaltningen.</p>"
                    "<p>Kommunledningen bereder ärenden till kommunstyrelsen och "
                    "kommunfullmäktige och ser till att besluten genomförs.</p>",
                ),
                ("heading", "Det här gör vi"),
                (
                    "paragraph",
                    "<ul><li>Kansli och registratur, som tar emot och diarieför handlingar</li>"
                    "<li>Ekonomi, personal och upphandling</li>"
                    "<li>Näringsliv och kommunikation</li>"
                    "<li>Trygghet, säkerhet och krisberedskap</li></ul>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Begära ut allmänna handlingar",
                        "text": "<p>Vill du ta del av en allmän handling? Kontakta registraturen "
                        "via växeln 0531-526 00 eller kommun@bengtsfors.se. Du behöver "
                        "inte tala om vem du är.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "barn-och-utbildning",
            "name": "Barn och utbildning",
            "kind": "enhet",
            "description": "Verksamhetsområdet ansvarar för förskola, fritidshem, grundskola, "
            "gymnasieval och vuxenutbildning.",
            "email": "barn.utbildning@bengtsfors.se",
            "phone": "0531-527 00",
            "visiting_address": "Kommunhuset, Bengtsfors",
            "intro": (
                "Barn och utbildning ansvarar för förskola, fritidshem, förskoleklass, grundskola "
                "och vuxenutbildning i Bengtsfors kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi har förskolor och skolor i Bengtsfors tätort och i flera av kommunens "
                    "mindre orter. Vårt mål är att alla barn och elever ska känna sig trygga och "
                    "nå så långt som möjligt i sitt lärande.</p>",
                ),
                ("heading", "Klagomål på förskola och skola"),
                (
                    "paragraph",
                    "<p>Är du inte nöjd med något i förskolan eller skolan? Prata först med "
                    "personalen eller rektorn. Du kan också lämna ett skriftligt klagomål. Vi tar "
                    "emot och utreder alla klagomål enligt vår rutin.</p>",
                ),
            ],
        },
        {
            "slug": "samhallsbyggnad",
            "name": "Samhällsbyggnad",
            "kind": "enhet",
            "description": "Verksamhetsområdet ansvarar för bygglov, planering, gator, vatten och "
            "avlopp samt avfall.",
            "email": "samhallsbyggnad@bengtsfors.se",
            "phone": "0531-528 00",
            "visiting_address": "Kommunhuset, Bengtsfors",
            "intro": (
                "Samhällsbyggnad handlägger bygglov och detaljplaner och sköter kommunens gator, "
                "belysning, vatten och avlopp och avfallshantering."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi planerar för nya bostäder och verksamheter och ser till att det byggs "
                    "enligt reglerna. Vi sköter också det som du använder varje dag: gator, gång- "
                    "och cykelvägar, gatubelysning, dricksvatten och sophämtning.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Miljö och livsmedel",
                        "text": "<p>Frågor om miljö, hälsoskydd, livsmedel och enskilda avlopp "
                        "handläggs av Dalslands miljö- och energiförbund.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "omsorg",
            "name": "Omsorg",
            "kind": "enhet",
            "description": "Verksamhetsområdet ansvarar för äldreomsorg, funktionsstöd och "
            "individ- och familjeomsorg.",
            "email": "omsorg@bengtsfors.se",
            "phone": "0531-529 00",
            "visiting_address": "Kommunhuset, Bengtsfors",
            "intro": (
                "Omsorg ger stöd till äldre, till personer med funktionsnedsättning och till barn, "
                "unga och vuxna som behöver hjälp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi ansvarar för hemtjänst, särskilda boenden, stöd till personer med "
                    "funktionsnedsättning och för individ- och familjeomsorgen.</p>"
                    "<p>Du som behöver hjälp kontaktar en biståndshandläggare. Handläggaren "
                    "utreder ditt behov och fattar beslut.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Är du orolig för ett barn?",
                        "text": "<p>Ring oss på 0531-529 00 under kontorstid. Om det är akut, ring "
                        "112.</p>",
                        "kind": "important",
                    },
                ),
            ],
        },
        {
            "slug": "kultur-och-fritid",
            "name": "Kultur och fritid",
            "kind": "enhet",
            "description": "Enheten ansvarar för bibliotek, föreningsstöd och fritidsverksamhet.",
            "email": "kultur.fritid@bengtsfors.se",
            "phone": "0531-526 50",
            "visiting_address": "Kommunhuset, Bengtsfors",
            "intro": (
                "Kultur och fritid driver biblioteket och stöder föreningar, kulturliv och "
                "fritidsaktiviteter för alla åldrar."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors har ett rikt föreningsliv och en natur som passar för "
                    "friluftsliv, paddling och fiske. Vi hjälper föreningar med bidrag och "
                    "lokaler och ordnar aktiviteter för barn och unga.</p>",
                ),
            ],
        },
    ],
    "dals-ed": [
        {
            "slug": "kommunledning",
            "name": "Kommunledningskontoret",
            "kind": "forvaltning",
            "description": "Kommunledningskontoret stöder kommunstyrelsen och samordnar kommunens "
            "verksamheter.",
            "email": "kommun@dalsed.se",
            "phone": "0534-190 00",
            "visiting_address": "Kommunkontoret, Ed",
            "intro": (
                "Kommunledningskontoret arbetar på uppdrag av kommunstyrelsen. Här finns kansli, "
                "registratur, ekonomi, personal och näringsliv."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Kommunfullmäktige är kommunens högsta beslutande organ. Under fullmäktige "
                    "finns kommunstyrelsen och tre nämnder: FOKUS-nämnden, socialnämnden och "
                    "plan- och byggnadsnämnden.</p>"
                    "<p>Miljöfrågorna sköts gemensamt med Bengtsfors, Färgelanda och Mellerud "
                    "genom Dalslands miljö- och energiförbund.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Synpunkter och klagomål",
                        "text": "<p>Vill du lämna beröm, ett förslag eller ett klagomål? Använd "
                        "formuläret Lämna synpunkter eller ring 0534-190 00.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "barn-och-utbildning",
            "name": "Barn och utbildning",
            "kind": "forvaltning",
            "description": "Barn och utbildning ansvarar för förskola, fritidshem och grundskola "
            "och arbetar på uppdrag av FOKUS-nämnden.",
            "email": "barn.utbildning@dalsed.se",
            "phone": "0534-191 00",
            "visiting_address": "Kommunkontoret, Ed",
            "intro": (
                "Barn och utbildning ansvarar för förskola, fritidshem, förskoleklass och "
                "grundskola i Dals-Eds kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi arbetar på uppdrag av FOKUS-nämnden. Vi vill att alla barn och elever "
                    "ska känna sig trygga och utvecklas så långt som möjligt.</p>",
                ),
                ("heading", "Klagomål på förskola och skola"),
                (
                    "paragraph",
                    "<p>Prata först med personalen eller rektorn om du inte är nöjd. Du kan också "
                    "lämna ett skriftligt klagomål. Vi utreder alla klagomål och återkommer till "
                    "dig.</p>",
                ),
            ],
        },
        {
            "slug": "samhallsbyggnad",
            "name": "Samhällsbyggnad",
            "kind": "forvaltning",
            "description": "Samhällsbyggnad handlägger bygglov och sköter gator, vatten och "
            "avlopp och kommunens fastigheter.",
            "email": "samhallsbyggnad@dalsed.se",
            "phone": "0534-192 00",
            "visiting_address": "Kommunkontoret, Ed",
            "intro": (
                "Samhällsbyggnad handlägger bygglov och planfrågor och sköter gator, "
                "gatubelysning, vatten och avlopp i Dals-Eds kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi handlägger ärenden om bygglov, anmälan och förhandsbesked. Besluten "
                    "fattas av plan- och byggnadsnämnden eller av tjänstepersoner med delegation "
                    "från nämnden.</p>"
                    "<p>Vi sköter också kommunens gator, gång- och cykelvägar och "
                    "gatubelysning.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Miljö och livsmedel",
                        "text": "<p>Frågor om miljö, hälsoskydd, livsmedel och enskilda avlopp "
                        "handläggs av Dalslands miljö- och energiförbund.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "plan-och-byggnadsnamnden",
            "name": "Plan- och byggnadsnämnden",
            "kind": "namnd",
            "description": "Plan- och byggnadsnämnden beslutar om bygglov, detaljplaner och "
            "tillsyn enligt plan- och bygglagen.",
            "email": "samhallsbyggnad@dalsed.se",
            "phone": "0534-192 00",
            "visiting_address": "Kommunkontoret, Ed",
            "intro": (
                "Plan- och byggnadsnämnden är kommunens byggnadsnämnd. Nämnden beslutar om "
                "bygglov, planer och tillsyn."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Nämnden består av förtroendevalda politiker som kommunfullmäktige har "
                    "valt. Enklare ärenden beslutas av handläggare med delegation, så att du får "
                    "ditt beslut snabbare.</p>"
                    "<p>Kallelser och protokoll publiceras på kommunens anslagstavla.</p>",
                ),
            ],
        },
        {
            "slug": "socialtjanst",
            "name": "Socialförvaltningen",
            "kind": "forvaltning",
            "description": "Socialförvaltningen ansvarar för äldreomsorg, funktionsstöd och "
            "individ- och familjeomsorg.",
            "email": "socialforvaltningen@dalsed.se",
            "phone": "0534-193 00",
            "visiting_address": "Kommunkontoret, Ed",
            "intro": (
                "Socialförvaltningen ger stöd och omsorg till äldre, till personer med "
                "funktionsnedsättning och till barn, unga och vuxna som behöver hjälp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi arbetar på uppdrag av socialnämnden. Du som behöver stöd kontaktar en "
                    "biståndshandläggare eller en socialsekreterare. De utreder ditt behov och "
                    "fattar beslut.</p>",
                ),
            ],
        },
        {
            "slug": "kultur-och-fritid",
            "name": "Kultur och fritid",
            "kind": "enhet",
            "description": "Enheten ansvarar för biblioteket, föreningsstöd och fritidsverksamhet.",
            "email": "kultur.fritid@dalsed.se",
            "phone": "0534-190 65",
            "visiting_address": "Biblioteket, Ed",
            "intro": (
                "Kultur och fritid driver biblioteket i Ed och stöder föreningar och "
                "fritidsaktiviteter i hela kommunen."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dals-Ed har sjöar, skog och Tresticklans nationalpark. Vi stöder "
                    "föreningar som gör det möjligt för fler att vara aktiva, och vi ordnar "
                    "aktiviteter för barn och unga.</p>",
                ),
            ],
        },
    ],
    "fargelanda": [
        {
            "slug": "kommunledning",
            "name": "Kommunstyrelsens förvaltning",
            "kind": "forvaltning",
            "description": "Förvaltningen stöder kommunstyrelsen och samordnar kommunens "
            "verksamheter.",
            "email": "kommun@fargelanda.se",
            "phone": "0528-567 000",
            "visiting_address": "Allhemsvägen 5, 458 80 Färgelanda",
            "intro": (
                "Kommunstyrelsens förvaltning bereder ärenden till politikerna och ger service "
                "till invånare och företag. Här finns kansli, registratur och näringsliv."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Kommunfullmäktige är kommunens högsta beslutande organ. Kommunstyrelsen "
                    "leder och samordnar kommunens arbete och ansvarar för ekonomin.</p>"
                    "<p>Fullmäktiges sammanträden är öppna för alla. Kungörelsen publiceras på "
                    "anslagstavlan och i Bohusläningen och Dalslänningen.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Kontakta registraturen",
                        "text": "<p>Vill du begära ut en allmän handling? Skicka e-post till "
                        "kommun@fargelanda.se eller ring 0528-567 000.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "barn-och-utbildning",
            "name": "Barn och utbildning",
            "kind": "forvaltning",
            "description": "Barn och utbildning ansvarar för förskola, fritidshem, grundskola och "
            "vuxenutbildning.",
            "email": "barn.utbildning@fargelanda.se",
            "phone": "0528-567 100",
            "visiting_address": "Allhemsvägen 5, 458 80 Färgelanda",
            "intro": (
                "Barn och utbildning ansvarar för förskola, fritidshem, förskoleklass, grundskola "
                "och vuxenutbildning i Färgelanda kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi har förskolor och skolor i Färgelanda tätort och i flera av kommunens "
                    "mindre orter. Vi vill att alla barn och elever ska känna sig trygga och "
                    "utvecklas så långt som möjligt.</p>",
                ),
                ("heading", "Klagomål på förskola och skola"),
                (
                    "paragraph",
                    "<p>Prata först med personalen eller rektorn. Du kan också lämna ett "
                    "skriftligt klagomål. Vi utreder alla klagomål och återkommer till dig.</p>",
                ),
            ],
        },
        {
            "slug": "samhallsbyggnad",
            "name": "Samhällsbyggnad",
            "kind": "forvaltning",
            "description": "Samhällsbyggnad handlägger bygglov och sköter gator, parker, vatten "
            "och avlopp.",
            "email": "samhallsbyggnad@fargelanda.se",
            "phone": "0528-567 200",
            "visiting_address": "Allhemsvägen 5, 458 80 Färgelanda",
            "intro": (
                "Samhällsbyggnad handlägger bygglov och detaljplaner och sköter gator, "
                "gatubelysning, parker, vatten och avlopp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi planerar för nya bostäder och företag och ser till att det byggs enligt "
                    "reglerna. Vi ansvarar också för dricksvattnet och för att avloppsvattnet "
                    "renas.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Miljö och livsmedel",
                        "text": "<p>Frågor om miljö, hälsoskydd, livsmedel och enskilda avlopp "
                        "handläggs av Dalslands miljö- och energiförbund.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "omsorg",
            "name": "Omsorg",
            "kind": "forvaltning",
            "description": "Omsorg ansvarar för äldreomsorg, funktionsstöd och individ- och "
            "familjeomsorg.",
            "email": "omsorg@fargelanda.se",
            "phone": "0528-567 300",
            "visiting_address": "Allhemsvägen 5, 458 80 Färgelanda",
            "intro": (
                "Omsorg ger stöd till äldre, till personer med funktionsnedsättning och till barn, "
                "unga och vuxna som behöver hjälp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi ansvarar för hemtjänst, särskilda boenden, hemsjukvård och stöd till "
                    "personer med funktionsnedsättning. Vi ger också stöd till barn, unga och "
                    "familjer och till vuxna som har det svårt.</p>",
                ),
            ],
        },
        {
            "slug": "kultur-och-fritid",
            "name": "Kultur och fritid",
            "kind": "enhet",
            "description": "Enheten ansvarar för bibliotek, föreningsstöd, kultur och fritid.",
            "email": "kultur.fritid@fargelanda.se",
            "phone": "0528-567 500",
            "visiting_address": "Allhemsvägen 5, 458 80 Färgelanda",
            "intro": (
                "Kultur och fritid driver biblioteket, delar ut kommunens kulturpris och stöder "
                "föreningslivet."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi stöder föreningar med bidrag och lokaler, ordnar aktiviteter för barn "
                    "och unga och samarbetar med kulturlivet i hela kommunen.</p>",
                ),
            ],
        },
    ],
    "mellerud": [
        {
            "slug": "kommunstyrelseforvaltningen",
            "name": "Kommunstyrelseförvaltningen",
            "kind": "forvaltning",
            "description": "Kommunstyrelseförvaltningen stöder kommunstyrelsen och samordnar "
            "kommunens verksamheter.",
            "email": "kommunen@mellerud.se",
            "phone": "0530-180 00",
            "visiting_address": "Kommunhuset, Storgatan 13, Mellerud",
            "intro": (
                "Kommunstyrelseförvaltningen arbetar på uppdrag av kommunstyrelsen. Här finns "
                "kansli, registratur, ekonomi, personal, näringsliv och Medborgarkontoret."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Kommunfullmäktige är kommunens högsta beslutande organ. Kommunstyrelsen "
                    "leder och samordnar kommunens arbete och har uppsikt över nämnderna och "
                    "bolagen.</p>"
                    "<p>Kommunstyrelsens sammanträden är inte öppna för allmänheten, men "
                    "handlingarna och protokollen är offentliga.</p>",
                ),
                ("heading", "Medborgarkontoret"),
                (
                    "paragraph",
                    "<p>Medborgarkontoret i kommunhuset svarar på frågor om alla kommunens "
                    "verksamheter. Hit kan du ringa, mejla eller komma om du inte vet vem du ska "
                    "vända dig till.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Kommunens anslagstavla",
                        "text": "<p>Kungörelser om fullmäktiges sammanträden och bevis om "
                        "justerade protokoll finns på kommunens anslagstavla. Där står "
                        "också hur du överklagar ett beslut.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "barn-och-utbildning",
            "name": "Barn- och utbildningsförvaltningen",
            "kind": "forvaltning",
            "description": "Förvaltningen ansvarar för förskola, fritidshem, grundskola, "
            "gymnasieval och vuxenutbildning.",
            "email": "barn.utbildning@mellerud.se",
            "phone": "0530-183 00",
            "visiting_address": "Kommunhuset, Storgatan 13, Mellerud",
            "intro": (
                "Barn- och utbildningsförvaltningen ansvarar för förskola, fritidshem, "
                "förskoleklass, grundskola och vuxenutbildning i Melleruds kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Förvaltningen arbetar på uppdrag av barn- och utbildningsnämnden. Vi har "
                    "förskolor och skolor i Mellerud och i flera mindre orter i kommunen.</p>",
                ),
                ("heading", "Klagomål på förskola och skola"),
                (
                    "paragraph",
                    "<p>Är du inte nöjd med något i förskolan eller skolan? Prata först med "
                    "personalen eller rektorn. Du kan också lämna ett skriftligt klagomål till "
                    "förvaltningen. Vi utreder alla klagomål enligt vår rutin och återkommer till "
                    "dig.</p>",
                ),
            ],
        },
        {
            "slug": "samhallsbyggnad",
            "name": "Samhällsbyggnadsförvaltningen",
            "kind": "forvaltning",
            "description": "Förvaltningen ansvarar för bygglov, planering, gator, parker, vatten "
            "och avlopp samt avfall.",
            "email": "samhallsbyggnad@mellerud.se",
            "phone": "0530-182 00",
            "visiting_address": "Kommunhuset, Storgatan 13, Mellerud",
            "intro": (
                "Samhällsbyggnadsförvaltningen handlägger bygglov och detaljplaner och sköter "
                "gator, gatubelysning, parker, vatten och avlopp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi planerar för nya bostäder och verksamheter, prövar bygglov och ser till "
                    "att gator, vatten och avlopp fungerar varje dag.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Miljö och livsmedel",
                        "text": "<p>Frågor om miljö, hälsoskydd, livsmedel och enskilda avlopp "
                        "handläggs av Dalslands miljö- och energiförbund, som har sitt kontor "
                        "på Kyrkogatan 5 i Mellerud.</p>",
                        "kind": "info",
                    },
                ),
            ],
        },
        {
            "slug": "socialforvaltningen",
            "name": "Socialförvaltningen",
            "kind": "forvaltning",
            "description": "Socialförvaltningen ansvarar för äldreomsorg, funktionsstöd och "
            "individ- och familjeomsorg.",
            "email": "socialforvaltningen@mellerud.se",
            "phone": "0530-184 00",
            "visiting_address": "Kommunhuset, Storgatan 13, Mellerud",
            "intro": (
                "Socialförvaltningen ger stöd och omsorg till äldre, till personer med "
                "funktionsnedsättning och till barn, unga och vuxna som behöver hjälp."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi arbetar på uppdrag av socialnämnden. Vi ansvarar för hemtjänst, "
                    "särskilda boenden, stöd till personer med funktionsnedsättning och individ- "
                    "och familjeomsorg.</p>"
                    "<p>Du som behöver stöd kontaktar en biståndshandläggare eller "
                    "socialsekreterare. De utreder ditt behov och fattar beslut.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Är du orolig för ett barn?",
                        "text": "<p>Ring socialförvaltningen på 0530-184 00 under kontorstid. Om "
                        "det är akut, ring 112.</p>",
                        "kind": "important",
                    },
                ),
            ],
        },
        {
            "slug": "kultur-och-fritid",
            "name": "Kultur och fritid",
            "kind": "enhet",
            "description": "Enheten ansvarar för biblioteket, föreningsstöd, fritidsgård och "
            "idrottsanläggningar.",
            "email": "kultur.fritid@mellerud.se",
            "phone": "0530-185 00",
            "visiting_address": "Kommunhuset, Storgatan 13, Mellerud",
            "intro": (
                "Kultur och fritid driver biblioteket och fritidsgården och stöder föreningar och "
                "kulturliv i Melleruds kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Från Vänerns stränder till Dalslands kanal och Kroppefjäll finns mycket "
                    "att göra i Mellerud. Vi stöder föreningarna och ordnar aktiviteter för barn "
                    "och unga under hela året.</p>",
                ),
            ],
        },
    ],
    "amal": [
        {
            "slug": "kommunstyrelsens-forvaltning",
            "name": "Kommunstyrelsens förvaltning",
            "kind": "forvaltning",
            "description": "Förvaltningen leder och samordnar kommunens övriga förvaltningar och "
            "stöder kommunstyrelsen.",
            "email": "kommun@amal.se",
            "phone": "0532-170 00",
            "visiting_address": "Stadshuset, Åmål",
            "intro": (
                "Kommunstyrelsens förvaltning leder och samordnar kommunens arbete. Här finns "
                "kansli, registratur, ekonomi, personal, näringsliv och kommunikation."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Åmåls kommun har flera förvaltningar som planerar och genomför det som "
                    "politikerna i nämnderna beslutar. Kommunstyrelsens förvaltning leder och "
                    "samordnar de andra förvaltningarna.</p>",
                ),
                ("heading", "Webbdiariet"),
                (
                    "paragraph",
                    "<p>I Åmåls kommuns webbdiarium kan du söka bland nämndernas handlingar från "
                    "2022 och framåt. Diariet uppdateras två gånger varje vardag. Handlingar med "
                    "personuppgifter kan du inte ladda ner. Dem begär du ut hos registratorn.</p>",
                ),
            ],
        },
        {
            "slug": "barn-och-utbildning",
            "name": "Barn- och utbildningsförvaltningen",
            "kind": "forvaltning",
            "description": "Förvaltningen ansvarar för förskola, fritidshem, grundskola och "
            "vuxenutbildning.",
            "email": "barn.utbildning@amal.se",
            "phone": "0532-171 00",
            "visiting_address": "Stadshuset, Åmål",
            "intro": (
                "Barn- och utbildningsförvaltningen ansvarar för förskola, fritidshem, "
                "förskoleklass, grundskola och vuxenutbildning i Åmåls kommun."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Förvaltningen arbetar på uppdrag av barn- och utbildningsnämnden. Vi har "
                    "förskolor och skolor både i staden och på landsbygden.</p>",
                ),
                ("heading", "Klagomål på förskola och skola"),
                (
                    "paragraph",
                    "<p>Prata först med personalen eller rektorn. Du kan också lämna ett "
                    "skriftligt klagomål till förvaltningen. Vi utreder alla klagomål och "
                    "återkommer till dig.</p>",
                ),
            ],
        },
        {
            "slug": "samhallsbyggnad",
            "name": "Samhällsbyggnadsförvaltningen",
            "kind": "forvaltning",
            "description": "Förvaltningen ansvarar för bygglov, planering, miljö och hälsoskydd.",
            "email": "samhallsbyggnad@amal.se",
            "phone": "0532-172 00",
            "visiting_address": "Stadshuset, Åmål",
            "intro": (
                "Samhällsbyggnadsförvaltningen handlägger bygglov, strandskyddsdispenser och "
                "detaljplaner och ansvarar för miljö- och hälsoskydd i Åmål."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi planerar för hur mark och vatten ska användas, prövar bygglov och "
                    "dispenser och gör tillsyn inom miljö, hälsoskydd och livsmedel.</p>"
                    "<p>Åmål ingår inte i Dalslands miljö- och energiförbund. Miljöfrågor i Åmål "
                    "handläggs därför här.</p>",
                ),
            ],
        },
        {
            "slug": "teknik-och-fritid",
            "name": "Teknik- och fritidsförvaltningen Säffle-Åmål",
            "kind": "forvaltning",
            "description": "Förvaltningen är gemensam för Säffle och Åmål och sköter gator, "
            "vatten och avlopp, avfall och fritid.",
            "email": "teknik.fritid@amal.se",
            "phone": "0532-173 00",
            "visiting_address": "Stadshuset, Åmål",
            "intro": (
                "Teknik- och fritidsförvaltningen är gemensam för Säffle och Åmål. Vi sköter "
                "gator, parker, vatten och avlopp, idrottsanläggningar och stöd till föreningar."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Åmål och Säffle har en gemensam nämnd och förvaltning för teknik och "
                    "fritid. Det gör att vi kan dela kompetens och utrustning mellan "
                    "kommunerna.</p>"
                    "<p>Du som bor i Åmål kontaktar oss på Åmåls nummer och e-postadress.</p>",
                ),
            ],
        },
        {
            "slug": "valfard-och-arbetsmarknad",
            "name": "Välfärds- och arbetsmarknadsförvaltningen",
            "kind": "forvaltning",
            "description": "Förvaltningen ansvarar för äldreomsorg, funktionsstöd, individ- och "
            "familjeomsorg och arbetsmarknadsfrågor.",
            "email": "valfard@amal.se",
            "phone": "0532-175 00",
            "visiting_address": "Stadshuset, Åmål",
            "intro": (
                "Välfärds- och arbetsmarknadsförvaltningen ger stöd till äldre, personer med "
                "funktionsnedsättning och till dig som behöver hjälp att komma i arbete."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Vi ansvarar för hemtjänst, särskilda boenden, funktionsstöd, ekonomiskt "
                    "bistånd och individ- och familjeomsorg. Vi hjälper också personer som står "
                    "långt från arbetsmarknaden att komma i arbete eller studier.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Är du orolig för ett barn?",
                        "text": "<p>Ring oss på 0532-175 00 under kontorstid. Om det är akut, ring "
                        "112.</p>",
                        "kind": "important",
                    },
                ),
            ],
        },
    ],
}

JOINT_DEPARTMENTS = [
    {
        "slug": "dalslands-miljo-och-energiforbund",
        "name": "Dalslands miljö- och energiförbund",
        "kind": "forbund",
        "members": ["bengtsfors", "dals-ed", "fargelanda", "mellerud"],
        "description": (
            "Kommunalförbundet sköter miljö- och hälsoskydd, livsmedelskontroll och "
            "energirådgivning för Bengtsfors, Dals-Ed, Färgelanda och Mellerud."
        ),
        "email": "info@dalsland.se",
        "phone": "0530-189 00",
        "visiting_address": "Kyrkogatan 5, 464 30 Mellerud",
    },
]
