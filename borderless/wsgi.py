"""The WSGI entry point for production servers (gunicorn: ``borderless.wsgi:application``)."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderless.settings")
application = get_wsgi_application()


def static_manifest_check() -> None:
    """Refuse to start when hashed static files are used but were never collected.

    Without the manifest every page that names a static file fails, so the server would answer 500
    to everything; stopping here names the missing step instead.
    """
    from django.conf import settings
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

    if isinstance(staticfiles_storage, ManifestFilesMixin) and staticfiles_storage.read_manifest() is None:
        raise ImproperlyConfigured(
            f"The static files have not been collected into STATIC_ROOT ({settings.STATIC_ROOT}): "
            "run `python manage.py collectstatic --noinput` (make serve does) before starting the server."
        )


static_manifest_check()
