import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from borderless.accounts.models import LimitEvent, User

from ..conftest import PASSWORD, make_user

LOGIN = "/en/accounts/login/"


def log_in(client, email, password, **extra):
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def translated(lang, message):
    with translation.override(lang):
        return translation.gettext(message)


@pytest.mark.django_db
def test_login_lands_on_dashboard_in_the_users_language(client, alice):
    response = log_in(client, "alice@example.nl", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/nl/dashboard/"
    assert response.cookies["borderless_language"].value == "nl"


@pytest.mark.django_db
def test_login_is_case_insensitive_for_the_email(client, alice):
    assert log_in(client, "Alice@Example.NL", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_follows_a_safe_next_and_ignores_foreign_ones(client, alice):
    response = client.post(
        "/en/accounts/login/?next=/en/organisations/",
        {"username": "alice@example.nl", "password": PASSWORD, "next": "/en/organisations/"},
    )
    assert response["Location"] == "/nl/organisations/"
    client.logout()
    response = client.post(
        LOGIN, {"username": "alice@example.nl", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/nl/dashboard/"


@pytest.mark.django_db
def test_wrong_password_shows_a_translated_error(client, alice):
    response = client.post("/de/accounts/login/", {"username": "alice@example.nl", "password": "wrong"})
    assert response.status_code == 400
    assert translated("de", "The e-mail address or password is not correct.") in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_failures_lock_the_login_even_with_the_right_password(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        assert log_in(client, "alice@example.nl", "wrong").status_code == 400
    response = log_in(client, "alice@example.nl", PASSWORD)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 900
    assert "Too many failed log-ins. Please try again in 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Once the failures are older than the window, the right password works again.
    LimitEvent.objects.update(at="2000-01-01T00:00:00Z")
    assert log_in(client, "alice@example.nl", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_message_is_in_the_page_language(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 1
    log_in(client, "alice@example.nl", "wrong")
    response = client.post("/nl/accounts/login/", {"username": "alice@example.nl", "password": PASSWORD})
    assert response.status_code == 429
    with translation.override("nl"):
        expected = translation.ngettext(
            "Too many failed log-ins. Please try again in %(minutes)d minute or reset your password.",
            "Too many failed log-ins. Please try again in %(minutes)d minutes or reset your password.",
            15,
        ) % {"minutes": 15}
    assert expected in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant",
    [
        "\u017fme.de@demo.borderless.example",  # long s: PostgreSQL's UPPER() makes it "S"
        "SME.DE@demo.borderless.example",
        "\uff53me.de@demo.borderless.example",  # full-width s
    ],
)
def test_every_spelling_of_an_address_shares_one_allowance(client, settings, variant):
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("sme.de@demo.borderless.example")
    for _ in range(5):
        assert log_in(client, variant, "wrong").status_code == 400
    # The real address is locked, and so is every spelling of it, whatever the password.
    assert log_in(client, "sme.de@demo.borderless.example", PASSWORD).status_code == 429
    assert log_in(client, variant, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_spelling_of_the_address_logs_in_as_its_account(client):
    user = make_user("sme.de@demo.borderless.example")
    assert log_in(client, "\u017fme.de@demo.borderless.example", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_successful_log_in_clears_the_addresses_failures_and_stores_nothing(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    log_in(client, "alice@example.nl", "wrong")
    log_in(client, "alice@example.nl", "wrong")
    assert LimitEvent.objects.filter(scope="login-address").count() == 2
    assert log_in(client, "alice@example.nl", PASSWORD).status_code == 302
    assert not LimitEvent.objects.filter(scope="login-address").exists()
    # Its own event for the client is gone too; the two failures still count for the client.
    assert LimitEvent.objects.filter(scope="login-client").count() == 2
    client.logout()
    for _ in range(2):
        log_in(client, "alice@example.nl", "wrong")
    assert log_in(client, "alice@example.nl", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_refused_log_in_stores_nothing(client, alice, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(6):
        log_in(client, "alice@example.nl", "wrong")
    assert LimitEvent.objects.filter(scope="login-address").count() == 2


@pytest.mark.django_db
def test_an_address_of_any_length_or_content_is_counted_without_error(client, db, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    odd = "x" * 5000 + "\x01@example.org"
    for _ in range(2):
        assert log_in(client, odd, "wrong").status_code == 400
    assert log_in(client, odd, "wrong").status_code == 429


# --- the client's address ----------------------------------------------------------------------


@pytest.mark.django_db
def test_one_client_is_locked_and_another_can_still_log_in_behind_a_trusted_proxy(client, alice, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 3
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(3):
        log_in(client, f"nobody{n}@example.org", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    locked = log_in(client, "alice@example.nl", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert locked.status_code == 429
    # Another client behind the same proxy is not affected by the first one's failures.
    other = log_in(client, "alice@example.nl", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    assert other.status_code == 302
    assert set(LimitEvent.objects.filter(scope="login-client").values_list("key", flat=True)) == {"203.0.113.9"}


@pytest.mark.django_db
def test_a_header_sent_by_an_untrusted_peer_is_ignored(client, alice, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 3
    # The attacker changes its claimed address every time; it is counted at its real address.
    for n in range(3):
        log_in(
            client, f"nobody{n}@example.org", "wrong", REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
    response = log_in(
        client, "alice@example.nl", PASSWORD, REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert response.status_code == 429
    assert set(LimitEvent.objects.filter(scope="login-client").values_list("key", flat=True)) == {"198.51.100.66"}


@pytest.mark.django_db
def test_without_trusted_proxies_the_header_is_ignored(client, alice, settings):
    settings.TRUSTED_PROXIES = []
    log_in(client, "nobody@example.org", "wrong", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert list(LimitEvent.objects.filter(scope="login-client").values_list("key", flat=True)) == ["10.0.0.2"]


# --- an address not yet confirmed ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_the_right_password_for_an_unconfirmed_address_asks_to_confirm_it_first(client, lang):
    make_user("new@example.org", email_verified_at=None)
    response = client.post(f"/{lang}/accounts/login/", {"username": "new@example.org", "password": PASSWORD})
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        translated(
            lang,
            "Please confirm your e-mail address first: open the link in the message we sent you when you signed up.",
        )
        in page
    )
    assert translated(lang, "Send the link again") in page
    assert f'action="/{lang}/accounts/confirm/resend/"' in page
    assert "_auth_user_id" not in client.session
    # Not a failed guess: it does not count towards the lock.
    assert not LimitEvent.objects.filter(scope="login-address").exists()


@pytest.mark.django_db
def test_a_wrong_password_for_an_unconfirmed_address_says_nothing_about_confirmation(client):
    make_user("new@example.org", email_verified_at=None)
    response = log_in(client, "new@example.org", "wrong")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The e-mail address or password is not correct." in page
    assert "confirm your e-mail address first" not in page


@pytest.mark.django_db
def test_the_offered_resend_mails_a_new_link_that_logs_in(client):
    user = make_user("new@example.org", email_verified_at=None, language="de")
    response = client.post(reverse("accounts:confirmation_resend"), {"email": "new@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:confirmation_sent")
    [message] = mail.outbox
    link = re.search(r"http://testserver(/de/accounts/confirm/\S+/)", message.body).group(1)
    assert client.get(link).status_code == 302
    user.refresh_from_db()
    assert user.email_verified and client.session["_auth_user_id"] == str(user.pk)


# --- other pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_logout_needs_post_and_ends_the_session(client, alice):
    client.force_login(alice)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/en/dashboard/").status_code == 302


@pytest.mark.django_db
def test_profile_change_of_language_is_remembered(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"full_name": "Alice A.", "language": "de"})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/profile/"
    alice.refresh_from_db()
    assert alice.language == "de" and alice.full_name == "Alice A."


@pytest.mark.django_db
def test_accounts_made_by_the_manager_count_as_confirmed(db):
    assert User.objects.create_user(email="x@example.org", password=PASSWORD, full_name="X").email_verified
    assert User.objects.create_superuser(email="y@example.org", password=PASSWORD, full_name="Y").email_verified
