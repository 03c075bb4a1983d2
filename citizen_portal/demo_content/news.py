"""Demo content: news for the last month. `municipality` None means Dalsland-wide news (the
joint news list); `days_ago` is counted back from the day the demo is seeded. News is in Swedish
only. Dates in the text are relative ("nästa vecka"), so the items stay true whenever they are
seeded.
"""

NEWS = [
    # Dalsland-wide
    {
        "municipality": None,
        "slug": "dalslandsportalen-har-oppnat",
        "title": "Dalslandsportalen har öppnat",
        "days_ago": 0,
        "intro": (
            "Nu har Bengtsfors, Dals-Ed, Färgelanda, Mellerud och Åmål en gemensam webbplats. Här "
            "hittar du alla fem kommunernas tjänster på ett ställe."
        ),
        "body": [
            (
                "paragraph",
                "<p>Dalslandsportalen samlar information om kommunernas tjänster, nyheter och "
                "kontaktuppgifter. Du kan söka i hela Dalsland eller välja din egen kommun.</p>"
                "<p>Under året bygger vi ut portalen med e-tjänster där du loggar in med "
                "e-legitimation. Då kan du till exempel ansöka om förskoleplats och följa dina "
                "ärenden.</p>"
                "<p>Vi vill gärna veta vad du tycker. Använd formuläret Lämna synpunkter om något "
                "saknas eller är svårt att förstå.</p>",
            ),
        ],
    },
    {
        "municipality": None,
        "slug": "snart-loggar-du-in-med-e-legitimation",
        "title": "Snart loggar du in med e-legitimation",
        "days_ago": 9,
        "intro": (
            "När e-tjänsterna öppnar loggar du in med BankID, Freja+ eller Svenska Pass. Har du "
            "ingen e-legitimation kan du få hjälp."
        ),
        "body": [
            (
                "paragraph",
                "<p>E-legitimationen visar vem du är när du använder en e-tjänst. Du väljer själv "
                "vilken av dessa du vill använda:</p>"
                "<ul><li>BankID, som du får genom din bank</li><li>Freja+, som är en app</li>"
                "<li>Svenska Pass, som är e-legitimationen på Skatteverkets id-kort</li></ul>"
                "<p>Har du ingen e-legitimation? På biblioteken kan du få hjälp att komma igång. "
                "Du kan också alltid kontakta kommunen och få hjälp på annat sätt.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Har du skyddade personuppgifter?",
                    "text": "<p>Använd inte e-tjänsterna. Kontakta kommunen direkt, så hjälper vi "
                    "dig på ett säkert sätt.</p>",
                    "kind": "important",
                },
            ),
        ],
    },
    {
        "municipality": None,
        "slug": "varning-for-samtal-fran-falska-kommunanstallda",
        "title": "Varning för samtal från personer som säger att de ringer från kommunen",
        "days_ago": 21,
        "intro": (
            "Flera personer i Dalsland har blivit uppringda av någon som säger att de ringer från "
            "kommunen och ber om bankuppgifter. Kommunen ber aldrig om sådana uppgifter i telefon."
        ),
        "body": [
            (
                "paragraph",
                "<p>Samtalen kommer ofta från dolt nummer. Den som ringer kan säga att du ska få "
                "tillbaka pengar, eller att du måste bekräfta vem du är med BankID.</p>"
                "<p>Kommunen ber dig aldrig att legitimera dig med BankID i telefon eller att "
                "lämna kortuppgifter. Kommunens personal bär legitimation när de kommer på "
                "besök.</p>"
                "<p>Lägg på om du blir osäker. Har du lämnat ut uppgifter, kontakta din bank "
                "direkt och polisanmäl på telefon 114 14.</p>",
            ),
        ],
    },
    # Mellerud
    {
        "municipality": "mellerud",
        "slug": "kommunfullmaktige-sammantrader-nasta-vecka",
        "title": "Kommunfullmäktige sammanträder nästa vecka",
        "days_ago": 3,
        "intro": (
            "Kommunfullmäktige i Mellerud sammanträder onsdag nästa vecka klockan 18.00 i "
            "kommunhuset. Sammanträdet är öppet för alla."
        ),
        "body": [
            (
                "paragraph",
                "<p>På dagordningen finns bland annat kommunens delårsrapport, en ny taxa för "
                "vatten och avlopp och ett medborgarförslag om belysning på en gång- och "
                "cykelväg.</p>"
                "<p>Kungörelsen och handlingarna finns på kommunens anslagstavla. Du kan också "
                "följa sammanträdet direkt på webben.</p>",
            ),
        ],
    },
    {
        "municipality": "mellerud",
        "slug": "vi-spolar-vattenledningar",
        "title": "Vi spolar vattenledningar i Mellerud",
        "days_ago": 16,
        "intro": (
            "Under de kommande veckorna spolar vi vattenledningarna i centrala Mellerud. Vattnet "
            "kan bli missfärgat en stund."
        ),
        "body": [
            (
                "paragraph",
                "<p>Vi spolar ledningarna för att få bort avlagringar och hålla dricksvattnet "
                "rent. Arbetet görs vardagar mellan klockan 7 och 16.</p>"
                "<p>Missfärgat vatten är inte farligt. Spola kallvatten tills det blir klart "
                "igen. Vänta med att tvätta vit tvätt.</p>"
                "<p>Har du frågor? Ring samhällsbyggnadsförvaltningen på 0530-182 00.</p>",
            ),
        ],
    },
    {
        "municipality": "mellerud",
        "slug": "samrad-om-detaljplan-for-bostader",
        "title": "Samråd om ny detaljplan för bostäder i norra Mellerud",
        "days_ago": 25,
        "intro": (
            "Ett förslag till detaljplan för nya bostäder i norra Mellerud är ute på samråd. Du "
            "kan lämna synpunkter under samrådstiden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Planen gör det möjligt att bygga cirka 30 bostäder, både villor och radhus. "
                "Området ska anslutas till kommunalt vatten och avlopp.</p>"
                "<p>Planhandlingarna finns i kommunhuset och på kommunens anslagstavla. Du lämnar "
                "synpunkter skriftligt till samhällsbyggnadsförvaltningen. Skriv ditt namn och din "
                "adress.</p>",
            ),
            (
                "fact_box",
                {
                    "heading": "Lämna synpunkter skriftligt",
                    "text": "<p>Den som inte har lämnat skriftliga synpunkter under planarbetet "
                    "kan förlora rätten att överklaga beslutet om detaljplanen.</p>",
                    "kind": "important",
                },
            ),
        ],
    },
    # Åmål
    {
        "municipality": "amal",
        "slug": "tva-nya-forskoleavdelningar",
        "title": "Två nya förskoleavdelningar öppnar i Åmål",
        "days_ago": 5,
        "intro": (
            "Nästa månad öppnar två nya förskoleavdelningar i centrala Åmål. Det ger plats för "
            "ungefär 35 fler barn."
        ),
        "body": [
            (
                "paragraph",
                "<p>Barnen i Åmål blir fler, och vi behöver fler förskoleplatser. De nya "
                "avdelningarna får nya lokaler med en egen gård.</p>"
                "<p>Har du redan ansökt om förskoleplats behöver du inte göra något. Du får ett "
                "erbjudande inom fyra månader från din ansökan, som vanligt.</p>"
                "<p>Vill du ansöka om plats? Ring barn- och utbildningsförvaltningen på 0532-171 "
                "00.</p>",
            ),
        ],
    },
    {
        "municipality": "amal",
        "slug": "vagarbete-pa-drottninggatan",
        "title": "Vägarbete på Drottninggatan",
        "days_ago": 14,
        "intro": (
            "Från måndag byter vi vattenledningar under Drottninggatan i Åmål. Gatan stängs av i "
            "etapper under cirka sex veckor."
        ),
        "body": [
            (
                "paragraph",
                "<p>Vi arbetar i en del av gatan i taget. Trafiken leds om via en skyltad omväg. "
                "Gående och cyklister kommer förbi hela tiden.</p>"
                "<p>Du som bor längs gatan kan få korta avbrott i vattnet. Vi lämnar information i "
                "brevlådan dagen innan.</p>"
                "<p>Har du frågor? Ring teknik- och fritidsförvaltningen på 0532-173 00.</p>",
            ),
        ],
    },
    {
        "municipality": "amal",
        "slug": "halsostigen-ar-oppen-igen",
        "title": "Hälsostigen längs Åmålsån är öppen igen",
        "days_ago": 29,
        "intro": (
            "Hälsostigen längs Åmålsån är öppen igen efter reparationen. Stigen har fått nytt grus "
            "och ny belysning."
        ),
        "body": [
            (
                "paragraph",
                "<p>Delar av stigen skadades när vattnet i ån var högt. Nu har vi lagt nytt grus "
                "och bytt ut belysningen på hela sträckan.</p>"
                "<p>Stigen passar för promenader, löpning och rullstol. Välkommen ut!</p>",
            ),
        ],
    },
    # Bengtsfors
    {
        "municipality": "bengtsfors",
        "slug": "snorojning-sa-prioriterar-vi",
        "title": "Snöröjning: så prioriterar vi",
        "days_ago": 2,
        "intro": (
            "När det snöar röjer vi först de gator som är viktigast för att bussar och "
            "utryckningsfordon ska komma fram."
        ),
        "body": [
            (
                "paragraph",
                "<p>Vi börjar ploga när det har kommit cirka fem centimeter snö. Först röjer vi "
                "huvudgator, busslinjer och gång- och cykelvägar till skolorna. Sedan kommer "
                "bostadsgatorna.</p>"
                "<p>Statliga vägar sköts av Trafikverket. Enskilda vägar sköts av "
                "vägföreningarna.</p>"
                "<p>Hjälp oss genom att inte parkera på gatan när det snöar. Skotta inte ut snö "
                "från din infart på gatan.</p>",
            ),
        ],
    },
    {
        "municipality": "bengtsfors",
        "slug": "bibliotekets-oppettider-i-jul-och-nyar",
        "title": "Bibliotekets öppettider under jul och nyår",
        "days_ago": 19,
        "intro": "Under jul- och nyårshelgerna har biblioteket i Bengtsfors ändrade öppettider.",
        "body": [
            (
                "paragraph",
                "<p>Biblioteket är stängt på julafton, juldagen, nyårsafton och nyårsdagen. Övriga "
                "vardagar mellan jul och nyår har vi öppet klockan 10–15.</p>"
                "<p>E-böcker och e-ljudböcker kan du låna som vanligt under hela helgen.</p>"
                "<p>God jul och gott nytt år!</p>",
            ),
        ],
    },
    {
        "municipality": "bengtsfors",
        "slug": "nya-hamtdagar-for-avfall",
        "title": "Nya hämtdagar för avfall i Billingsfors och Dals Långed",
        "days_ago": 27,
        "intro": (
            "Från och med nästa månad ändras hämtdagarna för hushållsavfall i Billingsfors och "
            "Dals Långed. Nya körturer gör att sopbilarna kör kortare sträckor."
        ),
        "body": [
            (
                "paragraph",
                "<p>Du som berörs får ett brev med din nya hämtdag. Du kan också ringa "
                "samhällsbyggnad på 0531-528 00 och fråga.</p>"
                "<p>Ställ ut kärlet senast klockan 6 på hämtdagen, med handtaget utåt.</p>",
            ),
        ],
    },
    # Dals-Ed
    {
        "municipality": "dals-ed",
        "slug": "kommunfullmaktige-sammantrader",
        "title": "Kommunfullmäktige sammanträder",
        "days_ago": 7,
        "intro": (
            "Kommunfullmäktige i Dals-Ed sammanträder torsdag nästa vecka klockan 18.30 i "
            "kommunkontoret. Alla är välkomna att lyssna."
        ),
        "body": [
            (
                "paragraph",
                "<p>Fullmäktige ska bland annat besluta om budget för nästa år och om en ny plan "
                "för vatten och avlopp.</p>"
                "<p>Kungörelsen och handlingarna finns på kommunens anslagstavla. Protokollet "
                "publiceras där när det har justerats.</p>",
            ),
        ],
    },
    {
        "municipality": "dals-ed",
        "slug": "underhall-av-vattenledningar-i-ed",
        "title": "Underhåll av vattenledningar i Ed",
        "days_ago": 23,
        "intro": (
            "Vi byter ventiler på vattenledningsnätet i Ed. Några hushåll får korta avbrott i "
            "vattnet."
        ),
        "body": [
            (
                "paragraph",
                "<p>Du som berörs får information i brevlådan minst ett dygn innan. Avbrotten "
                "brukar vara några timmar.</p>"
                "<p>Tappa gärna upp vatten i förväg. Efter avbrottet kan vattnet vara missfärgat. "
                "Spola kallvatten tills det blir klart.</p>"
                "<p>Har du frågor? Ring samhällsbyggnad på 0534-192 00.</p>",
            ),
        ],
    },
    # Färgelanda
    {
        "municipality": "fargelanda",
        "slug": "vi-asfalterar-gator",
        "title": "Vi asfalterar gator i Färgelanda och Högsäter",
        "days_ago": 10,
        "intro": (
            "De närmaste veckorna lägger vi ny asfalt på flera kommunala gator i Färgelanda och "
            "Högsäter. Det kan bli kortare avstängningar."
        ),
        "body": [
            (
                "paragraph",
                "<p>Vi arbetar på dagtid och skyltar omvägar där det behövs.</p>"
                "<p>Vi sätter upp skyltar om tillfälligt parkeringsförbud i god tid. Parkera inte "
                "på gatan de dagar vi arbetar där.</p>"
                "<p>Har du frågor? Ring samhällsbyggnad på 0528-567 200.</p>",
            ),
        ],
    },
    {
        "municipality": "fargelanda",
        "slug": "nominera-till-kulturpriset",
        "title": "Nominera till årets kulturpris",
        "days_ago": 18,
        "intro": "Vem tycker du ska få Färgelanda kommuns kulturpris i år? Nu kan du nominera.",
        "body": [
            (
                "paragraph",
                "<p>Kulturpriset går till en person, en grupp eller en förening som har gjort "
                "något särskilt för kulturlivet. Den som får priset ska bo eller vara verksam i "
                "kommunen.</p>"
                "<p>Skicka din nominering till kommun@fargelanda.se. Skriv Kulturpris i "
                "ämnesraden och berätta varför du nominerar.</p>"
                "<p>Priset delas ut vid nationaldagsfirandet.</p>",
            ),
        ],
    },
]
