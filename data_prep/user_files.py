"""The files a user keeps in the dataset folder beside the tables, and what in them could not be used."""
from __future__ import annotations

from pathlib import Path

from data_prep.actors.aliases import ALIASES_FILE, load_aliases
from data_prep.corrections import read_corrections


def user_file_problems(data_dir: Path) -> list[str]:
    """One sentence per line of corrections.csv or aliases.csv that was not read or not applied."""
    data_dir = Path(data_dir)
    aliases = data_dir / ALIASES_FILE
    alias_problems = load_aliases(aliases).problems if aliases.is_file() else []
    return [*read_corrections(data_dir).problems, *alias_problems]
