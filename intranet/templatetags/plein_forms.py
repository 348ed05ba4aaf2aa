"""Form fields tied to their help and errors (WCAG 1.3.1, 3.3.1), for templates/includes/field.html."""

from django import template

from intranet.uploads import dropped_files as count_dropped_files

register = template.Library()


def described_by_ids(field, own_help=False):
    """The ids of the field's help text and error list, as field.html names them. own_help: the
    template writes a help text of its own (with the same id) where the field has none."""
    ids = []
    if field.help_text or own_help:
        ids.append(f"{field.auto_id}_helptext")  # Django's own name for it
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.filter
def described_by(field, own_help=False):
    return described_by_ids(field, own_help)


@register.filter
def widget_described(field, own_help=False):
    """The widget with aria-describedby naming its help and errors. Django names only the help, and
    for a radio or checkbox group (rendered in a fieldset) nothing at all."""
    ids = described_by_ids(field, own_help)
    return field.as_widget(attrs={"aria-describedby": ids}) if ids else field.as_widget()


@register.filter
def dropped_files(form):
    """The number of chosen files the bound form has lost (`intranet.uploads.dropped_files`), for
    templates/includes/dropped_files.html."""
    return count_dropped_files(form)
