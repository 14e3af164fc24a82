"""`makemessages` that also extracts the core's markers: `_`, `C_` (with a context) and `N_` (with a plural).

The markers live in `borderless.core.i18n`; xgettext knows `_` already, the other two are added here.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=C_:1c,2", "--keyword=N_:1,2"]
