"""The quick select says what Django's own select says: the same options, labels, choice and attributes."""

from html.parser import HTMLParser

import pytest
from django import forms

from erasmi.core.forms import QuickSelect


class Parsed(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.select, self.options, self.label = {}, [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "select":
            self.select = dict(attrs)
        elif tag == "option":
            self.options.append([dict(attrs), ""])

    def handle_data(self, data):
        if self.options and data.strip():
            self.options[-1][1] += data.strip()


CHOICES = [("", "---------"), (1, "Ayşe & Co <Verein>"), (2, 'Jörg "JJ" Müller')]


@pytest.mark.parametrize("value", [None, "", 1, "2", 3])
def test_the_quick_select_renders_what_djangos_select_renders(value):
    attrs = {"id": "id_assignee", "aria-describedby": "assignee-help", "required": True}
    django = Parsed(forms.Select(choices=CHOICES).render("assignee", value, attrs))
    quick = Parsed(QuickSelect(choices=CHOICES).render("assignee", value, attrs))
    assert quick.select == django.select
    assert quick.options == django.options
    assert [label for _attrs, label in quick.options] == ["---------", "Ayşe & Co <Verein>", 'Jörg "JJ" Müller']
