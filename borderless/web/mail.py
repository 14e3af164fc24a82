"""The e-mail backend of the platform: every message leaves with bidirectional controls made visible.

Names and messages that people typed go into e-mails (contact requests, digests, account mails). A
right-to-left override in them would reorder what the recipient reads, as it would on a page; see
``borderless.core.text``. This backend marks them and hands the message to the real backend,
``settings.EMAIL_DELIVERY_BACKEND`` (SMTP, console, …).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from borderless.core.text import bidi_controls_marked


class BidiMarkingEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs) -> None:
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self):
        return self.delivery.open()

    def close(self):
        return self.delivery.close()

    def send_messages(self, email_messages):
        for message in email_messages:
            message.subject = bidi_controls_marked(str(message.subject))
            message.body = bidi_controls_marked(str(message.body))
            if getattr(message, "alternatives", None):
                message.alternatives = [_alternative_marked(a) for a in message.alternatives]
        return self.delivery.send_messages(email_messages)


def _alternative_marked(alternative):
    content, mimetype = alternative
    if not isinstance(content, str):
        return alternative
    if hasattr(alternative, "_replace"):  # Django's EmailAlternative
        return alternative._replace(content=bidi_controls_marked(content))
    return (bidi_controls_marked(content), mimetype)
