import re

from erasmi.accounts.models import User

PASSWORD = "a-long-Passphrase-42"


def _link(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", text).group(1)


def test_sign_up_needs_the_confirmation_mail(client, smtp_server):
    response = client.post(
        "/en/accounts/signup/", {"email": "newcomer@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["to"] == ["newcomer@example.org"]
    # Without confirming, the new account cannot sign in.
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "newcomer@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    confirm = _link(smtp_server.body())
    response = client.post(confirm)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="newcomer@example.org").pk)


def test_new_accounts_are_members(client, smtp_server):
    client.post("/de/accounts/signup/", {"email": "neu@example.org", "password1": PASSWORD, "password2": PASSWORD})
    user = User.objects.get(email="neu@example.org")
    assert user.role == User.Role.MEMBER
    assert not user.is_editor
    assert not user.is_staff


def test_confirmation_mail_is_in_the_users_language(client, smtp_server):
    client.post("/de/accounts/signup/", {"email": "neu@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert "E-Mail" in smtp_server.messages[0]["message"]["Subject"]


def _verified_user(email="known@example.org"):
    user = User.objects.create_user(email, PASSWORD)
    user.emailaddress_set.create(email=email, verified=True, primary=True)
    return user


def test_login_with_email_and_password(client, db):
    _verified_user()
    response = client.post("/en/accounts/login/", {"login": "known@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_repeated_failed_logins_are_throttled(client, db):
    _verified_user()
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": "known@example.org", "password": "wrong"})
        assert response.status_code == 200
    # Even the right password is refused for a while now.
    response = client.post("/en/accounts/login/", {"login": "known@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.text


def test_password_reset_by_mail(client, smtp_server):
    _verified_user()
    client.post("/en/accounts/password/reset/", {"email": "known@example.org"})
    assert len(smtp_server.messages) == 1
    reset = _link(smtp_server.body())
    response = client.get(reset, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset
    new = "another-Passphrase-77"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    client.logout()
    client.post("/en/accounts/login/", {"login": "known@example.org", "password": new})
    assert "_auth_user_id" in client.session


def test_unknown_address_gets_no_hint_about_accounts(client, smtp_server):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302  # same answer as for a known address


def test_admin_is_for_platform_admins_only(client, db, member):
    client.force_login(member)
    assert client.get("/en/admin/").status_code == 302
    admin = User.objects.create_superuser("root@example.org", PASSWORD)
    client.force_login(admin)
    assert client.get("/en/admin/").status_code == 200


def test_a_person_downloads_everything_stored_about_them(client, db):
    from erasmi.compendium.tests.factories import make_practice

    user = _verified_user()
    make_practice("My Network", status="submitted", submitted_by=user)
    client.force_login(user)
    response = client.get("/en/accounts/me/data.json")
    data = response.json()
    assert "attachment" in response["Content-Disposition"]
    assert data["account"]["email"] == "known@example.org"
    assert data["email_addresses"] == [{"email": "known@example.org", "verified": True, "primary": True}]
    assert data["submitted_practices"][0]["slug"] == "my-network"


def test_deleting_the_account_needs_the_password_and_keeps_the_practice_without_the_name(client, db):
    from erasmi.compendium.models import Practice
    from erasmi.compendium.tests.factories import make_practice

    user = _verified_user()
    make_practice("My Network", submitted_by=user)
    client.force_login(user)
    response = client.post("/en/accounts/me/delete/", {"password": "wrong"})
    assert response.status_code == 400
    assert "The password is not correct." in response.text
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post("/en/accounts/me/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(email="known@example.org").exists()
    assert Practice.objects.get().submitted_by is None
    assert "_auth_user_id" not in client.session


def test_account_pages_need_a_sign_in(client, db):
    for url in ["/en/accounts/me/", "/en/accounts/me/data.json", "/en/accounts/me/delete/"]:
        assert client.get(url).status_code == 302
