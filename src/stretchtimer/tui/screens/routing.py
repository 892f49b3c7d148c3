"""Keys typed ahead land on the screen that is on top when they are handled.

Textual hands each key to the screen on top when the app reads it, but the
screen handles it later, from its own queue, and the app checks the bindings
later still, once the key has bubbled back up. Typed fast (or over SSH, where
keys arrive in one packet) a key can reach a screen after a dialog opened over
it or after it was closed, or come back to the app after the screen it went
through was covered. Such a key is passed on, unchanged, to the screen on top
now, as the app hands on a key just typed, and ahead of the keys typed after it.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen

from stretchtimer.tui.textual_private import hand_key_to

#: The screen each key in flight went through on its way back up to the app.
_went_through: WeakKeyDictionary[events.Key, Screen[Any]] = WeakKeyDictionary()


def pass_on_stale_key(screen: Screen[Any], event: events.Key) -> bool:
    """For a screen's key handler: send ``event`` on if ``screen`` is no longer on top.

    Returns whether it was sent on; if not, the key goes up to the app, which
    checks on arrival that the screen is still on top (``pass_on_late_key``).
    """
    app = screen.app
    if not app.screen_stack:
        return False
    if screen.is_active:
        _went_through[event] = screen
        return False
    send_on(app, event)
    return True


def pass_on_late_key(app: App[Any], event: events.Key) -> bool:
    """For the app's key handler: send on a key whose screen was covered on the way up."""
    through = _went_through.pop(event, None)
    if through is None or not app.screen_stack or app.screen is through:
        return False
    send_on(app, event)
    return True


def send_on(app: App[Any], event: events.Key) -> None:
    """Hand the key to the screen on top now, as the app hands a key just typed.

    Straight to that screen, not back through the app's queue: keys typed after
    this one may already wait there, and a key sent to the end of it would be
    handled after them ("?xn" would close the help with the n).
    """
    event.stop()
    event.prevent_default()
    hand_key_to(app.focused or app.screen, events.Key(event.key, event.character))
