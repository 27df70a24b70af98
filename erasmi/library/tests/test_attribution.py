from erasmi.library.models import Licence
from erasmi.library.tests.factories import make_resource


def test_a_cc_by_resource_is_credited_with_title_author_licence_and_its_url(db):
    resource = make_resource("Network café guide", author="Anna Weber", licence=Licence.CC_BY)

    assert resource.attribution("Network café guide") == (
        "Network café guide by Anna Weber, licensed under CC BY 4.0 https://creativecommons.org/licenses/by/4.0/"
    )


def test_each_creative_commons_licence_links_its_own_deed(db):
    resource = make_resource(author="Anna Weber", licence=Licence.CC_BY_NC_SA)

    assert resource.attribution("Guide").endswith(
        "licensed under CC BY-NC-SA 4.0 https://creativecommons.org/licenses/by-nc-sa/4.0/"
    )


def test_a_cc0_resource_is_dedicated_to_the_public_domain(db):
    resource = make_resource(author="Anna Weber", licence=Licence.CC0)

    assert resource.attribution("Guide") == (
        "Guide by Anna Weber, dedicated to the public domain (CC0 1.0) https://creativecommons.org/publicdomain/zero/1.0/"
    )


def test_all_rights_reserved_names_no_licence_url(db):
    resource = make_resource(author="Anna Weber", licence=Licence.ALL_RIGHTS_RESERVED)

    assert resource.attribution("Guide") == "Guide by Anna Weber. All rights reserved."
    assert resource.licence_url == ""


def test_without_an_author_the_organisation_is_credited(db):
    resource = make_resource(author="", organisation="City of Erfurt")

    assert resource.attribution("Guide").startswith("Guide by City of Erfurt, licensed under CC BY 4.0")


def test_the_detail_page_shows_the_attribution(client, db):
    resource = make_resource("Network café guide", author="Anna Weber")

    page = client.get(resource.get_absolute_url()).content.decode()

    assert "Network café guide by Anna Weber, licensed under CC BY 4.0" in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener"' in page
