import pytest


@pytest.fixture
def refusing_smtp_server(smtp_server):
    """The loopback SMTP server, refusing any address that starts with "bounce" (550, a permanent failure)."""
    from aiosmtpd.handlers import Sink  # noqa: F401  (aiosmtpd is there)

    inbox = smtp_server

    async def handle_RCPT(server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    inbox.handle_RCPT = handle_RCPT
    return inbox


@pytest.fixture(autouse=True)
def _one_sender(settings):
    """In-process sends use the test's database connection (its transaction); workers in subprocesses use 4."""
    settings.ERASMI_MAIL_CONNECTIONS = 1


@pytest.fixture
def pipelining_smtp_server(refusing_smtp_server):
    """The loopback server offering PIPELINING (RFC 2920), as Postfix does; still refusing "bounce…" addresses."""
    inbox = refusing_smtp_server

    async def handle_EHLO(server, session, envelope, hostname, responses):
        session.host_name = hostname
        return [responses[0], "250-PIPELINING", *responses[1:]]

    inbox.handle_EHLO = handle_EHLO
    return inbox
