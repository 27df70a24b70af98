"""A send to 2,000 recipients survives its worker being killed half-way: no recipient gets a mail twice.

SMTP leaves one window no sender can close (see `erasmi.mailings.sending`): a kill between recording a
message as sent and the final "." leaving the socket loses that one message. So each killed worker may
cost at most one recipient their mail (recorded as sent), never more, and nobody gets two.

Real processes: `manage.py db_worker` sends to the loopback SMTP server of the test; it is killed with
SIGKILL (no clean-up at all), the scheduler's round queues the abandoned task again once its lease is
over, and a second worker finishes the send. Counted at the SMTP server. CI runs this on SQLite and PostgreSQL.
"""

import collections
import time

from erasmi.core import tasks
from erasmi.core.tests.workers import wait_until
from erasmi.mailings import services
from erasmi.mailings.models import Delivery, Mailing, Subscriber
from erasmi.mailings.tests.factories import mailing
from erasmi.networks.tests.factories import make_network

RECIPIENTS = 2000
LEASE = "3"  # seconds: a killed worker's task and claims are taken over after this (600 in production)


def test_a_worker_killed_half_way_through_a_send_sends_nobody_two_mails_and_loses_at_most_one(
    background, smtp_server, settings
):
    network = make_network("erfurt")
    Subscriber.objects.bulk_create(
        Subscriber(
            network=network,
            email=f"person{n:04}@example.org",
            language=("de", "tr", "en", "it", "da")[n % 5],
            state=Subscriber.State.CONFIRMED,
        )
        for n in range(RECIPIENTS)
    )
    item = mailing(network, versions=[("de", "Infomail", "Liebe Mitglieder,"), ("tr", "Bülten", "Sevgili üyeler,")])
    assert services.start(item) == RECIPIENTS

    env = {"TASK_LEASE_SECONDS": LEASE, "MAIL_BATCH": "50"}
    first = background.worker(**env)
    wait_until(lambda: len(smtp_server.messages) >= RECIPIENTS // 2, timeout=120, step=0.01)
    background.kill(first)
    received_before = len(smtp_server.messages)
    assert received_before < RECIPIENTS, "the worker finished before it could be killed"

    time.sleep(float(LEASE) + 0.5)
    settings.ERASMI_TASK_LEASE = int(LEASE)
    tasks.tick()  # the scheduler's round (here in the test's process: one Django start-up less)
    background.run(*background_batch(), **env)

    counts = collections.Counter(m["to"][0] for m in smtp_server.messages)
    assert set(counts.values()) == {1}, [address for address, n in counts.items() if n > 1][:10]
    everyone = {f"person{n:04}@example.org" for n in range(RECIPIENTS)}
    missing = everyone - set(counts)
    assert len(missing) <= 1, sorted(missing)[:10]  # the kill landed in SMTP's window at most once
    assert Delivery.objects.filter(mailing=item, state=Delivery.State.SENT).count() == RECIPIENTS
    item.refresh_from_db()
    assert item.state == Mailing.State.SENT
    # A resent message keeps its delivery's Message-ID: the one per address, unique across all.
    assert len({m["message"]["Message-ID"] for m in smtp_server.messages}) == len(smtp_server.messages)


def background_batch():
    from erasmi.core.tests.workers import WORKER

    return (*WORKER, "--batch")
