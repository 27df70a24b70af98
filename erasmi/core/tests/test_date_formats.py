"""Dates in words as each language writes them: no leading zero in Italian and Turkish ("6 dicembre 2026")."""

import datetime

import pytest
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("language", "expected"),
    [("it", "6 dicembre 2026"), ("tr", "6 Aralık 2026"), ("de", "6. Dezember 2026"), ("da", "6. december 2026")],
)
def test_a_date_in_words_has_no_leading_zero(language, expected):
    with translation.override(language):
        assert formats.date_format(datetime.date(2026, 12, 6)) == expected


def test_an_italian_date_and_time_reads_naturally():
    with translation.override("it"):
        shown = formats.date_format(datetime.datetime(2026, 12, 6, 10, 0), "DATETIME_FORMAT")
    assert shown == "domenica 6 dicembre 2026 10:00"
