"""The command line. Each command is one module of this package; what they share is in
:mod:`auditor.cli.common` (exit codes included), and everything they do is built by
:mod:`auditor.session` and the layers below.
"""

from __future__ import annotations

import os
import sys

import click

from auditor import __version__
from auditor.cli.backtranslate import backtranslate
from auditor.cli.check import check
from auditor.cli.clean import clean
from auditor.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from auditor.cli.config_cmd import config_command
from auditor.cli.entities import entities
from auditor.cli.fix import fix
from auditor.cli.models import list_models
from auditor.cli.names import names_group
from auditor.cli.report import report
from auditor.cli.rules import list_rules
from auditor.cli.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Find machine-translation and scraping artifacts in news wire copy."""


for command in (check, clean, fix, backtranslate, entities, names_group, report, list_models, list_rules,
                config_command, serve):
    cli.add_command(command)


def main() -> None:
    """Console entry point: no traceback ever reaches the user unless AUDITOR_DEBUG is set."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("auditor: aborted", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        click.echo(f"auditor: internal error: {type(exc).__name__}: {exc} (set AUDITOR_DEBUG=1 for details)",
                   err=True)
        sys.exit(EXIT_INTERNAL)
