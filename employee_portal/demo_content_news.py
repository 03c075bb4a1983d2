"""Demo content: news, targeted information and driftinformation in Medarbetarportalen.

Data only, Swedish only. Dates are relative to the day the demo is seeded, so a fresh `make run`
always has current news, one ongoing disruption, planned maintenance and one page whose review
date has passed (it is hidden from employees and listed in the stale-content report).

An audience is (municipality slug, department slug, role slug, network); None matches anyone.
"""

NEWS_INDEX = {
    "slug": "nyheter",
    "title": "Nyheter",
    "intro": "Nyheter för dig som arbetar i Dalslandskommunerna: för alla, för din kommun, din "
    "förvaltning och din roll.",
}

NEWS = [
    {
        "slug": "ny-version-av-it-sjalvservice",
        "title": "Ny version av IT-självservice",
        "intro": "Nu kan du själv byta lösenord, beställa behörigheter och följa dina ärenden till "
        "IT-servicedesken i mobilen.",
        "body": "<p>IT-självservice har fått en ny version som fungerar lika bra i mobilen som på "
        "datorn. Du loggar in med ditt vanliga kommunkonto.</p>"
        "<p>Det nya är att du kan beställa behörighet till ett system direkt i tjänsten. "
        "Beställningen går till systemägaren i din kommun för godkännande, och du ser hela tiden "
        "var den är.</p>",
        "audiences": [],
        "days_ago": 1,
        "valid_days": 30,
    },
    {
        "slug": "lonespecifikationen-bara-digitalt",
        "title": "Lönespecifikationen finns bara digitalt från nästa månad",
        "intro": "Pappersutskicken upphör. Du hittar din lönespecifikation i Självservice lön och "
        "tid eller i din digitala brevlåda.",
        "body": "<p>Från och med nästa lönekörning skickar vi inte längre lönespecifikationer på "
        "papper. Du hittar den i Självservice lön och tid, och om du har en digital brevlåda "
        "kommer den också dit.</p>"
        "<p>Har du inte tillgång till en dator på jobbet? Din chef kan skriva ut "
        "lönespecifikationen åt dig, och på biblioteken finns datorer du kan låna.</p>",
        "audiences": [],
        "days_ago": 3,
        "valid_days": 45,
    },
    {
        "slug": "ny-rutin-for-tjansteresor-amal",
        "title": "Ny rutin för tjänsteresor i Åmåls kommun",
        "intro": "Från årsskiftet bokar du tjänsteresor med tåg och buss i det nya resebokningsstödet."
        " Bilresor över 10 mil ska godkännas av chefen i förväg.",
        "body": "<p>Kommunstyrelsen har beslutat om en ny resepolicy för Åmåls kommun. Målet är "
        "färre bilresor och lägre kostnader.</p>"
        "<p>Resor med tåg och buss bokar du i resebokningsstödet. Bilresor över 10 mil ska "
        "godkännas av din chef innan du reser. Kör du egen bil i tjänsten får du milersättning "
        "enligt kollektivavtalet.</p>",
        "audiences": [("amal", None, None, None)],
        "days_ago": 2,
        "valid_days": 60,
    },
    {
        "slug": "bedomningsstod-i-larplattformen",
        "title": "Fortbildning i lärplattformens nya bedömningsstöd",
        "intro": "Barn- och utbildningsförvaltningen i Åmål erbjuder korta pass om det nya "
        "bedömningsstödet på studiedagen.",
        "body": "<p>Lärplattformen har fått ett nytt stöd för bedömning och omdömen. IT-pedagogerna "
        "håller korta pass om hur det fungerar under nästa studiedag, på Kristinebergskolan och "
        "Rösparkskolan.</p>"
        "<p>Anmäl dig till din rektor. Passen tar 45 minuter och du behöver bara ta med din "
        "arbetsdator.</p>",
        "audiences": [("amal", "barn-och-utbildning", None, None)],
        "days_ago": 0,
        "valid_days": 30,
    },
    {
        "slug": "digitala-nationella-prov",
        "title": "Digitala nationella prov: så förbereder du klassrummet",
        "intro": "Till alla lärare i Dalsland: kontrollera elevernas datorer och inloggning i god tid "
        "före provperioden.",
        "body": "<p>De nationella proven genomförs digitalt. Eleverna loggar in med sina "
        "skolkonton i Skolverkets provtjänst.</p>"
        "<p>Se till att elevernas datorer är laddade och uppdaterade dagen före provet, och att "
        "alla elever kan logga in. IT-pedagogen på din skola hjälper dig att testa i förväg.</p>",
        "audiences": [(None, None, "larare", None)],
        "days_ago": 4,
        "valid_days": 40,
    },
    {
        "slug": "nya-skrivare-pedagogiska-natet",
        "title": "Skrivarna på det pedagogiska nätet byts ut",
        "intro": "Under två veckor byter vi skrivarna på skolorna. Du skriver ut med ditt skolkort "
        "på vilken skrivare som helst.",
        "body": "<p>De gamla skrivarna på det pedagogiska nätet byts mot nya som du låser upp med "
        "ditt skolkort. Utskriften följer med dig, så du kan hämta den på den skrivare som är "
        "närmast.</p>"
        "<p>Skolorna får besked om vilken dag skrivarna byts. Under bytet fungerar skrivarna i "
        "personalrummet som vanligt.</p>",
        "audiences": [(None, None, None, "pedagogiskt")],
        "days_ago": 5,
        "valid_days": 30,
    },
    {
        "slug": "tillfalliga-arbetsplatser-kommunhuset-mellerud",
        "title": "Tillfälliga arbetsplatser under renoveringen av kommunhuset i Mellerud",
        "intro": "Plan 2 i kommunhuset stängs i tre månader. Samhällsbyggnadsförvaltningen flyttar "
        "tillfälligt till Rådhuset.",
        "body": "<p>Renoveringen av plan 2 i kommunhuset börjar nästa vecka. Under tiden arbetar "
        "samhällsbyggnadsförvaltningen i Rådhuset, plan 1. Telefonnummer och e-postadresser är "
        "oförändrade.</p>"
        "<p>Besökare till bygglov och miljö hänvisas från receptionen i kommunhuset. Bokade "
        "möten flyttas till mötesrummen i Rådhuset.</p>",
        "audiences": [("mellerud", None, None, None)],
        "days_ago": 1,
        "valid_days": 90,
    },
    {
        "slug": "nya-mallar-bygglovssystemet",
        "title": "Nya beslutsmallar i bygglovssystemet",
        "intro": "Mallarna för beslut om bygglov, startbesked och slutbesked är uppdaterade efter "
        "ändringarna i plan- och byggförordningen.",
        "body": "<p>Systemansvarig för bygglovssystemet har uppdaterat beslutsmallarna. De nya "
        "mallarna har rätt hänvisningar till plan- och byggförordningen och en tydligare "
        "upplysning om hur man överklagar.</p>"
        "<p>Ärenden du redan har påbörjat behåller sina gamla utkast. Välj den nya mallen när du "
        "skapar nästa beslut.</p>",
        "audiences": [(None, None, "bygglovshandlaggare", None)],
        "days_ago": 2,
        "valid_days": 60,
    },
    {
        "slug": "friskvardsbidraget-bengtsfors",
        "title": "Friskvårdsbidraget höjs i Bengtsfors",
        "intro": "Från januari kan du få upp till 2 500 kronor per år i friskvårdsbidrag.",
        "body": "<p>Bengtsfors kommun höjer friskvårdsbidraget till 2 500 kronor per år. Du "
        "ansöker som tidigare i Självservice lön och tid och bifogar kvittot.</p>",
        "audiences": [("bengtsfors", None, None, None)],
        "days_ago": 6,
        "valid_days": 60,
    },
    {
        "slug": "saker-e-post-socialtjansten-dals-ed",
        "title": "Säker e-post för socialtjänsten i Dals-Ed",
        "intro": "Socialförvaltningen i Dals-Ed börjar använda säker e-post för kontakter med "
        "andra myndigheter.",
        "body": "<p>Uppgifter som omfattas av sekretess får inte skickas med vanlig e-post. Från "
        "nästa månad skickar socialförvaltningen i Dals-Ed sådana uppgifter till andra "
        "myndigheter med säker e-post.</p>"
        "<p>Du får en kort introduktion av systemansvarig på din enhets nästa arbetsplatsträff.</p>",
        "audiences": [("dals-ed", "socialtjanst", None, None)],
        "days_ago": 3,
        "valid_days": 60,
    },
]

# Information pages with an audience, under the employee portal's root.
TARGETED_PAGES = [
    {
        "slug": "it-stod-pa-det-pedagogiska-natet",
        "title": "IT-stöd på det pedagogiska nätet",
        "intro": "För dig som arbetar i skolan: inloggning, elevdatorer och vem du vänder dig till.",
        "body": "<p>Det pedagogiska nätet är skolornas nät för lärare och elever. Där når du "
        "lärplattformen, elevregistret och skolans skrivare, men inte ekonomisystemet eller "
        "ärendehanteringen.</p>"
        "<p>Börja alltid med IT-pedagogen på din skola. Hen kan återställa elevers lösenord och "
        "hjälpa till med elevdatorerna. Fel på nätet eller trådlösa nätverket anmäler du till "
        "IT-servicedesken.</p>",
        "audiences": [(None, None, None, "pedagogiskt"), (None, None, "larare", None)],
        "valid_days": 180,
    },
    {
        "slug": "rutin-bygglov-mellerud",
        "title": "Handläggningsrutin för bygglov i Mellerud",
        "intro": "Så tar vi emot, kontrollerar och beslutar om bygglov på "
        "samhällsbyggnadsförvaltningen.",
        "body": "<p>Varje ansökan registreras i bygglovssystemet samma dag som den kommer in. "
        "Inom en vecka kontrollerar handläggaren att ansökan är komplett och begär annars "
        "komplettering.</p>"
        "<p>Tidsfristen på tio veckor börjar när ansökan är komplett. Handläggaren ansvarar för "
        "att beslutet fattas i tid; avgiften sätts ned med en femtedel för varje påbörjad vecka "
        "som handläggningen drar över.</p>",
        "audiences": [("mellerud", "samhallsbyggnad", None, None)],
        "valid_days": 120,
    },
    {
        "slug": "julstangning-it-servicedesken",
        "title": "Öppettider i IT-servicedesken under helgerna",
        "intro": "IT-servicedesken har begränsade öppettider under storhelgerna.",
        "body": "<p>Under storhelgerna har IT-servicedesken öppet klockan 9–15 på vardagar. "
        "Akuta fel i verksamhetskritiska system anmäler du till jourtelefonen.</p>",
        "audiences": [],
        # Past its review date: hidden from employees, listed in the stale-content report.
        "valid_days": -3,
    },
]

# Driftinformation: hours are relative to when the demo is seeded.
NOTICES = [
    {
        "title": "Inloggningen till lärplattformen går långsamt",
        "kind": "storning",
        "application": "Lärplattformen",
        "municipalities": [],
        "description": "Många får vänta upp till en minut vid inloggning. Leverantören felsöker. "
        "Redan inloggade påverkas inte. Vi uppdaterar meddelandet varje timme.",
        "starts_in_hours": -1,
        "lasts_hours": None,
    },
    {
        "title": "Uppdatering av ekonomisystemet",
        "kind": "planerat",
        "application": "Ekonomisystemet",
        "municipalities": [],
        "description": "Ekonomisystemet uppdateras till en ny version och går inte att använda "
        "under arbetet. Attestera fakturor som förfaller före dess.",
        "starts_in_hours": 50,
        "lasts_hours": 4,
    },
    {
        "title": "Bygglovssystemet stängt för underhåll i Mellerud",
        "kind": "planerat",
        "application": "Bygglovssystemet",
        "municipalities": ["mellerud"],
        "description": "Databasen flyttas till en ny server. E-tjänstens ansökningar tas emot "
        "som vanligt och kommer in i systemet när det är i gång igen.",
        "starts_in_hours": 26,
        "lasts_hours": 3,
    },
    {
        "title": "Avbrott i e-post och kalender",
        "kind": "storning",
        "application": "E-post och kalender",
        "municipalities": [],
        "description": "E-post kunde inte skickas eller tas emot under en timme. Felet är "
        "åtgärdat och all post har kommit fram.",
        "starts_in_hours": -26,
        "lasts_hours": 1,
    },
]
