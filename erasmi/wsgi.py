"""WSGI entry point; gunicorn builds the application once per worker."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmi.settings")
application = get_wsgi_application()
