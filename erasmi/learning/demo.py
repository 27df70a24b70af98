"""The toolkit's content in the demo: the same files load_toolkit loads."""

from erasmi.learning import services


def load() -> dict:
    return services.load_toolkit()


def published_units() -> int:
    from erasmi.learning.models import Unit

    return Unit.objects.published().count()
