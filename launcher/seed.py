"""A realistic Dutch municipality's applications; some meant for one department only."""

from django.contrib.auth import get_user_model

from launcher.models import App, Category, Icon, Pin

# (name, url, icon, category, description, departments it is meant for; empty = everyone)
APPS = [
    ("E-mail", "https://mail.gemeente.example/", Icon.MAIL, Category.COMMUNICATION, "Outlook webmail", []),
    (
        "Agenda",
        "https://mail.gemeente.example/calendar/",
        Icon.CALENDAR,
        Category.COMMUNICATION,
        "Je agenda en die van collega's",
        [],
    ),
    ("Vergaderzalen", "/zalen/", Icon.CALENDAR, Category.COMMUNICATION, "Een zaal of werkplek reserveren", []),
    (
        "HR-selfservice",
        "https://youforce.gemeente.example/",
        Icon.PERSON,
        Category.PEOPLE,
        "Verlof, loonstrook en persoonlijke gegevens",
        [],
    ),
    (
        "Declaraties",
        "https://declaraties.gemeente.example/",
        Icon.EURO,
        Category.FINANCE,
        "Reiskosten en onkosten declareren",
        [],
    ),
    ("Leerplatform", "https://leren.gemeente.example/", Icon.BOOK, Category.PEOPLE, "E-learning en opleidingen", []),
    (
        "TOPdesk",
        "https://topdesk.gemeente.example/",
        Icon.HELPDESK,
        Category.SERVICE,
        "Storingen en verzoeken aan ICT en Facilitair",
        [],
    ),
    (
        "Tijdregistratie",
        "https://uren.gemeente.example/",
        Icon.CLOCK,
        Category.PEOPLE,
        "Uren schrijven op projecten",
        [],
    ),
    (
        "Zaaksysteem",
        "https://zaken.gemeente.example/",
        Icon.FOLDER,
        Category.CASES,
        "Zaken behandelen en documenten archiveren",
        ["Publiekszaken", "Sociaal Domein", "Ruimtelijke Ontwikkeling", "Milieu"],
    ),
    (
        "Documentbeheer",
        "https://dms.gemeente.example/",
        Icon.DOCUMENT,
        Category.CASES,
        "Het documentmanagementsysteem",
        [],
    ),
    (
        "Raadsinformatie",
        "https://raad.gemeente.example/",
        Icon.DOCUMENT,
        Category.CASES,
        "Vergaderstukken van raad en college",
        [],
    ),
    (
        "GIS-viewer",
        "https://kaarten.gemeente.example/",
        Icon.MAP,
        Category.MAPS,
        "Kaarten, kadaster en bestemmingsplannen",
        ["Openbare Ruimte", "Ruimtelijke Ontwikkeling", "Milieu"],
    ),
    (
        "Beheer openbare ruimte",
        "https://bor.gemeente.example/",
        Icon.MAP,
        Category.MAPS,
        "Meldingen en onderhoud buitenruimte",
        ["Openbare Ruimte"],
    ),
    (
        "Managementinformatie",
        "https://dashboard.gemeente.example/",
        Icon.CHART,
        Category.MAPS,
        "Dashboards en cijfers",
        [],
    ),
    (
        "Financieel systeem",
        "https://financien.gemeente.example/",
        Icon.EURO,
        Category.FINANCE,
        "Boekingen, facturen en budgetbewaking",
        ["Financiën"],
    ),
    (
        "Inkoopportaal",
        "https://inkoop.gemeente.example/",
        Icon.EURO,
        Category.FINANCE,
        "Bestellen en aanbesteden",
        ["Financiën", "Facilitair"],
    ),
    (
        "Burgerzakenapplicatie",
        "https://bzk.gemeente.example/",
        Icon.PERSON,
        Category.CASES,
        "Basisregistratie personen en reisdocumenten",
        ["Publiekszaken"],
    ),
    (
        "Klantcontactsysteem",
        "https://kcs.gemeente.example/",
        Icon.HELPDESK,
        Category.SERVICE,
        "Vragen van inwoners registreren en doorzetten",
        ["Publiekszaken", "Sociaal Domein"],
    ),
    (
        "Wachtwoord wijzigen",
        "https://wachtwoord.gemeente.example/",
        Icon.LINK,
        Category.SERVICE,
        "Je netwerkwachtwoord opnieuw instellen",
        [],
    ),
]


def seed(context):
    departments = context.data.get("departments", {})
    for order, (name, url, icon, category, description, meant_for) in enumerate(APPS):
        app, _ = App.objects.update_or_create(
            name=name,
            defaults={
                "url": url,
                "icon": icon,
                "category": category,
                "description": description,
                "sort_order": order * 10,
            },
        )
        app.units.set([departments[d][0] for d in meant_for if d in departments])
    user = _demo_user()
    if user is not None and not Pin.objects.filter(user=user).exists():
        for position, name in enumerate(["TOPdesk", "Declaraties"]):
            Pin.objects.create(user=user, app=App.objects.get(name=name), position=position)
    context.log(f"  Apps: {len(APPS)}")


def _demo_user():
    return get_user_model().objects.filter(username="medewerker").first()
