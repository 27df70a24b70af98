"""Real background processes for tests: `manage.py db_worker` and `manage.py scheduler` on the test database.

They see what the test committed only: tests that use them need `transactional_db` (the `background`
fixture asks for it). Mail goes where the test's settings send it (the `smtp_server` fixture).
"""

import os
import signal
import subprocess
import sys
import time

from django.db import connection

WORKER = ("db_worker", "--no-reload", "--no-startup-delay", "--queue-name", "*", "--interval", "0.1")


def database_url() -> str:
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    return f"postgres://{params['USER']}{password}@{host}:{port}/{params['NAME']}"


class Background:
    def __init__(self, settings):
        self.settings = settings
        self.processes: list[subprocess.Popen] = []

    def environment(self, **extra: str) -> dict:
        s = self.settings
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "SECRET_KEY": s.SECRET_KEY,
            "SITE_URL": s.SITE_URL,
            "DEBUG": "0",
            "EMAIL_BACKEND": s.EMAIL_BACKEND,
            "EMAIL_HOST": s.EMAIL_HOST,
            "EMAIL_PORT": str(s.EMAIL_PORT),
            "EMAIL_USE_TLS": "1" if s.EMAIL_USE_TLS else "0",
            "DEFAULT_FROM_EMAIL": s.DEFAULT_FROM_EMAIL,
            "CONN_MAX_AGE": "0",
            **extra,
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        return env

    def start(self, *command: str, **env: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=self.settings.BASE_DIR,
            env=self.environment(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def worker(self, *args: str, **env: str) -> subprocess.Popen:
        return self.start(*WORKER, *args, **env)

    def run(self, *command: str, timeout: float = 120, **env: str) -> str:
        """Run to the end (e.g. `db_worker --batch`, `scheduler --once`); its output."""
        process = self.start(*command, **env)
        output, _ = process.communicate(timeout=timeout)
        assert process.returncode == 0, output.decode()[-3000:]
        return output.decode()

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """SIGKILL: no clean-up at all, as when the machine loses power or the OOM killer strikes."""
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stdout:
                process.stdout.close()


def wait_until(condition, timeout: float = 30, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(step)
