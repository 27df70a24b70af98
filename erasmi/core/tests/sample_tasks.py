"""Tasks that only the tests enqueue (a worker imports them by their path)."""

import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_go(path: str) -> None:
    """Write "run", wait until the file PATH.go exists, write "done"."""
    log = Path(path)
    with log.open("a") as out:
        out.write("run\n")
    while not Path(path + ".go").exists():
        time.sleep(0.05)
    with log.open("a") as out:
        out.write("done\n")


@task()
def nothing() -> None:
    pass
