"""The info mail in the benchmark: compose and send one mail to 10,000 subscribers in five languages.

A real `manage.py db_worker` sends through SMTP to a local server (aiosmtpd in its own process) that
counts what it accepts. Measured: messages per second (first to last message at the server), the time
from "send" (the coordinator's click: recipients fixed, task enqueued) to the last message, and the
worker's peak memory (VmHWM). Run by bench/run.py once per database (DATABASE_URL).
"""

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmi.settings")

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", 10_000))
LANGUAGES = ["de", "en", "tr", "it", "da"]


def smtp_server(port, count, first, last, ready):
    """An SMTP server that accepts everything and counts (in a process of its own, as a real server is)."""
    from aiosmtpd.controller import Controller

    class Counter:
        async def handle_DATA(self, server, session, envelope):
            now = time.monotonic()
            with count.get_lock():
                if count.value == 0:
                    first.value = now
                count.value += 1
                last.value = now
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def peak_memory_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (on a busy machine, what it would need of an idle core)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def prepare():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from erasmi.mailings.models import Mailing, MailingVersion, NewsItem, NewsVersion, Subscriber, TranslationState
    from erasmi.networks.models import Network

    call_command("migrate", verbosity=0)
    Network.objects.filter(slug="bench-mail").delete()
    with transaction.atomic():
        network = Network.objects.create(slug="bench-mail", name="Bench mail network")
        Subscriber.objects.bulk_create(
            (
                Subscriber(
                    network=network,
                    email=f"subscriber{n:05}@example.org",
                    language=LANGUAGES[n % len(LANGUAGES)],
                    state=Subscriber.State.CONFIRMED,
                )
                for n in range(SUBSCRIBERS)
            ),
            batch_size=2000,
        )
        mailing = Mailing.objects.create(network=network, segments=["all"], visibility=Mailing.Visibility.PUBLIC)
        for number, code in enumerate(LANGUAGES):
            state = TranslationState.ORIGINAL if number == 0 else TranslationState.TRANSLATED
            MailingVersion.objects.create(
                mailing=mailing, language=code, state=state, subject=f"Info mail [{code}]", intro="Hello,\n\n" * 5
            )
            item = NewsItem.objects.create(network=network)
            NewsVersion.objects.create(item=item, language=code, title=f"News {code}", body="Text. " * 200)
            mailing.news.add(item)
    return mailing


def main() -> int:
    port = free_port()
    count, first, last = multiprocessing.Value("i", 0), multiprocessing.Value("d", 0), multiprocessing.Value("d", 0)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=smtp_server, args=(port, count, first, last, ready), daemon=True)
    server.start()
    ready.wait(30)
    mailing = prepare()

    from django.conf import settings
    from django.db import connection

    from erasmi.mailings import services

    env = {
        **os.environ,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "DEBUG": "0",
    }
    # The worker waits, started, as in production; the clock starts with the click on "send".
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    time.sleep(8)  # the worker's start-up (imports) is not part of a send
    clicked = time.monotonic()
    services.start(mailing)
    peak, cpu_before = 0, cpu_seconds(worker.pid)
    while count.value < SUBSCRIBERS and time.monotonic() - clicked < 600 and worker.poll() is None:
        peak = max(peak, peak_memory_kb(worker.pid))
        time.sleep(0.2)
    peak = max(peak, peak_memory_kb(worker.pid))
    cpu = cpu_seconds(worker.pid) - cpu_before
    load = os.getloadavg()[0]
    worker.terminate()
    worker.wait(30)
    server.terminate()
    sent, to_last = count.value, last.value - clicked
    rate = (sent - 1) / (last.value - first.value) if sent > 1 else 0.0
    vendor = connection.vendor
    result = {
        "database": vendor,
        "subscribers": SUBSCRIBERS,
        "received": sent,
        "messages_per_second": round(rate, 1),
        "send_to_last_message_s": round(to_last, 1),
        "worker_peak_memory_mb": round(peak / 1024, 1),
        "worker_cpu_s": round(cpu, 1),
        "messages_per_worker_cpu_second": round(sent / cpu, 1) if cpu else None,
        "load_average": round(load, 1),
        "batch": settings.ERASMI_MAIL_BATCH,
    }
    print(
        f"info mail ({vendor}): {sent:,} of {SUBSCRIBERS:,} messages, {rate:,.0f}/s, "
        f"send to last message {to_last:.1f} s, worker peak memory {peak / 1024:.0f} MB, "
        f"worker CPU {cpu:.1f} s ({sent / cpu if cpu else 0:,.0f} messages per CPU second), load {load:.1f}"
    )
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / f"bench-mailings-{vendor}.json").write_text(json.dumps(result, indent=2))
    return 0 if sent == SUBSCRIBERS else 1


if __name__ == "__main__":
    sys.exit(main())
