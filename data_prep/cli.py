"""The ``newsvoices`` command: a router over the modules registered in ``data_prep.commands``."""
from __future__ import annotations

import argparse
import importlib
import sys

from data_prep import __version__
from data_prep.commands import COMMAND_MODULES


def _load_commands():
    for module_name in COMMAND_MODULES:
        try:
            yield importlib.import_module(f"data_prep.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name and error.name.startswith("data_prep.commands."):
                continue  # registered but not written yet
            raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsvoices",
        description="Turn news articles into tables of quotes, speakers and stances, and explore them.")
    parser.add_argument("--version", action="version", version=f"newsvoices {__version__}")
    groups: dict[tuple[str, ...], argparse._SubParsersAction] = {
        (): parser.add_subparsers(dest="command", metavar="COMMAND")}
    for module in _load_commands():
        words = tuple(module.NAME.split())
        for depth in range(1, len(words)):
            prefix = words[:depth]
            if prefix not in groups:
                group_parser = groups[words[:depth - 1]].add_parser(prefix[-1], help=f"{prefix[-1]} ...")
                groups[prefix] = group_parser.add_subparsers(dest=f"command_{depth}", metavar="WHAT")
                group_parser.set_defaults(_group_parser=group_parser)
        command_parser = groups[words[:-1]].add_parser(words[-1], help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "_run", None)
    if run is None:
        (getattr(args, "_group_parser", None) or parser).print_help()
        return 2
    try:
        return int(run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and friends: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
