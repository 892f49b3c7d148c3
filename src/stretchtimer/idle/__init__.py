"""Where the reminder learns how long the user has been away from the keyboard.

One small adapter per source, each named for what it talks to, all behind
``IdleSource``; ``selection`` tries them in order and remembers why the
others were passed over.
"""
