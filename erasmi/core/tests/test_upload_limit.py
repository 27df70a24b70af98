"""Uploads are limited before they are read: a huge body is refused at once, in the user's language."""

import socket
import time
from urllib.parse import urlsplit


def send_headers_only(url: str, path: str, length: int) -> tuple[bytes, float]:
    """Announce a body of `length` bytes, send only 1 KB of it, and read the answer."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Content-Type: multipart/form-data; boundary=xyz\r\n"
                f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
            ).encode()
            + b"--xyz\r\n"
            + b"x" * 1024
        )
        answer = b""
        while b"\r\n\r\n" not in answer and (chunk := connection.recv(65536)):
            answer += chunk
        seconds = time.monotonic() - started  # until the answer's headers arrived
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))[15:])
        while len(body) < length and (chunk := connection.recv(65536)):
            body += chunk
    return head + b"\r\n\r\n" + body, seconds


def test_a_300_mb_upload_is_refused_with_413_before_its_body_is_read(live_server, member, erfurt_network):
    answer, seconds = send_headers_only(live_server.url, "/de/networks/erfurt/documents/", 300 * 1024 * 1024)
    status_line = answer.split(b"\r\n", 1)[0]
    assert b" 413 " in status_line, answer[:300]
    assert seconds < 5  # the server did not wait for the 300 MB that never came
    assert "höchstens 25 MB" in answer.decode(errors="replace")


def test_an_upload_within_the_limit_still_reaches_the_form(client, member, erfurt_network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member)
    response = client.post(
        "/en/networks/erfurt/documents/",
        {"title": "Minutes", "kind": "minutes", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4\n" + b"x" * 3_000_000)},
    )
    assert response.status_code == 302
