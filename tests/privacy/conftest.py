import pytest

from teams import services as teams
from teams.models import Kind, Membership, Role, State
from tests.privacy import activity


@pytest.fixture
def world(db, settings):
    """Sanne (the subject) and Kees, both active everywhere; a private team of each, and an open one shared."""
    settings.PRIVACY_KEEP_CONTENT = True
    sanne = activity.make_person("sboerhaave", "Sannetje", "Boerhaave")
    kees = activity.make_person("kvisserman", "Keesje", "Visserman")
    shared = teams.create_team(kees.user, title="Gedeeld", description="Voor iedereen", kind=Kind.OPEN)
    sanne_private = teams.create_team(sanne.user, title="Sannes kring", description="Besloten", kind=Kind.PRIVATE)
    kees_private = teams.create_team(kees.user, title="Geheim van Kees", description="KEES-GEHEIM", kind=Kind.PRIVATE)
    # Kees is in Sanne's private team too, and writes there: his post is his, not hers.
    Membership.objects.create(team=sanne_private, user=kees.user, role=Role.MEMBER, state=State.ACTIVE)
    things = {
        "sanne": activity.build(sanne, "SANNEMARK", shared_team=shared, private_team=sanne_private),
        "kees": activity.build(kees, "KEESMARK", shared_team=shared, private_team=kees_private),
    }
    from teams import posting

    posting.create_post(kees.user, sanne_private, text="KEESMARK in Sannes kring")
    from social import services as social

    # Her reply under his post: a conversation that outlives her (as "Oud-collega") or loses her words.
    things["sanne"]["reply"] = social.post_comment(
        sanne.user, things["kees"]["shared_post"], "Reply SANNEMARK", ip_address="192.0.2.8"
    )
    return {"sanne": sanne, "kees": kees, "things": things, "shared": shared, "kees_private": kees_private}
