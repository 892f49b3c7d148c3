"""Allow ``python -m stretchtimer``."""

from stretchtimer.launch import main

raise SystemExit(main())
