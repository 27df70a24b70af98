import pytest

from erasmi.core.cells import neutralise, restore


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+49 361 123", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_could_start_a_formula_is_written_as_text_and_reads_back(text):
    cell = neutralise(text)
    assert cell == "'" + text
    assert restore(cell) == text


@pytest.mark.parametrize("value", ["Erfurt", "", "'quoted by the user", 5, None, -3.5])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value
    assert restore(value) == value


@pytest.mark.parametrize("text", ["'=1+1", "''-5", "'@x"])
def test_text_typed_with_an_apostrophe_before_a_formula_also_reads_back_unchanged(text):
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text
