"""make bench: the compendium on a generated data set, on SQLite and on PostgreSQL.

Each database is measured in its own process (settings are read at start-up).
The data set is generated once per database and kept for later runs.
Then the load phase (bench/load.py): gunicorn under wrk, on PostgreSQL when it answers.
BENCH_LOAD=0 skips it, BENCH_LOAD=only runs it alone; BENCH_SCALE=10 loads ten times the data
(into a database of its own).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/erasmi_bench")


LOAD = os.environ.get("BENCH_LOAD", "1")
SCALE = int(os.environ.get("BENCH_SCALE", 1))
if SCALE != 1:
    PG += f"_x{SCALE}"


def run(database_url: str, script: str = "measure.py") -> int:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "STATIC_MANIFEST": "0", "LOG_LEVEL": "ERROR"}
    status = subprocess.call([sys.executable, str(ROOT / "bench" / script)], env=env, cwd=ROOT)
    if script == "measure.py":
        # The info mail: 10,000 subscribers, a real worker, a local SMTP server.
        status |= subprocess.call([sys.executable, str(ROOT / "bench" / "mailings.py")], env=env, cwd=ROOT)
    return status


def postgres_available() -> bool:
    if not shutil.which("psql"):
        return False
    base = PG.rsplit("/", 1)[0] + "/postgres"
    if subprocess.call(["psql", base, "-qAtc", "select 1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        return False
    name = PG.rsplit("/", 1)[1]
    exists = subprocess.run(
        ["psql", base, "-qAtc", f"select 1 from pg_database where datname='{name}'"], capture_output=True, text=True
    ).stdout.strip()
    if not exists:
        subprocess.check_call(["psql", base, "-qc", f"CREATE DATABASE {name}"])
    return True


def main() -> int:
    (ROOT / "var").mkdir(exist_ok=True)
    sqlite = f"sqlite:///{ROOT / 'var' / ('bench.sqlite3' if SCALE == 1 else f'bench-x{SCALE}.sqlite3')}"
    postgres = postgres_available()
    status = 0
    if LOAD != "only":
        status |= run(sqlite)
        if postgres:
            status |= run(PG)
        else:
            print("PostgreSQL not reachable on 127.0.0.1:5432: measured SQLite only")
    if LOAD != "0":
        status |= run(PG if postgres else sqlite, "load.py")
    return status


if __name__ == "__main__":
    sys.exit(main())
