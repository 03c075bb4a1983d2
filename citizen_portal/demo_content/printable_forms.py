"""Demo content: the paper forms (blanketter) that still exist, as printable PDFs.

Some people cannot or will not use a web form: no e-ID, protected personal data, a certificate
only on paper. For them the municipality keeps a printable form, made at seed time with the
portal's tagged-PDF writer (portal/pdf.py).

`FORMS` holds the content; `SERVICE_DOCUMENTS` says which service pages link to which form.
"""

from portal.pdf import TaggedPdf


def build_pdf(form: dict) -> bytes:
    pdf = TaggedPdf(form["title"], form["author"])
    pdf.heading(form["title"])
    for text in form["intro"]:
        pdf.paragraph(text)
    for section, items in form["sections"]:
        pdf.heading(section, level=2)
        for item in items:
            kind, label = item[0], item[1]
            if kind == "field":
                pdf.field(label, item[2] if len(item) > 2 else 1)
            elif kind == "check":
                pdf.checkbox(label)
            elif kind == "text":
                pdf.paragraph(label)
            elif kind == "signature":
                pdf.signature(label)
    pdf.heading("Skicka blanketten till", level=2)
    for line in form["send_to"]:
        pdf.paragraph(line)
    return pdf.render()


SIGN = [
    ("field", "Ort och datum"),
    ("signature", "Namnteckning"),
    ("field", "Namnförtydligande"),
]
PRIVACY = (
    "Vi behandlar dina personuppgifter för att handlägga ärendet, enligt "
    "dataskyddsförordningen (GDPR). Läs mer om hur kommunen behandlar personuppgifter på "
    "kommunens webbplats."
)


def _parking():
    return {
        "slug": "ansokan-parkeringstillstand-rorelsehindrade",
        "title": "Ansökan om parkeringstillstånd för rörelsehindrade",
        "author": "Färgelanda kommun",
        "intro": [
            "Du kan få parkeringstillstånd om du har en varaktig funktionsnedsättning som gör "
            "att du har stora svårigheter att gå. Som passagerare kan du få tillstånd om du "
            "behöver förarens hjälp även utanför bilen.",
            "Bifoga ett läkarintyg som är högst tre månader gammalt. Det ska beskriva din "
            "diagnos, hur funktionsnedsättningen påverkar hur långt och hur du kan gå, vilka "
            "hjälpmedel du använder och hur länge funktionsnedsättningen väntas vara.",
            "Du kan också ansöka i webbformuläret på dalslandsportalen.se.",
        ],
        "sections": [
            (
                "Sökande",
                [
                    ("field", "Namn"),
                    ("field", "Personnummer (ÅÅÅÅMMDD-NNNN)"),
                    ("field", "Adress, postnummer och ort", 2),
                    ("field", "Telefon"),
                    ("field", "E-post"),
                ],
            ),
            (
                "Jag söker tillstånd som",
                [
                    ("check", "Förare"),
                    ("check", "Passagerare"),
                    ("check", "Jag har haft parkeringstillstånd tidigare"),
                ],
            ),
            (
                "Bilagor",
                [
                    ("check", "Läkarintyg (högst tre månader gammalt)"),
                    ("check", "Foto (passfoto, 35 × 45 mm) med namn på baksidan"),
                ],
            ),
            ("Underskrift", [("text", "Jag intygar att uppgifterna är riktiga."), *SIGN]),
            ("Personuppgifter", [("text", PRIVACY)]),
        ],
        "send_to": [
            "Färgelanda kommun, Samhällsbyggnad, Allhemsvägen 5, 458 80 Färgelanda.",
            "Frågor? Ring kommunens växel 0528-567 000.",
        ],
    }


def _housing_adaptation():
    return {
        "slug": "ansokan-bostadsanpassningsbidrag",
        "title": "Ansökan om bostadsanpassningsbidrag",
        "author": "Dalslandskommunerna",
        "intro": [
            "Har du en varaktig funktionsnedsättning kan du få bidrag för att anpassa din "
            "bostad, till exempel ta bort trösklar, bygga en ramp eller byta badkar mot dusch. "
            "Bidraget regleras i lagen (2018:222) om bostadsanpassningsbidrag.",
            "Bifoga ett intyg från arbetsterapeut, fysioterapeut eller läkare som beskriver "
            "varför åtgärden behövs, och en ritning eller skiss om åtgärden ändrar bostaden. Bor "
            "du i hyresrätt eller bostadsrätt behöver du fastighetsägarens medgivande.",
        ],
        "sections": [
            (
                "Sökande",
                [
                    ("field", "Namn"),
                    ("field", "Personnummer (ÅÅÅÅMMDD-NNNN)"),
                    ("field", "Adress, postnummer och ort", 2),
                    ("field", "Telefon"),
                ],
            ),
            (
                "Bostaden",
                [
                    ("check", "Äganderätt (villa)"),
                    ("check", "Bostadsrätt"),
                    ("check", "Hyresrätt"),
                    ("field", "Fastighetsbeteckning"),
                    ("field", "Fastighetsägare eller bostadsrättsförening och telefon"),
                ],
            ),
            (
                "Vad vill du anpassa?",
                [
                    ("field", "Beskriv åtgärderna och varför de behövs", 5),
                    ("field", "Funktionsnedsättning, kort", 2),
                ],
            ),
            (
                "Bilagor",
                [
                    ("check", "Intyg från arbetsterapeut, fysioterapeut eller läkare"),
                    ("check", "Fastighetsägarens medgivande"),
                    ("check", "Ritning, skiss eller offert"),
                ],
            ),
            ("Underskrift", [("text", "Jag intygar att uppgifterna är riktiga."), *SIGN]),
            ("Personuppgifter", [("text", PRIVACY)]),
        ],
        "send_to": [
            "Samhällsbyggnad eller socialförvaltningen i den kommun där bostaden finns. "
            "Adressen finns på kommunens kontaktsida.",
        ],
    }


def _heat_pump():
    return {
        "slug": "anmalan-installation-varmepump",
        "title": "Anmälan om installation av värmepump",
        "author": "Dalslandskommunerna",
        "intro": [
            "Du ska anmäla till kommunens miljö- och byggnadsnämnd innan du installerar en "
            "värmepump som tar värme från berg, mark, grundvatten eller sjö "
            "(9 kap. 6 § miljöbalken och 17 § förordningen om miljöfarlig verksamhet och "
            "hälsoskydd). Luftvärmepumpar behöver inte anmälas.",
            "Anmäl minst sex veckor innan arbetet börjar. Bifoga en situationsplan som visar "
            "var borrhålet eller kollektorslangen ska ligga och avståndet till brunnar, "
            "avlopp och tomtgräns.",
        ],
        "sections": [
            (
                "Fastighet och sökande",
                [
                    ("field", "Fastighetsbeteckning"),
                    ("field", "Fastighetens adress"),
                    ("field", "Fastighetsägare"),
                    ("field", "Telefon och e-post"),
                ],
            ),
            (
                "Värmepumpen",
                [
                    ("check", "Bergvärme (borrhål)"),
                    ("check", "Ytjordvärme (kollektor i mark)"),
                    ("check", "Sjövärme"),
                    ("check", "Grundvattenvärme"),
                    ("field", "Fabrikat och modell"),
                    ("field", "Köldmedium och mängd i kg"),
                    ("field", "Köldbärare (frostskyddsmedel)"),
                    ("field", "Borrhålets djup eller kollektorns längd i meter"),
                ],
            ),
            (
                "Installatör och borrare",
                [
                    ("field", "Företag som installerar"),
                    ("field", "Borrföretag och certifiering"),
                    ("field", "Planerad start"),
                ],
            ),
            (
                "Bilagor",
                [
                    ("check", "Situationsplan med borrhål eller kollektor"),
                    ("check", "Grannars medgivande, om avståndet till tomtgräns är under 10 m"),
                ],
            ),
            ("Underskrift", SIGN),
            ("Personuppgifter", [("text", PRIVACY)]),
        ],
        "send_to": [
            "Miljö- och byggnadsnämnden i den kommun där fastigheten finns. Adressen finns på "
            "kommunens kontaktsida. Handläggningen kostar en avgift enligt kommunens taxa.",
        ],
    }


FORMS = {
    "parkeringstillstand": _parking(),
    "bostadsanpassning": _housing_adaptation(),
    "varmepump": _heat_pump(),
}

# service slug → [(form key, Swedish link text, English link text)]
SERVICE_DOCUMENTS = {
    "parkeringstillstand-for-rorelsehindrade": [
        (
            "parkeringstillstand",
            "Skriv ut blanketten",
            "Print the paper form (in Swedish)",
        ),
    ],
    "bygglov": [
        (
            "varmepump",
            "Anmälan om installation av värmepump",
            "Notification of heat pump installation (in Swedish)",
        ),
    ],
    "hemtjanst": [
        (
            "bostadsanpassning",
            "Ansökan om bostadsanpassningsbidrag",
            "Application for a housing adaptation grant (in Swedish)",
        ),
    ],
}
