"""The Textual shell: screens that show a session's state and send it commands.

Nothing in here keeps time. Every screen reads the engine and the routine
model, so the same session could be driven by any other front end.
"""
