"""``{% suggestions_panel source %}``: the suggestions panel of a source's reading view."""

from django import template

register = template.Library()


@register.inclusion_tag("admin/statements/source/suggestions_panel.html", takes_context=True)
def suggestions_panel(context: template.Context, source) -> dict:
    return {"source": source, "request": context.get("request")}
