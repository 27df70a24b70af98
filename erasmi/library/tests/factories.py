"""Resources for tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

from erasmi.library import services
from erasmi.library.models import Licence, Resource

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name="guide.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_resource(
    title="Network café guide",
    *,
    language="en",
    description="How to run a network café with info tables.",
    status=Resource.Status.PUBLISHED,
    user=None,
    network=None,
    shared=False,
    kind=Resource.Kind.METHOD,
    licence=Licence.CC_BY,
    spoken=("en",),
    country="DE",
    tags="",
    author="Erfurt network office",
    organisation="City of Erfurt",
    link="https://example.org/guide",
    upload=None,
    translations=None,
) -> Resource:
    resource = services.submit_resource(
        user=user,
        language=language,
        title=title,
        description=description,
        tags=tags,
        upload=upload,
        kind=kind,
        licence=licence,
        author=author,
        organisation=organisation,
        country=country,
        network=network,
        shared=shared,
        link="" if upload else link,
        languages=list(spoken),
    )
    for code, (other_title, other_description) in (translations or {}).items():
        services.save_translation(resource, code, title=other_title, description=other_description)
    if status != resource.status:
        resource.set_status(status)
    return resource
