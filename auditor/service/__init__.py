"""``auditor serve``: auditor as an HTTP service, for a CMS, an editor's LanguageTool client or the
review page. Needs the ``serve`` extra (FastAPI, uvicorn, python-multipart), imported only here.

:func:`create_app` builds the ASGI app from :class:`ServiceSettings`; :mod:`auditor.service.app`
has the routes, :mod:`auditor.service.pool` the worker processes, :mod:`auditor.service.limits`
the token and body limits, :mod:`auditor.service.languagetool` LanguageTool's API.
"""

from __future__ import annotations

from auditor.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]


def create_app(settings: ServiceSettings | None = None):
    """The service's ASGI app (see :func:`auditor.service.app.create_app`)."""
    from auditor.service.app import create_app as build

    return build(settings)
