"""The guide's checks. MkDocs imports the modules of hooks/ by their bare names
(`from standalone import script`); the checks import them the same way."""

import sys
from pathlib import Path

HOOKS = str(Path(__file__).resolve().parent.parent / "hooks")
if HOOKS not in sys.path:
    sys.path.insert(0, HOOKS)
