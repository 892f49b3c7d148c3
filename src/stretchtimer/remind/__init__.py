"""The break reminder: its core, and the wiring that connects it to the adapters.

The core (plan, scheduler, events, settings, what the pane says) is pure like
the session engine: time, idleness, quiet times and the calendar all come in
through injected callables, so a whole working day runs in a test in
milliseconds. ``service`` puts the scheduler together with the adapters
(idle sources, the desktop notifier, history, the cue sound); the reminder
screen talks to that alone.
"""
