"""``serve``: the HTTP API and web dashboard over a store."""
from __future__ import annotations

import os
from pathlib import Path

import click

from tidings.cli.store_cmd import configured_pipeline, current_config, db_option
from tidings.storage import Store, StoreError, default_path


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind (the default keeps the server local; 0.0.0.0 exposes it).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")
@click.option("--token", default=None,
              help="Bearer token enabling POST /api/ingest (default: $TIDINGS_TOKEN; none: writes disabled).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name clients may give in the Host header (repeatable; default: $TIDINGS_ALLOWED_HOSTS, "
                   "comma-separated). The bound host, localhost, 127.0.0.1 and [::1] are always accepted; * any.")
@click.option("--max-body", type=click.IntRange(1), default=None, metavar="BYTES",
              help="Largest request body accepted, in bytes (default: $TIDINGS_MAX_BODY, else 2,000,000).")
def serve_command(db, host, port, token, allow_hosts, max_body) -> None:
    """Serve the HTTP API (OpenAPI description at /docs) and the dashboard at /.

    \b
    Reads never change the store. The write endpoint POST /api/ingest needs
    `Authorization: Bearer TOKEN`; without a configured token it is disabled.
    Bound beyond loopback (--host 0.0.0.0), POST /api/extract needs the token too.
    Requests naming another host than the bound one or localhost are refused
    (DNS rebinding): add the names clients use with --allow-host.
    \b
    Examples:
      tidings serve --db news.db                       # http://127.0.0.1:8000/
      TIDINGS_TOKEN=s3cret tidings serve --db news.db  # enables POST /api/ingest
    """
    import uvicorn

    from tidings.api import TOKEN_ENV, create_app

    config = current_config({"store.db": db})
    path = Path(config.store.db or default_path())
    token = token or os.environ.get(TOKEN_ENV) or None
    try:  # a missing store is created only when writes can fill it
        Store.open(path, create=token is not None).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"tidings: serving {path} on http://{host}:{port}/ (API reference at /docs; writes "
               f"{'enabled' if token else 'disabled'})", err=True)
    app = create_app(path, token=token, host=host, allowed_hosts=list(allow_hosts) or None, max_body=max_body,
                     pipeline=configured_pipeline(config))
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [serve_command]
