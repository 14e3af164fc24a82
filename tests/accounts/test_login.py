import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from borderless.accounts.models import LoginFailure

from ..conftest import PASSWORD


@pytest.mark.django_db
def test_login_lands_on_dashboard_in_the_users_language(client, alice):
    response = client.post("/en/accounts/login/", {"username": "alice@example.nl", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/nl/dashboard/"
    assert response.cookies["borderless_language"].value == "nl"


@pytest.mark.django_db
def test_login_is_case_insensitive_for_the_email(client, alice):
    response = client.post("/en/accounts/login/", {"username": "Alice@Example.NL", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_login_follows_a_safe_next_and_ignores_foreign_ones(client, alice):
    response = client.post(
        "/en/accounts/login/?next=/en/organisations/",
        {"username": "alice@example.nl", "password": PASSWORD, "next": "/en/organisations/"},
    )
    assert response["Location"] == "/nl/organisations/"
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"username": "alice@example.nl", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/nl/dashboard/"


@pytest.mark.django_db
def test_wrong_password_shows_a_translated_error(client, alice):
    response = client.post("/de/accounts/login/", {"username": "alice@example.nl", "password": "wrong"})
    assert response.status_code == 400
    with translation.override("de"):
        expected = translation.gettext("The e-mail address or password is not correct.")
    assert expected in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_failures_lock_the_login_even_with_the_right_password(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post("/en/accounts/login/", {"username": "alice@example.nl", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": "alice@example.nl", "password": PASSWORD})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session
    # Once the failures are older than the window, the right password works again.
    LoginFailure.objects.update(at="2000-01-01T00:00:00Z")
    response = client.post("/en/accounts/login/", {"username": "alice@example.nl", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_logout_needs_post_and_ends_the_session(client, alice):
    client.force_login(alice)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/en/dashboard/").status_code == 302


@pytest.mark.django_db
def test_password_reset_mails_a_link_in_the_users_language_and_the_link_works(client, alice):
    response = client.post("/en/accounts/password/reset/", {"email": "alice@example.nl"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    with translation.override("nl"):
        assert message.subject == translation.gettext("Your new Borderless password")
    link = next(line for line in message.body.splitlines() if "/accounts/password/reset/" in line)
    assert "/nl/accounts/password/reset/" in link
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a-brand-new-passphrase")


@pytest.mark.django_db
def test_password_reset_for_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.django_db
def test_profile_change_of_language_is_remembered(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"full_name": "Alice A.", "language": "de"})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/profile/"
    alice.refresh_from_db()
    assert alice.language == "de" and alice.full_name == "Alice A."
