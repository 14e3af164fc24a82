import base64
import re
from html import escape

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from django.urls import reverse
from django.utils import translation

from borderless.accounts.models import User
from borderless.organisations.models import Membership, Organisation, Town
from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY
from tests.core.quickscan import builders
from tests.quickscan.completed import complete

from ..conftest import make_org, make_user, town

SENT = "/en/accounts/signup/sent/"


def signup_data(**overrides):
    data = {
        "full_name": "Eva Jansen",
        "email": "eva@example.nl",
        "password1": "a-long-and-unusual-passphrase",
        "password2": "a-long-and-unusual-passphrase",
        "language": "nl",
        "role": "sme",
        "name": "Jansen Kunststoffen B.V.",
        "kind": "company",
        "town": town("Enschede", "NL").pk,
        "size_class": "small",
        "sector": "22",
        "founded_year": "2004",
        "website": "www.jansen.example",
        "working_languages": ["nl", "de"],
        "description": "Spuitgieten voor de maakindustrie.",
        "listed_publicly": "on",
    }
    data.update(overrides)
    return data


def translated(lang, message):
    with translation.override(lang):
        return translation.gettext(message)


def confirmation_path(message) -> str:
    return re.search(r"http://testserver(/\w\w/accounts/confirm/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_sme_sign_up_creates_account_and_organisation_and_mails_a_link_without_logging_in(
    client, production_password_hashing
):
    response = client.post("/en/accounts/signup/", signup_data())
    assert response.status_code == 302
    assert response["Location"] == SENT
    assert "_auth_user_id" not in client.session
    user = User.objects.get(email="eva@example.nl")
    assert user.check_password("a-long-and-unusual-passphrase")
    assert user.password.startswith("argon2")
    assert user.role == "sme" and user.role_confirmed
    assert not user.email_verified
    org = Organisation.objects.get(name="Jansen Kunststoffen B.V.")
    assert org.country == "NL" and org.nuts3.code == "NL213" and org.in_programme_area
    assert org.website == "https://www.jansen.example"
    assert org.language_codes == ["nl", "de"]
    assert org.confirmed  # a company needs no staff confirmation
    assert Membership.objects.get(user=user, organisation=org).is_manager
    [message] = mail.outbox
    assert message.to == ["eva@example.nl"]
    assert message.subject == translated("nl", "Confirm your e-mail address for Borderless")
    path = confirmation_path(message)
    assert path.startswith("/nl/accounts/confirm/")
    # The link names no address (links end up in server logs).
    payload = path.split("/")[4].split(":")[0]
    assert b"eva" not in base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    assert client.get("/nl/dashboard/").status_code == 302  # not logged in


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_the_link_confirms_logs_in_and_welcomes_in_the_persons_language(client, lang):
    client.post("/en/accounts/signup/", signup_data(language=lang))
    response = client.get(confirmation_path(mail.outbox[0]), follow=True)
    assert response.redirect_chain[-1][0] == f"/{lang}/dashboard/"
    welcome = translated(lang, "Welcome to Borderless. Your account and your organisation's profile are ready.")
    assert escape(welcome) in response.content.decode()
    user = User.objects.get(email="eva@example.nl")
    assert user.email_verified
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_quickscan_taken_anonymously_in_that_browser_is_kept(client):
    mine = complete(None, builders.nothing_yet(), anonymous_key="visitor-7")
    session = client.session
    session[ANONYMOUS_QUICKSCAN_KEY] = "visitor-7"
    session.save()
    client.post("/en/accounts/signup/", signup_data())
    client.get(confirmation_path(mail.outbox[0]))
    mine.refresh_from_db()
    assert mine.organisation == Organisation.objects.get(name="Jansen Kunststoffen B.V.")
    assert mine.anonymous_key == ""
    assert client.get(f"/en/quickscan/results/{mine.public_id}/").status_code == 200


@pytest.mark.django_db
def test_the_link_works_once(client):
    client.post("/en/accounts/signup/", signup_data())
    path = confirmation_path(mail.outbox[0])
    client.get(path)
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert escape(
        translated("nl", "This link has been used already. Log in with your e-mail address and password.")
    ) in (response.content.decode())
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_changed_or_foreign_link_is_refused_and_offers_a_new_one(client):
    client.post("/en/accounts/signup/", signup_data())
    path = confirmation_path(mail.outbox[0])
    response = client.get(path[:-3] + "xx/")
    assert response.status_code == 400
    message = "This link is not valid. Please use the whole link from the message, or ask for a new one below."
    assert escape(translated("nl", message)) in response.content.decode()
    assert 'data-testid="resend-form"' in response.content.decode()
    # A signature for something else (here: another salt) does not confirm anything either.
    forged = TimestampSigner().sign("1")
    assert client.get(f"/en/accounts/confirm/{forged}/").status_code == 400
    assert not User.objects.get(email="eva@example.nl").email_verified


@pytest.mark.django_db
def test_an_expired_link_says_so(client, settings):
    settings.ACCOUNT_CONFIRMATION_MAX_AGE_SECONDS = -1
    client.post("/en/accounts/signup/", signup_data())
    response = client.get(confirmation_path(mail.outbox[0]))
    assert response.status_code == 400
    assert escape(translated("nl", "This link has expired. Ask for a new one below.")) in response.content.decode()
    assert not User.objects.get(email="eva@example.nl").email_verified


@pytest.mark.django_db
@pytest.mark.parametrize("spelling", ["alice@example.nl", "ALICE@Example.NL"])
def test_an_existing_address_gets_the_same_answer_nothing_new_and_a_note_to_its_owner(client, alice, spelling):
    users, orgs = User.objects.count(), Organisation.objects.count()
    response = client.post("/en/accounts/signup/", signup_data(email=spelling, name="Someone Else B.V."))
    assert response.status_code == 302
    assert response["Location"] == SENT
    assert (User.objects.count(), Organisation.objects.count()) == (users, orgs)
    alice.refresh_from_db()
    assert not alice.check_password("a-long-and-unusual-passphrase")
    [message] = mail.outbox
    assert message.to == ["alice@example.nl"]
    # Alice reads Dutch.
    assert message.subject == translated("nl", "Someone tried to sign up for Borderless with your address")
    assert "http://testserver/nl/accounts/login/" in message.body
    assert "http://testserver/nl/accounts/password/reset/" in message.body
    assert "/accounts/confirm/" not in message.body


@pytest.mark.django_db
def test_an_address_that_postgresql_would_match_is_an_existing_address(client):
    make_user("sme.de@demo.borderless.example")
    client.post("/en/accounts/signup/", signup_data(email="\u017fme.de@demo.borderless.example"))
    assert User.objects.count() == 1
    assert mail.outbox[0].to == ["sme.de@demo.borderless.example"]


@pytest.mark.django_db
def test_both_answers_show_the_same_page(client, alice):
    new = client.post("/en/accounts/signup/", signup_data(), follow=True)
    client.cookies.clear()
    existing = client.post("/en/accounts/signup/", signup_data(email="alice@example.nl"), follow=True)
    assert new.redirect_chain == existing.redirect_chain
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"')
    assert strip.sub("", new.content.decode()) == strip.sub("", existing.content.decode())


@pytest.mark.django_db
def test_sign_up_mails_are_limited_per_address_with_the_same_answer(client, alice, settings):
    settings.ACCOUNT_MAIL_ADDRESS_LIMIT = 2
    for _ in range(4):
        response = client.post("/en/accounts/signup/", signup_data(email="alice@example.nl"))
        assert response.status_code == 302 and response["Location"] == SENT
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_sign_ups_are_limited_per_client_with_429(client, settings):
    settings.ACCOUNT_MAIL_CLIENT_LIMIT = 2
    for n in range(2):
        assert client.post("/en/accounts/signup/", signup_data(email=f"p{n}@example.org")).status_code == 302
    response = client.post("/de/accounts/signup/", signup_data(email="p9@example.org"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    with translation.override("de"):
        expected = translation.ngettext(
            "You have asked for this too often. Please try again in %(minutes)d minute.",
            "You have asked for this too often. Please try again in %(minutes)d minutes.",
            60,
        ) % {"minutes": 60}
    assert expected in response.content.decode()
    assert not User.objects.filter(email="p9@example.org").exists()


@pytest.mark.django_db
def test_resending_answers_the_same_whatever_the_address(client, alice):
    make_user("waiting@example.org", email_verified_at=None)
    answers = [
        client.post(reverse("accounts:confirmation_resend"), {"email": email})
        for email in ("waiting@example.org", "alice@example.nl", "nobody@example.org")
    ]
    assert {(r.status_code, r["Location"]) for r in answers} == {(302, reverse("accounts:confirmation_sent"))}
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]


@pytest.mark.django_db
def test_resending_is_limited_per_client(client, settings):
    settings.ACCOUNT_MAIL_CLIENT_LIMIT = 1
    client.post(reverse("accounts:confirmation_resend"), {"email": "a@example.org"})
    response = client.post(reverse("accounts:confirmation_resend"), {"email": "b@example.org"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_resending_a_bad_address_says_what_is_wrong(client):
    response = client.post(reverse("accounts:confirmation_resend"), {"email": "not-an-address"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


# --- intermediaries and analysts wait for staff --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "kind"), [("intermediary", "intermediary"), ("analyst", "authority")])
def test_an_intermediary_or_analyst_and_their_organisation_wait_for_staff(client, role, kind):
    data = signup_data(role=role, kind=kind, email="ivo@example.nl", name="Twente Kennis")
    assert client.post(reverse("accounts:signup"), data).status_code == 302
    user = User.objects.get(email="ivo@example.nl")
    assert user.role == role and not user.role_confirmed
    assert user.effective_role == "sme"
    org = Organisation.objects.get(name="Twente Kennis")
    assert not org.confirmed
    assert org.review_reason == ""  # no other organisation has this name
    assert org not in Organisation.objects.listed()


@pytest.mark.django_db
def test_a_name_that_matches_an_existing_organisation_is_flagged_for_staff(client):
    make_org("Novel-T", kind="intermediary", town_name="Enschede", country="NL")
    data = signup_data(role="intermediary", kind="intermediary", email="fake@example.org", name="NOVEL T B.V.")
    client.post(reverse("accounts:signup"), data)
    org = Organisation.objects.get(name="NOVEL T B.V.")
    assert not org.confirmed
    assert "Novel-T (novel-t)" in org.review_reason


@pytest.mark.django_db
def test_a_company_name_is_matched_too(client):
    make_org("Jansen Kunststoffen B.V.", town_name="Enschede", country="NL")
    data = signup_data(role="intermediary", kind="intermediary", email="fake@example.org", name="Jansen Kunststoffen")
    client.post(reverse("accounts:signup"), data)
    assert "Jansen Kunststoffen B.V." in Organisation.objects.get(name="Jansen Kunststoffen").review_reason


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "something-else-entirely"}, "password2"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1"),
        ({"email": "not-an-address"}, "email"),
        ({"town": "999999999"}, "town"),
        ({"founded_year": "3000"}, "founded_year"),
        ({"kind": "authority"}, "kind"),  # an SME signs up for a company
        ({"working_languages": []}, "working_languages"),
        ({"name": ""}, "name"),
    ],
)
def test_invalid_sign_up_rerenders_with_message_and_creates_nothing(client, overrides, field):
    users, orgs = User.objects.count(), Organisation.objects.count()
    response = client.post(reverse("accounts:signup"), signup_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert (User.objects.count(), Organisation.objects.count()) == (users, orgs)
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_up_errors_are_in_the_page_language(client):
    response = client.post("/de/accounts/signup/", signup_data(password2="different-password-here"))
    assert translated("de", "The two passwords differ.") in response.content.decode()


@pytest.mark.django_db
def test_town_list_offers_real_towns_with_coordinates(client):
    response = client.get(reverse("accounts:signup"))
    assert response.status_code == 200
    assert "Enschede" in response.content.decode()
    # Coordinates come from GeoNames; every town has plausible ones for the border region.
    for t in Town.objects.filter(nuts3__in_programme_area=True):
        assert 50.5 < t.latitude < 54.0 and 3.3 < t.longitude < 9.5, t
