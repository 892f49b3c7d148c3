"""Allow ``python -m stretchtimer``."""

from stretchtimer.cli import main

raise SystemExit(main())
