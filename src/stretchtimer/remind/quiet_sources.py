"""The desktop's signs that now is a bad time: a device in use, banners turned off,
a locked screen. Each is optional: a source that cannot be asked here says why
in ``doctor`` and otherwise stays out of the way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from stretchtimer.doctor_rows import DoctorRow
from stretchtimer.i18n import _
from stretchtimer.idle.locked import LockedScreen
from stretchtimer.notify.banners import Banners
from stretchtimer.remind.busy_devices import BusyDevices


class QuietSources:
    def __init__(
        self,
        busy: BusyDevices,
        banners: Banners | None = None,
        locked: LockedScreen | None = None,
    ) -> None:
        self.busy = busy
        self.banners = banners
        self.locked = locked

    @classmethod
    def open(cls, busy_devices: Sequence[str]) -> QuietSources:
        return cls(BusyDevices(busy_devices), Banners(), LockedScreen())

    def banners_off(self) -> bool | None:
        return self.banners.off() if self.banners is not None else None

    def screen_locked(self) -> bool:
        return bool(self.locked is not None and self.locked.locked())

    def rows(self) -> list[DoctorRow]:
        locked = self.locked.describe() if self.locked is not None else _("not checked")
        banners = self.banners.describe() if self.banners is not None else _("not checked")
        return [
            DoctorRow(_("busy devices"), self.busy.describe()),
            DoctorRow(_("screen lock"), locked),
            DoctorRow(_("GNOME banners"), banners),
        ]

    def close(self) -> None:
        for source in (self.banners, self.locked):
            if source is not None:
                with contextlib.suppress(Exception):
                    source.close()
