import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Each seed hashes or checks five persona passwords; Argon2 would make these tests slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
