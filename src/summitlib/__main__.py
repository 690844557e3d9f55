"""``python -m summitlib``: the same as the ``summitlib`` command."""

from __future__ import annotations

import sys

from summitlib.cli import main

if __name__ == "__main__":
    sys.exit(main())
