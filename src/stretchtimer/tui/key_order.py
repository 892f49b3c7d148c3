"""Keys are handled one at a time, in the order they arrived, whatever screen comes and goes.

Textual hands a key to the screen on top as the app reads it; the screen
handles it later, from its own queue, and the app checks the bindings later
still, once the key has bubbled back up to it. Keys read together (a paste, a
fast typist, SSH sending several in one packet) would each be somewhere on
that trip at once, so one key could overtake another: with ``?x`` read and
``n`` a moment later, the ``n`` could reach the help opened by ``?`` and close
it while the ``x`` was still on its way back to the app.

So the app gives every key it reads to its ``KeyOrder``, which hands a key on
only when the one before it has made its whole trip: handled by the widget
and the screen it went to, checked against the bindings, and any screen that
it opened or closed already on the stack. Each key goes to the screen on top
at that moment. A key whose screen is covered or gone before its trip is over
(a session that ends by itself, a click that closes a dialog) is handed to the
screen on top now, still ahead of every key read after it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen

from stretchtimer.tui.textual_private import hand_key_to


class KeyOrder:
    """The keys the app has read: the one on its trip, and those waiting behind it."""

    def __init__(self, app: App[Any], hand_on: Callable[[events.Key], Awaitable[None]]) -> None:
        self._app = app
        #: Textual's own handling of a key just read: priority bindings, else on to the
        #: focused widget or the screen on top.
        self._hand_on = hand_on
        self._waiting: deque[events.Key] = deque()
        self._in_flight: events.Key | None = None
        #: The screen the key on its trip was given to.
        self._screen: Screen[Any] | None = None
        #: Tells the trip under way from one abandoned when its key was handed on again.
        self._trip = object()
        #: Where the trip is being followed now: the node that has yet to handle the key.
        self._at: DOMNode | None = None

    async def arrived(self, key: events.Key) -> None:
        """A key just read from the terminal: handed on now, or once those before it are done."""
        self._waiting.append(key)
        at = self._at
        if self._in_flight is not None and at is not None and self._lost(at):
            # The node the key was with has gone without handling it: nothing more comes of it.
            self._in_flight = self._screen = self._at = None
            self._trip = object()
        await self._next()

    @staticmethod
    def _lost(node: DOMNode) -> bool:
        """Whether ``node`` is out of the app and no longer handles what it holds."""
        return not node.is_attached and not node.is_running

    async def _next(self) -> None:
        while self._in_flight is None and self._waiting:
            key = self._in_flight = self._waiting.popleft()
            await self._hand_on(key)
            if key.is_forwarded and self._app.screen_stack:
                # The same target Textual has just given the key to.
                self._set_off(key, self._app.focused or self._app.screen)
            else:
                self._in_flight = None  # a priority binding took it, or nothing did

    def _set_off(self, key: events.Key, target: DOMNode) -> None:
        """Note ``key``'s trip from ``target`` and follow it up to the app."""
        self._in_flight = key
        self._screen = self._app.screen
        self._trip = trip = object()
        self._follow(target, trip)

    def _follow(self, node: DOMNode, trip: object) -> None:
        """Run ``_passed`` in ``node``'s turn once it has handled what it holds (the key too)."""
        self._at = node
        if not node.call_later(self._passed, node, trip):
            # Its queue is closed: the key goes no further.
            self._app.call_later(self._finished, trip)

    def _passed(self, node: DOMNode, trip: object) -> None:
        """``node`` has handled the key; unless stopped, the key waits in its parent's queue."""
        if trip is not self._trip:
            return
        parent = node.parent  # where Textual bubbles a message to
        if parent is None or parent is self._app or not node.is_attached:
            self._at = None
            self._app.call_later(self._finished, trip)
        else:
            self._follow(parent, trip)

    async def _finished(self, trip: object) -> None:
        """The app has checked the key's bindings (or the key was stopped): the next one goes."""
        if trip is not self._trip or self._in_flight is None:
            return
        self._in_flight = None
        self._screen = self._at = None
        await self._next()

    def pass_on_stale(self, screen: Screen[Any], key: events.Key) -> bool:
        """For a screen's key handler: hand ``key`` on if ``screen`` is no longer on top.

        Returns whether it was handed on (and so is not for ``screen``).
        """
        if not self._app.screen_stack or screen.is_active:
            return False
        self.hand_on_again(key)
        return True

    def pass_on_late(self, key: events.Key) -> bool:
        """For the app's key handler, before the bindings: hand ``key`` on if the screen it
        went to was covered or closed on the way back up."""
        if key is not self._in_flight or not self._app.screen_stack:
            return False
        if self._app.screen is self._screen:
            return False
        self.hand_on_again(key)
        return True

    def hand_on_again(self, key: events.Key) -> None:
        """Hand ``key`` to the screen on top now, as a key just read, ahead of the keys after it.

        Straight to that screen (or its focused widget), not back through the app's
        queue, and on the same trip: the keys waiting stay behind it.
        """
        key.stop()
        key.prevent_default()
        again = events.Key(key.key, key.character)
        target = self._app.focused or self._app.screen
        hand_key_to(target, again)
        if key is self._in_flight:
            self._set_off(again, target)


def key_order(app: App[Any]) -> KeyOrder | None:
    """The app's ``KeyOrder`` (None in an app that keeps none, such as a test's own)."""
    order = getattr(app, "key_order", None)
    return order if isinstance(order, KeyOrder) else None


def pass_on_stale_key(screen: Screen[Any], event: events.Key) -> bool:
    """For a screen's key handler: hand ``event`` on if ``screen`` is no longer on top."""
    order = key_order(screen.app)
    return order is not None and order.pass_on_stale(screen, event)


def send_on(app: App[Any], event: events.Key) -> None:
    """Hand ``event`` to the screen on top now, ahead of the keys read after it."""
    order = key_order(app)
    if order is not None:
        order.hand_on_again(event)
    else:
        event.stop()
        event.prevent_default()
        hand_key_to(app.focused or app.screen, events.Key(event.key, event.character))
