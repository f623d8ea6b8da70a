"""The files a user keeps in the dataset folder beside the tables, and what in them could not be used."""
from __future__ import annotations

from pathlib import Path

from data_prep.actors.aliases import ALIASES_FILE, load_aliases
from data_prep.corrections import read_corrections
from data_prep.outlet_groups import OUTLETS_FILE, load_user_outlets


def user_file_problems(data_dir: Path) -> list[str]:
    """One sentence per line of corrections.csv, aliases.csv or outlets.csv that was not read or not applied."""
    data_dir = Path(data_dir)
    aliases, outlets = data_dir / ALIASES_FILE, data_dir / OUTLETS_FILE
    return [*read_corrections(data_dir).problems,
            *(load_aliases(aliases).problems if aliases.is_file() else []),
            *(load_user_outlets(outlets).problems if outlets.is_file() else [])]
