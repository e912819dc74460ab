"""``{% suggestions_panel source %}``: the suggestions panel of a source's reading view."""

from django import forms, template
from django.utils.safestring import SafeString, mark_safe

from statements.admin.suggestions import panel_context

register = template.Library()


@register.inclusion_tag("admin/statements/source/suggestions_panel.html", takes_context=True)
def suggestions_panel(context: template.Context, source) -> dict:
    panel = panel_context(context["request"], source)
    panel["media"] = not_yet_loaded(panel["media"], context.get("media"))
    return panel


def not_yet_loaded(media: forms.Media, page_media: forms.Media | str | None) -> SafeString:
    """The panel's styles and scripts, less the scripts when the page loads them all
    already: the admin's autocomplete script run twice would set each field up twice."""
    tags = str(media).splitlines()
    loaded = set(str(page_media or "").splitlines())
    scripts = [tag for tag in tags if tag.startswith("<script")]
    if set(scripts) <= loaded:
        tags = [tag for tag in tags if tag not in scripts]
    return mark_safe("\n".join(tags))  # noqa: S308 (forms.Media's own tags)
