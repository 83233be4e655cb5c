"""{% fragment "naam" a=... b=... %}…{% endfragment %}: a part of a page, rendered once per
content and shared between the worker processes (inkoop.core.fragmenten).

The part is rendered from its arguments alone (a fresh context with only those names), so it
cannot show anything that is not in its key; the key is every column of every row passed
(`fragmenten.waarden`), the language, the URL prefix and today's date (a membership or a
deadline can pass without any row changing). Per-request parts (forms, CSRF tokens) do not
belong inside.
"""

from django import template
from django.template import Context
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inkoop.core import fragmenten

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, naam, argumenten, nodelist):
        self.naam, self.argumenten, self.nodelist = naam, argumenten, nodelist

    def render(self, context):
        naam = self.naam.resolve(context)
        waarden = {k: v.resolve(context) for k, v in self.argumenten.items()}
        delen = (
            get_language(),
            get_script_prefix(),
            timezone.localdate().isoformat(),
            sorted((k, fragmenten.waarden(v)) for k, v in waarden.items()),
        )
        html = fragmenten.fragment(naam, delen, lambda: renderen(self.nodelist, waarden, context))
        return mark_safe(html)  # noqa: S308 - rendered by the template engine with autoescaping


def renderen(nodelist, waarden, context) -> str:
    eigen = Context(waarden, autoescape=context.autoescape, use_l10n=context.use_l10n)
    eigen.template = context.template  # for {% include %} and the engine's settings
    return nodelist.render(eigen)


@register.tag
def fragment(parser, token):
    delen = token.split_contents()
    if len(delen) < 2:
        raise template.TemplateSyntaxError('{% fragment %} wil een naam: {% fragment "naam" a=a %}')
    argumenten = template.base.token_kwargs(delen[2:], parser, support_legacy=False)
    if len(argumenten) != len(delen) - 2:
        raise template.TemplateSyntaxError("{% fragment %}: alleen argumenten als naam=waarde")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(delen[1]), argumenten, nodelist)
