"""Notification e-mails through a configured SMTP server (standard library smtplib).

Mails leave from one background thread per process, so an answer never waits for the mail
server; a mail that cannot be delivered is logged (address and error, never the text) and
dropped: the in-app notification is the record, the mail only a nudge.
"""

from __future__ import annotations

import logging
import queue
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage

log = logging.getLogger(__name__)
QUEUE_SIZE = 1000  # beyond this the server is down or far too slow: drop, do not grow
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class MailSettings:
    """Where mails go out (GRAPHSVC_SMTP_*); no host means no mail at all."""

    host: str | None = None
    port: int = 25
    user: str = ""
    password: str = ""
    starttls: bool = False
    sender: str = "graphsvc@localhost"

    @property
    def enabled(self) -> bool:
        """Whether a mail server is configured."""
        return bool(self.host)


class Mailer:
    """Queues mails and sends them one by one from a background thread."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self._queue: queue.Queue[EmailMessage] = queue.Queue(maxsize=QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Whether mails are sent at all."""
        return self.settings.enabled

    def send(self, to: str, subject: str, body: str) -> bool:
        """Queue one plain-text mail; False when mail is off, `to` is empty or the queue full."""
        if not self.enabled or not to:
            return False
        message = EmailMessage()
        message["From"] = self.settings.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        try:
            self._queue.put_nowait(message)
        except queue.Full:
            log.warning("mail queue full: notification mail to %s dropped", to)
            return False
        self._start()
        return True

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until every queued mail was handed to the server (or failed); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    def _start(self) -> None:
        # Started on first use, not at app creation: gunicorn forks workers after create_app,
        # and a thread does not survive a fork.
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="mailer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            message = self._queue.get()
            try:
                self.deliver(message)
            except (OSError, smtplib.SMTPException) as exc:
                log.warning("notification mail to %s not sent: %s", message["To"], exc)
            finally:
                self._queue.task_done()

    def deliver(self, message: EmailMessage) -> None:
        """Hand one mail to the SMTP server (STARTTLS and login when configured)."""
        config = self.settings
        with smtplib.SMTP(config.host or "", config.port, timeout=TIMEOUT_SECONDS) as smtp:
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if config.user:
                smtp.login(config.user, config.password)
            smtp.send_message(message)
