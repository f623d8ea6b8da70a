"""Subcommands of the ``newsvoices`` command, one module each.

A command module defines ``NAME`` (words of the command line, e.g. ``"evaluate quotes"``), ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``. ``COMMAND_MODULES`` is the registry; a module
that fails to import (a missing optional dependency) leaves the other commands usable.
"""
COMMAND_MODULES = (
    "prep",
    "app",
    "extract_quotes",
    "evaluate_quotes",
    "stance_jsonl",
    "evaluate_stance",
    "synth",
)
