"""Which app may import which: the one list the import-rule test reads (docs/architecture.md is the map).

Floors, from the top down:
- the wiring: the frame's settings, URLs, WSGI and management commands, which put the apps together
  and may import any of them;
- insights/ (it reads the apps' figures) and privacy/ (every app's personal data, through the frame);
- feature apps (news, teams, directregelen, rooms, launcher, prikbord, search, agenda, mustread) and
  home/ (it asks the apps for blocks through the frame);
- the ground floor: people/ and social/ (social may use people; people uses only the frame);
- the frame (`intranet`): contracts and shared tools; it imports no app.

Every app may import the frame; every app above the ground floor may import the ground floor. An app
imports another app beside it only where `SIDEWAYS` names the pair, and then only that app's public
face (`PUBLIC_FACE` modules, or the named modules in `PUBLIC_MODULES`). Tooling (bench/, loadtest/)
may import anything, and no app imports it. Imports inside functions count; migrations do not (frozen
history). A model named by a string (`apps.get_model(...)`, a relation field to "app.Model") counts as
importing that app's models, unless `MODEL_REFERENCES` lists it.
"""

FRAME = "intranet"
GROUND_FLOOR = ("people", "social")
FEATURE_APPS = (
    "home",
    "news",
    "teams",
    "directregelen",
    "rooms",
    "launcher",
    "prikbord",
    "search",
    "agenda",
    "mustread",
)
TOP_APPS = ("insights", "privacy")
# Apps that show other apps' data to the outside (the integration API): like the Wagtail admin they map
# models to another shape, so they may read any app's public face, models and signals; nobody imports them.
ADAPTERS = ("api",)
APPS = (FRAME, *GROUND_FLOOR, *FEATURE_APPS, *TOP_APPS, *ADAPTERS)
TOOLING = ("bench", "loadtest")
# The frame's modules that wire the apps together (they sit above every app).
WIRING = ("intranet.settings", "intranet.urls", "intranet.app_urls", "intranet.wsgi", "intranet.management")

# Inside the ground floor: social builds on people (mentions, avatars), never the other way round.
GROUND_FLOOR_EDGES = {("social", "people")}

# Apps that read even the ground floor only through its public face (people.stats, social.stats, ...):
# insights counts, it owns none of the rows it counts, so it reads no other app's models.
GROUND_FLOOR_FACE_ONLY = ("insights",)

# A feature app's public face: what another app may import from it.
PUBLIC_FACE = ("stats", "selectors", "services")
# Further public modules, by app.
PUBLIC_MODULES = {
    "search": ("page_provider", "model_provider"),  # base classes for an app's search provider
    "rooms": ("forms",),  # the room chooser field (RoomChoiceField) for other apps' forms
}

# The sideways imports between feature apps that are allowed, and why. Keep this short.
SIDEWAYS = {
    ("insights", "news"): "KPI figures (news.stats) and publishing a tip (news.services)",
    ("insights", "teams"): "KPI figures and the moderation overview (teams.stats)",
    ("insights", "prikbord"): "KPI figures and the moderation overview (prikbord.stats)",
    ("insights", "directregelen"): "KPI figures (directregelen.stats)",
    ("insights", "search"): "KPI figures and popular queries (search.stats, search.selectors)",
    ("teams", "prikbord"): "moving a misplaced team post to the notice board (prikbord.services, selectors)",
    ("news", "search"): "its search provider is a search.page_provider.PageSearchProvider",
    ("directregelen", "search"): "its search provider is a search.page_provider.PageSearchProvider",
    ("launcher", "search"): "its search provider is a search.model_provider.FieldsSearchProvider",
    ("prikbord", "search"): "its search provider is a search.model_provider.FieldsSearchProvider",
    ("agenda", "rooms"): "an event in a room books it through rooms.services; the room chooser (rooms.forms)",
    ("agenda", "teams"): "team events follow their team's visibility (teams.selectors)",
    ("agenda", "search"): "its search provider is a search.page_provider.PageSearchProvider",
    ("mustread", "news"): "the demo's must-read news item (news.services.publish_item)",
}


# Models named by a string across a floor rule, and why: each is a dependency on that one model only,
# resolved when the app registry is ready. They are drawn dotted in the app graph and not counted in a
# cycle. Keyed (importing app, "<app label>.<Model>"). Keep this short.
MODEL_REFERENCES = {
    ("agenda", "rooms.Room"): "an event takes place in a room (a foreign key; booked through rooms.services)",
    ("agenda", "rooms.Booking"): "an event keeps the booking rooms.services made for it (a foreign key)",
    ("agenda", "teams.TeamPage"): "a team event belongs to its team page (a foreign key); a team page's "
    "save or delete forgets the agenda's home lists (agenda.signals)",
    ("intranet", "home.HomePage"): "intranet.pages.homepage(): the page under which apps put their "
    "index pages, found without importing home",
    ("intranet", "people.Person"): "intranet.personal_data.person_of(user): the contract's person of an account",
}


def public_modules(app: str) -> tuple[str, ...]:
    """The modules of `app` another app may import (`app.stats`, `app.selectors`, ...)."""
    return tuple(f"{app}.{name}" for name in (*PUBLIC_FACE, *PUBLIC_MODULES.get(app, ())))


def node(module: str) -> str | None:
    """The node of the app graph a module belongs to: its app, "wiring", "tooling" or None (not ours)."""
    if any(module == w or module.startswith(w + ".") for w in WIRING):
        return "wiring"
    top = module.split(".")[0]
    if top in TOOLING:
        return "tooling"
    return top if top in APPS else None


def problem(importer: str, imported: str, model: str = "") -> str:
    """Why `importer` (a module) may not import `imported` (a module), or "" when it may; `model` names
    the model ("teams.TeamPage") when the import is a reference by string."""
    source, target = node(importer), node(imported)
    if target is None or source == target or source in ("wiring", "tooling"):
        return ""
    if model and (source, model) in MODEL_REFERENCES:
        return ""
    if target in ("wiring", "tooling"):
        return f"{target} is imported by no app"
    if target == FRAME:
        return ""
    if source == FRAME:
        return "the frame imports no app (a contract the apps need belongs in the frame)"
    if target in GROUND_FLOOR:
        if source in GROUND_FLOOR and (source, target) not in GROUND_FLOOR_EDGES:
            return "people (the ground floor's base) imports only the frame"
        if source in GROUND_FLOOR_FACE_ONLY and not _within(imported, public_modules(target)):
            return f"{source} reads {target} only through its public face ({', '.join(public_modules(target))})"
        return ""
    if source in GROUND_FLOOR:
        return "the ground floor imports no feature app"
    if target in ADAPTERS:
        return f"{target} is an adapter to the outside; no app imports it"
    if source in ADAPTERS:
        if _within(imported, (*public_modules(target), f"{target}.models", f"{target}.signals")):
            return ""
        return f"an adapter reads {target} only through its public face, models and signals"
    if (source, target) not in SIDEWAYS:
        return f"{source} → {target} is not an allowed sideways import (intranet.layers.SIDEWAYS)"
    if not _within(imported, public_modules(target)):
        return f"only {target}'s public face may be imported ({', '.join(public_modules(target))})"
    return ""


def _within(module: str, modules: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in modules)
