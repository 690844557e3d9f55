"""Where the bundled seed articles live: inside the package, or in the repo for editable installs."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["seed_paths"]


def seed_paths() -> list[Path]:
    """Paths of the bundled seed articles, sorted by name.

    A wheel ships them as package data (``summitlib/seeds/*.txt``); an editable install reads the
    repository's ``seeds/`` folder.
    """
    packaged = files("summitlib").joinpath("seeds")
    if packaged.is_dir():
        with as_file(packaged) as folder:
            found = sorted(Path(folder).glob("*.txt"))
        if found:
            return found
    repo = Path(__file__).resolve().parents[2] / "seeds"
    return sorted(repo.glob("*.txt"))
