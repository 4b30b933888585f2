"""The command line: `python -m indicators attainment|progress|history|validate|import|export|report|...`.

One module per job: parser.py (arguments and help), output.py (what is printed, the files read and
written), data_commands.py (checking and keeping the data), report_commands.py (documents).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from indicators.cli import awards_commands, data_commands, extract_command, report_commands, round_commands
from indicators.cli.output import COMMANDS, emit, people
from indicators.cli.parser import InputError, UsageError, build_parser, shared_parser
from indicators.store.database import Store, StoreError

# Commands that print their own report and choose their exit code; the rest print a table.
ACTIONS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    **data_commands.ACTIONS,
    **report_commands.ACTIONS,
    **awards_commands.ACTIONS,
    **round_commands.ACTIONS,
    **extract_command.ACTIONS,
}

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and a non-zero exit, never a traceback."""
    # Details logged for an operator's server log are not for the terminal: people get the message.
    # One handler a process: each command run in it (the tests run hundreds) added another.
    logger = logging.getLogger("indicators")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    try:
        args = shared_parser().parse_args(argv)
        store = Store()
        if args.command in ACTIONS:
            return ACTIONS[args.command](args, store)
        if args.format == "table":
            sys.stdout.write(people(args, store))
            return 0
        frame = COMMANDS[args.command](args, store)
        sys.stdout.write(emit(frame, args.format))
        return 0
    except UsageError as exc:
        print(f"Lỗi cú pháp: {exc}. Xem: python -m indicators --help", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        # The operator at the terminal gets the details a page never shows.
        detail = f" ({exc.detail})" if exc.detail else ""
        print(f"Lỗi: {exc}{detail}", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - the CLI promises no traceback; the message says what broke.
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
