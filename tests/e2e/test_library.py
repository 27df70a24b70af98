"""The library in the browser: sharing a resource through review, and moderating its discussion."""

from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in, sign_out

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _console(page) -> list:
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_a_member_shares_a_resource_an_editor_publishes_and_a_visitor_finds_it(page, transactional_db):
    make_user("member@example.org")
    make_user("editor@example.org", role="editor")
    errors = _console(page)

    sign_in(page, "member@example.org")
    page.goto("/en/library/")
    page.get_by_role("link", name="Share a resource").click()
    page.get_by_label("Title").fill("Welcome café kit")
    page.get_by_label("Description").fill("Cards and a poster for a welcome café.\nPrint on A4.")
    page.get_by_label("Type").select_option("teaching_material")
    page.get_by_label("Languages of the resource").select_option(["tr", "de"])
    page.get_by_label("Licence").select_option("CC-BY-NC-4.0")
    page.get_by_label("Author").fill("Ayşe Demir")
    page.get_by_label("Country").select_option("TR")
    page.get_by_label("Tags").fill("welcome café, newcomers")
    page.get_by_label("File").set_input_files({"name": "welcome-kit.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Your resource was submitted and will be reviewed by an editor.")).to_be_visible()
    expect(page.get_by_text("Not public yet: Submitted for review.")).to_be_visible()
    sign_out(page)

    page.goto("/en/library/?q=welcome")
    expect(page.locator("#results-title")).to_have_text("0 resources")

    sign_in(page, "editor@example.org")
    page.goto("/en/library/review/")
    page.get_by_role("link", name="Welcome café kit").click()
    page.get_by_label("Publish").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision was recorded.")).to_be_visible()
    sign_out(page)

    page.goto("/en/library/")
    page.get_by_label("CC BY-NC 4.0 (1)").check()
    expect(page.get_by_label("Turkish (1)")).to_be_visible()
    page.get_by_label("Turkish (1)").check()
    expect(page.locator("#results-title")).to_have_text("1 resource")
    page.get_by_role("link", name="Welcome café kit").click()
    expect(page.get_by_text("Welcome café kit by Ayşe Demir, licensed under CC BY-NC 4.0")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download welcome-kit.pdf").click()
    assert download.value.suggested_filename == "welcome-kit.pdf"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert not errors, errors


def test_a_comment_is_reported_and_a_moderator_hides_it(page, transactional_db):
    from erasmi.library.tests.factories import make_resource

    make_user("member@example.org")
    make_user("reader@example.org")
    make_user("editor@example.org", role="editor")
    resource = make_resource("Network café guide")

    sign_in(page, "member@example.org")
    page.goto(f"/en/library/{resource.slug}/")
    page.get_by_label("Your comment").fill("Cheap pills here!\nClick now.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comment-body")).to_contain_text("Cheap pills here!")
    assert page.locator(".comment-body").inner_text() == "Cheap pills here!\nClick now."  # the line break kept
    sign_out(page)

    sign_in(page, "reader@example.org")
    page.goto(f"/en/library/{resource.slug}/")
    page.get_by_role("button", name="Report to the moderators").click()
    expect(page.get_by_text("The moderators will look at the comment.")).to_be_visible()
    expect(page.get_by_text("You reported this comment.")).to_be_visible()
    sign_out(page)

    sign_in(page, "editor@example.org")
    page.goto("/en/library/review/")
    page.get_by_role("link", name="Cheap pills here!").click()
    expect(page.get_by_text("reported once")).to_be_visible()
    page.get_by_role("button", name="Hide").click()
    expect(page.get_by_text("The comment is hidden.")).to_be_visible()
    sign_out(page)

    page.goto(f"/en/library/{resource.slug}/")
    expect(page.get_by_text("Cheap pills here!")).to_have_count(0)
    expect(page.get_by_text("No comments yet.")).to_be_visible()
