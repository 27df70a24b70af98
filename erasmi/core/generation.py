"""Files generated on demand and kept (the compendium exports): one generation at a time,
across all worker processes, and a failure remembered for a while.

A PDF of thousands of practices takes a while. Without this, every request for a file that
is not there yet would start its own generation, and a generation that fails would be
tried again (and fail again) on every request. Here a lock file (``fcntl.flock``, held by
the process that generates) lets one request generate; the others wait a little for it
and then get the file, or are told to come back. A failure is written down next to the
lock, for the version of the file that failed, and answered as such until it is
``ERASMI_GENERATION_RETRY`` seconds old or the content changes (a new version is a new
file name).
"""

import fcntl
import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

POLL = 0.2  # seconds between two looks at a lock held by another process


class GenerationUnavailable(Exception):
    """The file cannot be given now; ``retry_after`` says in how many seconds to ask again."""

    def __init__(self, retry_after: int, *, failed: bool):
        super().__init__("generation failed" if failed else "generation running")
        self.retry_after = retry_after
        self.failed = failed


def _state_dir() -> Path:
    folder = Path(settings.ERASMI_CACHE_DIR) / "generation"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _recent_failure(marker: Path, path: Path) -> int | None:
    """Seconds until a recorded failure of ``path`` may be retried, or None if there is none to respect."""
    try:
        recorded = json.loads(marker.read_text())
        age = time.time() - marker.stat().st_mtime
    except (OSError, ValueError):
        return None
    left = settings.ERASMI_GENERATION_RETRY - age
    if recorded.get("file") != path.name or left <= 0:
        return None
    return max(1, int(left))


def generated_file(path: Path, build: Callable[[], bytes], *, key: str, replaces: str | None = None) -> Path:
    """``path``, written with ``build()`` if it does not exist yet.

    ``key`` names the lock (one generation at a time per key, whatever the version);
    ``replaces`` is a glob of older files in the same folder, removed once the new one is
    written. Raises GenerationUnavailable while another process generates longer than
    ``ERASMI_GENERATION_WAIT`` seconds, or while a recent failure is remembered.
    """
    if path.exists():
        return path
    state = _state_dir()
    marker = state / f"{key}.failed"
    if (left := _recent_failure(marker, path)) is not None:
        raise GenerationUnavailable(left, failed=True)
    with open(state / f"{key}.lock", "a") as lock:
        deadline = time.monotonic() + settings.ERASMI_GENERATION_WAIT
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise GenerationUnavailable(30, failed=False) from None
                time.sleep(POLL)
        try:
            # Whoever held the lock before may have written the file, or failed.
            if path.exists():
                return path
            if (left := _recent_failure(marker, path)) is not None:
                raise GenerationUnavailable(left, failed=True)
            try:
                data = build()
            except Exception:
                logger.exception("generating %s failed", path.name)
                marker.write_text(json.dumps({"file": path.name}))
                raise GenerationUnavailable(settings.ERASMI_GENERATION_RETRY, failed=True) from None
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{uuid.uuid4()}.part")
            partial.write_bytes(data)
            os.replace(partial, path)  # readers never see half a file
            marker.unlink(missing_ok=True)
            if replaces:
                for old in path.parent.glob(replaces):
                    if old != path:
                        old.unlink(missing_ok=True)
            return path
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def unavailable_response(request, error: GenerationUnavailable, back: tuple[str, str] | None = None) -> HttpResponse:
    """The page for a file that cannot be given now: 503 with Retry-After, in the visitor's language.

    ``back`` is the address and text of a link back to where the visitor came from.
    """
    if error.failed:
        message = _("This file could not be created. The error has been recorded; please try again in a few minutes.")
    else:
        message = _("This file is being prepared. Please try again in a minute.")
    response = render(request, "core/unavailable.html", {"message": message, "back": back}, status=503)
    response["Retry-After"] = str(error.retry_after)
    return response
