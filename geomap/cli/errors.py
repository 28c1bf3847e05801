"""What a command's failure looks like to the user: a one-line message and an exit code.

Exit codes: 0 everything worked; 1 some or all inputs failed (each named on stderr, the rest were
still processed); 2 usage error (bad option, missing argument); 3 the gazetteer store or an output
file could not be used. `--debug` shows the traceback instead of the one line.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable

import click

from gazetteer import DataError, StoreError
from geomap.atomic import OutputError
from geomap.display import shown

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


class Failure(click.ClickException):
    """A whole-command failure with its exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        echo_error(self.message)


def echo_error(message: str) -> None:
    """One line on stderr, with nothing in it a terminal would act on."""
    click.echo(f"geomap: error: {shown(message)}", err=True)


def guarded(command: Callable) -> Callable:
    """Turn the errors users can meet into one-line messages and exit codes."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        debug = click.get_current_context().obj["debug"]
        try:
            return command(*args, **kwargs)
        except (StoreError, DataError, OutputError) as error:
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT if isinstance(error, DataError) else EXIT_ENVIRONMENT
            raise Failure(str(error), code) from None
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: still one line, unless asked for the traceback
            if debug:
                traceback.print_exc()
            raise Failure(f"internal error: {type(error).__name__}: {error} "
                          "(run with --debug for the traceback)", EXIT_ENVIRONMENT) from None
    return run
