"""Session history: every break recorded in a small SQLite file.

The package loads nothing itself; import from its modules. The recorder
(``recorder.HistoryRecorder``) is on the way to the app's first frame and
loads SQLite only when it first touches the file; the commands live in
``commands``.
"""
