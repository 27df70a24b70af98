"""User HTML is cleaned here and only here."""

import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitize(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def to_text(html: str) -> str:
    """Plain text of an HTML fragment (tags dropped, entities decoded, spaces collapsed)."""
    import html as html_lib

    text = nh3.clean(html or "", tags=set())
    return " ".join(html_lib.unescape(text).split())


_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|li|h3|h4|blockquote|ul|ol)\s*>")
_ITEM = re.compile(r"(?i)<li(\s[^>]*)?>")


def to_lines(html: str) -> str:
    """Plain text of an HTML fragment with its line breaks: paragraphs and list items on lines of their own.

    For text that used to be stored as HTML and is now typed and shown as plain text.
    """
    import html as html_lib

    if "<" not in (html or ""):
        return html or ""
    text = _ITEM.sub("- ", _BLOCK_END.sub("\n", html))
    text = html_lib.unescape(nh3.clean(text, tags=set()))
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
