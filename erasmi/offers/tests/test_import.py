import pytest
from django.core.management import CommandError, call_command

from erasmi.offers.models import Offer

HEADER = (
    "title,organisation,category,target_groups,languages,online,postcode,city,latitude,longitude,schedule,starts,ends\n"
)
GOOD = (
    "Deutsch A1,VHS,language-course-a1,refugees newcomers,de ar,no,99084,Erfurt,50.98,11.03,"
    '"[{""weekday"": 0, ""start"": ""09:00"", ""end"": ""12:00""}]",2027-01-01,2027-06-30\n'
)


def test_a_valid_file_is_imported(erfurt_network, tmp_path):
    path = tmp_path / "offers.csv"
    path.write_text(HEADER + GOOD)
    call_command("import_offers", str(path), network="erfurt", verbosity=0)
    offer = Offer.objects.get()
    assert offer.title("de") == "Deutsch A1"
    assert sorted(offer.target_groups.values_list("slug", flat=True)) == ["newcomers", "refugees"]
    assert offer.hours_per_week() == 3.0


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (GOOD.replace("language-course-a1", "juggling"), "Row 3: Unknown category 'juggling'."),
        (GOOD.replace("50.98", "95.5"), "Row 3: latitude:"),
        (
            GOOD.replace('""end"": ""12:00""', '""end"": ""08:00""'),
            "Row 3: schedule: A time slot ends before it starts.",
        ),
        (GOOD.replace("2027-06-30", "2026-06-30"), "Row 3: ends: The end is before the start."),
        (GOOD.replace("VHS", "Unknown Ltd"), "Row 3: 'Unknown Ltd' is not a member organisation of the network."),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(erfurt_network, tmp_path, bad_row, message):
    path = tmp_path / "offers.csv"
    path.write_text(HEADER + GOOD + bad_row)
    with pytest.raises(CommandError) as error:
        call_command("import_offers", str(path), network="erfurt", verbosity=0)
    assert "nothing was imported" in str(error.value)
    assert message in str(error.value)
    assert Offer.objects.count() == 0
