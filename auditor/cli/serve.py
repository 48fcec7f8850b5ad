"""``auditor serve``: the HTTP service (auditor's API, LanguageTool's API and the review page)."""

from __future__ import annotations

import os
import socket

import click

from auditor.cli.common import fail, note, session_for, split_ids, with_house_options

TOKEN_ENV = "AUDITOR_TOKEN"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default takes connections from this machine only.")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0 picks a free one, printed at start).")
@click.option("--workers", default=None, type=click.IntRange(0, 64),
              help="Checking processes, each with its own warm session [default: one per core, at most 8]; "
                   "0 checks in the server process.")
@click.option("--queue", "capacity", default=64, show_default=True, type=click.IntRange(1, 10000),
              help="Requests admitted at once (running or waiting for a worker); more get a 503.")
@click.option("--time-limit", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a request may take; a longer one gets a 504.")
@click.option("--max-body", default=5 * 1024 * 1024, show_default=True, type=click.IntRange(1024),
              help="Largest request body in bytes; a larger one gets a 413.")
@click.option("--token", default=None, metavar="TOKEN",
              help=f"Require 'Authorization: Bearer TOKEN' on every route but /healthz [default: ${TOKEN_ENV}].")
@click.option("--cors", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN (e.g. https://cms.example.org) call the API; repeatable. Off by default.")
@click.option("--select", metavar="RULE,...", help="Rules to run when a request does not choose.")
@click.option("--ignore", metavar="RULE,...", help="Rules to skip when a request does not choose.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML config (default: auditor.toml, .auditor.toml or [tool.auditor] in pyproject.toml).")
@click.option("--engine", default=None, metavar="NAME", help="Engine for /v1/backtranslate (see auditor models).")
@click.option("--model", default=None, metavar="ID", help="Model folder for --engine.")
@click.option("--pivot", default=None, metavar="LANG", help="Pivot language for /v1/backtranslate.")
@click.option("--cache", "cache_path", default=None, metavar="PATH", help="Translation cache (SQLite).")
@click.option("--no-cache", is_flag=True, help="Do not use the translation cache.")
@with_house_options
@click.option("--access-log/--no-access-log", default=False, show_default=True, help="Log every request.")
def serve(host, port, workers, capacity, time_limit, max_body, token, cors_origins, select, ignore, config_path,
          engine, model, pivot, cache_path, no_cache, stylesheet_path, db_path, access_log) -> None:
    """Serve auditor over HTTP: the review page at /, auditor's API under /v1 and LanguageTool's
    under /v2 (see README: auditor serve). Stops on Ctrl-C."""
    try:
        import uvicorn

        from auditor.service import ServiceSettings, create_app
    except ImportError as exc:
        fail(f"auditor serve needs the serve extra: pip install 'auditor[serve]' ({exc.name} is missing)")
    from auditor.service.settings import default_workers
    from auditor.session import Options

    options = Options(config_path=config_path, select=tuple(split_ids(select)), ignore=tuple(split_ids(ignore)),
                      stylesheet=stylesheet_path, db=db_path, engine=engine, model=model, pivot=pivot,
                      cache=cache_path, no_cache=no_cache)
    session = session_for(options)  # what was asked for is checked now, before a port is taken
    token = token or os.environ.get(TOKEN_ENV) or None
    sock = _listen(host, port)
    url = f"http://{_url_host(host)}:{sock.getsockname()[1]}/"
    if not token and not _is_loopback(host):
        note(f"listening on {host} without a token: anyone who can reach it can use it (see --token)")
    settings = ServiceSettings(options=options, config=session.config,
                               workers=default_workers() if workers is None else workers, capacity=capacity,
                               time_limit=time_limit, max_body=max_body, token=token,
                               cors_origins=tuple(cors_origins),
                               on_ready=lambda: note(f"serving on {url} (the review page; APIs under /v1 and /v2; Ctrl-C stops)"))
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=access_log,
                            timeout_keep_alive=5, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or a usage error saying why not."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.create_server((host, port), family=family, backlog=512)
        # Connections accepted from it inherit this: without it a response's headers and body,
        # written apart, wait on the client's delayed acknowledgement (40 ms a request).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    return sock


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
