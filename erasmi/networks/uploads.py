"""Checks on uploaded documents: type by name and by content, size, and the file name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
ZIP = b"PK\x03\x04"
# extension -> how the content must begin (None: text)
ALLOWED = {
    "pdf": [b"%PDF"],
    "docx": [ZIP],
    "xlsx": [ZIP],
    "pptx": [ZIP],
    "odt": [ZIP],
    "ods": [ZIP],
    "odp": [ZIP],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "txt": None,
    "csv": None,
}


def check(upload) -> str:
    """The extension of an acceptable upload; ValidationError with a clear message otherwise."""
    name = upload.name or ""
    if "/" in name or "\\" in name or ".." in name or name.startswith(".") or "\x00" in name:
        raise ValidationError(_("The file name '%(name)s' is not allowed: it may not contain a path.") % {"name": name})
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of type '%(type)s' cannot be uploaded; allowed: %(allowed)s.")
            % {"type": extension or "?", "allowed": ", ".join(sorted(ALLOWED))}
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 20 MB."))
    head = upload.read(2048)
    upload.seek(0)
    signatures = ALLOWED[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # a character cut at the end of the sample is fine
                raise ValidationError(_("The file is not plain text.")) from None
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(_("The content of the file does not match its type '%(type)s'.") % {"type": extension})
    return extension
