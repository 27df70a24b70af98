"""The load phase of `make bench`: the platform under gunicorn, measured with wrk at 16 connections.

gunicorn runs with two workers, DEBUG off and the production settings, on the database DATABASE_URL
names (PostgreSQL when bench/run.py finds one). The same server answers a floor view (one indexed row as
JSON, enabled for the bench only by BENCH_FLOOR=1), measured in the same run, so each URL's requests per
second can be given as a share of what Django itself manages on this machine at this moment.

For each URL set: requests per second, p50 and p99 latency, the ratio to the floor, and the queries per
request, counted in-process with the test client (cached: a request after the page was served once, as
under load; cold: the first request after a change of the content).

BENCH_SCALE=10 measures ten times the data (50,000 practices, 500,000 offers) in its own database.
BENCH_PRACTICE_SCALE=1 keeps the compendium at its base size (generating 50,000 practices takes long).
BENCH_LOAD_SECONDS sets the seconds per URL set (default 5).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("BENCH_SCALE", 1))
os.environ["BENCH_PRACTICES"] = str(5000 * int(os.environ.get("BENCH_PRACTICE_SCALE", SCALE)))
os.environ["BENCH_OFFERS"] = str(50_000 * SCALE)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
os.environ["BENCH_FLOOR"] = "1"  # the floor view, in-process and in the server
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", 5))
CONNECTIONS = 16

import measure  # noqa: E402  (sets Django up)
import offers as offer_bench  # noqa: E402
import workspace  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from erasmi.accounts.models import User  # noqa: E402
from erasmi.compendium.models import Practice  # noqa: E402
from erasmi.offers.models import Offer  # noqa: E402


def ensure_data() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if Practice.objects.filter(slug__startswith="bench-network-").count() != measure.PRACTICES:
        Practice.objects.filter(slug__startswith="bench-network-").delete()
        start = time.perf_counter()
        measure.generate(measure.PRACTICES)
        print(f"generated {measure.PRACTICES} practices in {time.perf_counter() - start:.0f} s", flush=True)
    workspace.ensure()
    offer_bench.ensure()


def url_sets() -> dict[str, list[str]]:
    import random

    rng = random.Random(7)
    words = ["network", "Arbeitsgruppe", "toplantı", "volontari", "frivillige", "housing", "Beratung", "sağlık"]
    words += [f"{rng.choice(measure.WORDS[lang])} {rng.choice(measure.WORDS[lang])}" for lang in measure.LANGUAGES]
    slugs = [f"bench-network-{rng.randrange(measure.PRACTICES):05d}" for _ in range(60)]
    ids = list(Offer.objects.order_by("?").values_list("pk", flat=True)[:60])
    public = {
        "compendium: list": [f"/en/compendium/?page={rng.randint(1, 50)}" for _ in range(60)],
        "compendium: search": [f"/en/compendium/?q={w}" for w in words],
        "compendium: filtered search": [
            f"/de/compendium/?q={w}&country=germany&target=volunteers&size=large" for w in words
        ],
        "compendium: detail": [f"/tr/compendium/{slug}/" for slug in slugs],
        "api: practices search": [f"/api/practices?q={w}&page_size=50" for w in words],
        "api: practice": [f"/api/practices/{slug}" for slug in slugs],
        **offer_bench.scenarios(rng),
        "offers: detail": [f"/en/offers/{pk}/" for pk in ids],
        "api: offers list": [f"/api/offers?page={rng.randint(1, 100)}" for _ in range(60)],
        "network calendar (public)": [
            f"/en/networks/{workspace.SLUG}/calendar/?month={y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)
        ],
    }
    signed_in = {
        name: urls for name, urls in workspace.scenarios(rng).items() if name != "personal feed"
    }  # the public feed is anonymous too, see below
    signed_in.pop("public feed")
    public["network feed (public)"] = [f"/feeds/networks/{workspace.SLUG}.ics"]
    return {"floor": ["/bench/floor"], **public}, signed_in


def queries(client: Client, urls: list[str]) -> dict:
    """Queries of a request served as under load, and queries and milliseconds of the first request after
    a change (in-process, one at a time)."""
    cache.clear()
    connection.queries_log.clear()  # a full log (9,000 queries) would count nothing
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as cold:
        client.get(urls[0])
    cold_ms = (time.perf_counter() - start) * 1000
    cold_queries = len(cold.captured_queries)  # read now: the log is cleared below
    for url in urls:
        client.get(url)
    counts = []
    for url in urls[:10]:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(captured.captured_queries))
    return {"queries": max(counts), "cold queries": cold_queries, "cold ms": round(cold_ms)}


LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Cookie"] = "%s"})
end
"""


def wrk(port: int, urls: list[str], cookie: str = "") -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % (", ".join(json.dumps(u) for u in urls), cookie))
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{SECONDS}s",
                "--latency",
                "--timeout",
                "10s",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rps": round(rps),
        "p50_ms": round(percentile(50), 1),
        "p99_ms": round(percentile(99), 1),
        "errors": (int(errors.group(1)) if errors else 0) + (int(timeouts.group(1)) if timeouts else 0),
    }


def warm_up(port: int, urls: list[str], cookie: str) -> None:
    """Each URL once, as the visitors before the measured ones asked for it (the steady state of a site)."""
    import urllib.parse
    import urllib.request

    for url in dict.fromkeys(urls):
        address = f"http://127.0.0.1:{port}{urllib.parse.quote(url, safe='/?=&')}"
        request = urllib.request.Request(address, headers={"Cookie": cookie})
        urllib.request.urlopen(request, timeout=60).read()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "DEBUG": "0", "BENCH_FLOOR": "1", "LOG_LEVEL": "ERROR", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "erasmi.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def main() -> int:
    if not shutil.which("wrk"):
        print("load phase skipped: wrk is missing (sh scripts/ensure-test-tools installs it)")
        return 0
    ensure_data()
    public, signed_in = url_sets()
    client = Client()
    figures = {}
    for name, urls in public.items():
        figures[name] = queries(client, urls)
    user = User.objects.get(email="bench-coordinator@example.org")
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    for name, urls in signed_in.items():
        figures[name] = queries(client, urls)
    port = free_port()
    server = start_server(port)
    try:
        for name, urls in {**public, **signed_in}.items():
            warm_up(port, urls, cookie if name in signed_in else "")
            figures[name].update(wrk(port, urls, cookie if name in signed_in else ""))
            print(f"  {name}: {figures[name]}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    floor = figures["floor"]["rps"]
    vendor = connection.vendor
    print(
        f"\n{vendor}, load: gunicorn 2 workers, wrk {CONNECTIONS} connections, {SECONDS} s per line; "
        f"{measure.PRACTICES} practices, {offer_bench.TOTAL} offers"
    )
    print(f"{'URL set':<30}{'req/s':>7}{'p50 ms':>8}{'p99 ms':>8}{'floor':>7}{'queries':>9}{'cold':>6}{'cold ms':>9}")
    for name, f in figures.items():
        ratio = f"{f['rps'] / floor:.0%}"
        errors = f"  ({f['errors']} errors)" if f["errors"] else ""
        print(
            f"{name:<30}{f['rps']:>7}{f['p50_ms']:>8}{f['p99_ms']:>8}{ratio:>7}{f['queries']:>9}"
            f"{f['cold queries']:>6}{f['cold ms']:>9}{errors}"
        )
    out = Path(__file__).parent / f"results-load-{vendor}-x{SCALE}.json"
    out.write_text(json.dumps({"scale": SCALE, "floor_rps": floor, "results": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
