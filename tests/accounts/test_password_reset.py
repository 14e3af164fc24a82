import pytest
from django.core import mail
from django.utils import translation

from borderless.accounts.models import User

from ..conftest import make_user

RESET = "/en/accounts/password/reset/"
DONE = "/en/accounts/password/reset/sent/"


def ask(client, email, **extra):
    return client.post(RESET, {"email": email}, **extra)


@pytest.mark.django_db
def test_password_reset_mails_a_link_in_the_users_language_and_the_link_works(client, alice):
    response = ask(client, "alice@example.nl")
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
    response = ask(client, "nobody@example.nl")
    assert response.status_code == 302 and response["Location"] == DONE
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_spelling_of_the_address_finds_its_account_on_every_database(client):
    make_user("sme.de@demo.borderless.example")
    ask(client, "\u017fme.de@demo.borderless.example")
    assert [m.to for m in mail.outbox] == [["sme.de@demo.borderless.example"]]


@pytest.mark.django_db
def test_more_than_three_requests_for_one_address_answer_the_same_and_send_nothing(client, alice):
    answers = [ask(client, "alice@example.nl", REMOTE_ADDR=f"198.51.100.{n}") for n in range(5)]
    assert {(r.status_code, r["Location"]) for r in answers} == {(302, DONE)}
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_every_spelling_of_the_address_shares_its_three_mails(client, alice):
    for spelling in ("alice@example.nl", "ALICE@example.nl", "Alice@Example.NL", "alice@EXAMPLE.nl"):
        ask(client, spelling)
    assert len(mail.outbox) == 3


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_a_client_asking_for_many_addresses_gets_429_with_retry_after_in_its_language(client, lang):
    for n in range(10):
        make_user(f"person{n}@example.org")
        assert ask(client, f"person{n}@example.org").status_code == 302
    make_user("one-more@example.org")
    response = client.post(f"/{lang}/accounts/password/reset/", {"email": "one-more@example.org"})
    assert response.status_code == 429
    assert 3000 < int(response["Retry-After"]) <= 3600
    with translation.override(lang):
        expected = translation.ngettext(
            "You have asked for this too often. Please try again in %(minutes)d minute.",
            "You have asked for this too often. Please try again in %(minutes)d minutes.",
            60,
        ) % {"minutes": 60}
    assert expected in response.content.decode()
    assert len(mail.outbox) == 10


@pytest.mark.django_db
def test_the_limits_follow_the_settings(client, alice, settings):
    settings.PASSWORD_RESET_ADDRESS_LIMIT = 1
    settings.PASSWORD_RESET_CLIENT_LIMIT = 2
    ask(client, "alice@example.nl")
    ask(client, "alice@example.nl")
    assert len(mail.outbox) == 1
    assert ask(client, "alice@example.nl").status_code == 429


@pytest.mark.django_db
def test_a_new_password_set_through_the_mailed_link_confirms_the_address(client):
    user = make_user("new@example.org", email_verified_at=None)
    ask(client, "new@example.org")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    response = client.get(link.split("testserver", 1)[1], follow=True)
    client.post(
        response.redirect_chain[-1][0], {"new_password1": "a-new-passphrase-1", "new_password2": "a-new-passphrase-1"}
    )
    user.refresh_from_db()
    assert user.email_verified
    assert User.objects.get(pk=user.pk).check_password("a-new-passphrase-1")
