from django import template

from erasmi.core import mail

register = template.Library()


@register.filter
def mail_html(text: str) -> str:
    """User text in an HTML mail or page: escaped, with its paragraphs (erasmi.core.mail.html_text)."""
    return mail.html_text(text)
