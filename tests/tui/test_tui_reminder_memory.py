"""An all-day pane answers prompt after prompt: what a prompt leaves behind, on fake clocks.

Memory the reminder keeps for good grows its resident size prompt by prompt,
and objects kept from each prompt's burst also pin the allocator's pages the
burst used. After the first prompts (which fill the caches of the texts and
styles the pane shows), a prompt must leave no more objects than it found.
"""

from __future__ import annotations

import gc
from collections import Counter

from test_tui_reminder import Rig
from textual.pilot import Pilot
from tui_helpers import screen_text

EVERY = 60


async def _prompt_and_postpone(rig: Rig, pilot: Pilot[object]) -> None:
    """The minute to a prompt, counted as the pane counts it, and ``p``."""
    rig.advance(EVERY - 30)  # to the notice
    await pilot.pause()
    rig.advance(30)  # counting the seconds on the way
    assert "Time for a break" in screen_text(rig.app)
    await pilot.press("p")
    assert "Postponed" in screen_text(rig.app)


def _ours() -> Counter[str]:
    """The reminder's own objects alive now, by kind (the app's are bounded caches)."""
    gc.collect()
    return Counter(
        type(o).__qualname__
        for o in gc.get_objects()
        if str(type(o).__module__).startswith("stretchtimer.")
    )


async def test_a_prompt_answered_leaves_no_objects_behind() -> None:
    rig = Rig(every=EVERY, postpone=EVERY, notice=30, postpone_limit=20)
    async with rig.app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _prompt in range(2):
            await _prompt_and_postpone(rig, pilot)
        before = _ours()
        for _prompt in range(4):
            await _prompt_and_postpone(rig, pilot)
        after = _ours()
    grown = {kind: after[kind] - before[kind] for kind in after if after[kind] > before[kind]}
    # The history keeps a record of each postpone (the fake history here, a file in a real
    # run); nothing else of a prompt may stay, its events included.
    assert grown == {"BreakRecord": 4}
