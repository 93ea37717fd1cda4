"""Settings the mypy Django plugin loads: the base settings over a throwaway data directory.

The plugin imports a settings module to learn the installed models and the settings'
types. The base settings create their data directory (with a generated secret key) on
import, so type checking points them at a directory under the system temp dir instead of
the user's data directory or one a developer exported for ``jixiao serve``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ["JIXIAO_DATA_DIR"] = str(Path(tempfile.gettempdir()) / "jixiao-typecheck")

from jixiao.web.settings import *  # noqa: F403
