"""Run calls at the same moment in real threads, each with its own database connection."""

import threading
from collections.abc import Callable, Iterable

from django.db import connection


def at_once(calls: Iterable[Callable]) -> list:
    """Start all calls together (a barrier), wait for them; their results, in the order they finished.

    An exception in any call fails the test with that exception.
    """
    calls = list(calls)
    barrier, results, errors = threading.Barrier(len(calls)), [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # noqa: BLE001  (raised again below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
