"""The surveys part of the benchmark: one anonymous survey with 10,000 responses (eleven questions of every
kind, about 130,000 answer rows): its results page and its CSV and XLSX exports.

Run by bench/measure.py (the coordinator signed in), or alone: ``python bench/surveys.py`` on the
database DATABASE_URL names.
"""

import datetime
import random
import statistics
import time
import uuid

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

SLUG = "bench-surveys"
RESPONSES = 10_000
EXPORT_REPEAT = 8


def _survey():
    from erasmi.surveys.models import Survey

    return Survey.objects.filter(network__slug=SLUG).first()


def generate():
    from erasmi.accounts.models import User
    from erasmi.networks.models import Membership, Network, Organisation, Person, Role
    from erasmi.surveys import services
    from erasmi.surveys.models import Answer, Response, Tally

    rng = random.Random(12)
    with transaction.atomic():
        network = Network.objects.create(slug=SLUG, name="Bench surveys", city="Benchstadt")
        user = User.objects.filter(email="bench-coordinator@example.org").first()
        if user is None:
            user = User.objects.create_user("bench-coordinator@example.org", "bench-password-123")
        Role.objects.create(network=network, person=Person.for_user(user), kind=Role.Kind.COORDINATOR)
        types = Organisation.ActorType.values
        organisations = Organisation.objects.bulk_create(
            [
                Organisation(name=f"Survey org {n:03d}", actor_type=rng.choice(types), sector="non_state")
                for n in range(60)
            ]
        )
        Membership.objects.bulk_create(
            [Membership(network=network, organisation=o, joined=datetime.date(2010, 1, 1)) for o in organisations]
        )
        today = datetime.date.today()
        survey = services.create_survey(
            network=network,
            by=user,
            title="Bench survey",
            language="en",
            anonymous=True,
            audience="members",
            opens=today,
            closes=today + datetime.timedelta(days=30),
        )
        kinds = [("scale", [])] * 5 + [
            ("single", ["Monthly", "Quarterly", "Yearly"]),
            ("multiple", ["Meetings", "Mail", "Platform", "Phone"]),
            ("number", []),
            ("date", []),
            ("text", []),
            ("cooperation", []),
        ]
        questions = [
            services.save_question(survey, None, kind=kind, required=False, text=f"Question {n}", choices=choices)
            for n, (kind, choices) in enumerate(kinds, start=1)
        ]
        responses, answers = [], []
        for _n in range(RESPONSES):
            organisation = rng.choice(organisations)
            response = Response(
                id=uuid.uuid4(),
                survey=survey,
                actor_type=organisation.actor_type,
                sector="state" if organisation.actor_type == "authority" else "non_state",
            )
            responses.append(response)
            for question in questions:
                row = {"response": response, "question": question}
                if question.kind == "scale":
                    answers.append(Answer(value=rng.randint(1, 5), **row))
                elif question.kind == "single":
                    answers.append(Answer(value=rng.randrange(3), **row))
                elif question.kind == "multiple":
                    answers += [Answer(value=v, **row) for v in rng.sample(range(4), rng.randint(1, 3))]
                elif question.kind == "number":
                    answers.append(Answer(number=rng.randint(0, 40), **row))
                elif question.kind == "date":
                    answers.append(Answer(date=today - datetime.timedelta(days=rng.randrange(3000)), **row))
                elif question.kind == "text":
                    if rng.random() < 0.3:
                        answers.append(Answer(text=f"Idea {rng.randrange(100000)} for the network", **row))
                else:
                    answers += [Answer(text=str(o.pk), **row) for o in rng.sample(organisations, 2)]
        Response.objects.bulk_create(responses, batch_size=2000)
        Answer.objects.bulk_create(answers, batch_size=5000)
        Tally.rebuild(survey)  # what answering one by one counts as it goes
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def ensure() -> bool:
    """Generate the survey unless it is there; True if it was generated."""
    if _survey() is not None:
        return False
    generate()
    return True


def _time(client, url: str, repeat: int) -> dict:
    client.get(url)  # warm up
    times, cpu, queries = [], [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start, process = time.perf_counter(), time.process_time()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            elapsed = time.perf_counter() - start
            cpu.append((time.process_time() - process) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed * 1000)
        queries.append(len(captured.captured_queries))
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
        "queries": max(queries),
        # This process's CPU time (with SQLite the database's too): what the time is on an idle machine.
        "cpu_median_ms": round(statistics.median(cpu), 1),
    }


def measure(client, repeat: int = 60) -> dict:
    """The scenarios, the bench coordinator signed in."""
    from erasmi.accounts.models import User

    ensure()
    client.force_login(User.objects.get(email="bench-coordinator@example.org"))
    survey = _survey()
    base = f"/en/networks/{SLUG}/surveys/{survey.pk}"
    return {
        "survey results (10k)": _time(client, f"{base}/results/", repeat),
        "survey CSV (10k)": _time(client, f"{base}/results.csv", EXPORT_REPEAT),
        "survey XLSX (10k)": _time(client, f"{base}/results.xlsx", EXPORT_REPEAT),
    }


if __name__ == "__main__":
    import os
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmi.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if ensure():
        print(f"[{connection.vendor}] generated {RESPONSES} responses in {time.perf_counter() - start:.1f} s")
    for name, r in measure(Client()).items():
        line = f"{name:<24}{r['median_ms']:>9} ms median{r['p95_ms']:>9} ms p95{r['queries']:>4} queries"
        line += f"{r['cpu_median_ms']:>9} ms CPU"
        print(connection.vendor, line)
