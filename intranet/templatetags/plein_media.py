"""A designed stand-in for a missing picture: the organisation's colour in one of four tones, an icon
and the title's initials, so a list without photos still looks made (news, blogs, teams)."""

from django import template

register = template.Library()

ICONS = {
    # 24×24 outline paths, drawn for Plein.
    "news": "M4 5h13v14H6a2 2 0 0 1-2-2Zm13 4h3v8a2 2 0 0 1-2 2h-1M7 8h7M7 11h7M7 14h4",
    "blog": "M4 20h4L19 9l-4-4L4 16Zm9-13 4 4",
    "team": "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-6 8a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6m2 8a6 6 0 0 0-3-5",
    "post": "M5 4h14v12l-4 4H5Zm10 16v-4h4",
}


@register.inclusion_tag("includes/media_fallback.html")
def media_fallback(title, kind="news", seed=0, size=""):
    words = [word for word in str(title).split() if word[:1].isalnum()]
    initials = "".join(word[0] for word in words[:2]).upper()
    return {"initials": initials, "icon": ICONS.get(kind, ICONS["news"]), "tone": int(seed or 0) % 4, "size": size}
