"""The notification e-mail to the referring case manager: pseudonym and status only."""

from __future__ import annotations

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ...services.referrals import Answered
from ..cases.forms import LABELS
from ..context import mailer, settings


def send(answered: Answered) -> bool:
    """Mail the case's manager that a referral was answered, when mail is set up and they
    gave an address. Nothing of the case beyond the pseudonym and the new status: the
    organisation, the offer and the feedback would tell a reader what the client needs."""
    if not answered.notify_email or not mailer().enabled:
        return False
    config = settings()
    with force_locale(config.language):
        status = str(LABELS.get(answered.status, answered.status))
        subject = _(
            "Referral of case %(pseudonym)s: %(status)s",
            pseudonym=answered.pseudonym,
            status=status,
        )
        where = (
            config.base_url + url_for("notifications.index")
            if config.base_url
            else _("the notifications page of graphsvc")
        )
        body = "\n\n".join(
            [
                _(
                    "A referral of case %(pseudonym)s was answered. New status: %(status)s.",
                    pseudonym=answered.pseudonym,
                    status=status,
                ),
                _("Log in to read the answer: %(where)s", where=where),
                _("This e-mail holds no case data beyond the pseudonym and the status."),
            ]
        )
    return mailer().send(answered.notify_email, subject, body)
