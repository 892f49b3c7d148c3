"""The figure on the session screen, on Pilot and the fake clock: it follows reps, pauses,
skips and sides, moves only when something moves, and finds room for itself."""

from __future__ import annotations

from tui_helpers import advance, advance_to, make_app, screen_text, session_screen

from stretchtimer import locations
from stretchtimer.config import Config, load_config
from stretchtimer.figures.animation import FRAMES_PER_SECOND
from stretchtimer.figures.draw import draw, fit
from stretchtimer.figures.library import library_figure
from stretchtimer.figures.model import Figure, Mark
from stretchtimer.figures.motion import rep_heading, repping
from stretchtimer.figures.raster import BODY, PROP, TARGET
from stretchtimer.figures.skeleton import Pose
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.widgets.figure_view import FigureView


def figure_routine() -> Routine:
    return Routine(
        name="Figures",
        steps=(
            Step(
                name="Overhead arm reach",
                hold=10,
                sides=("left", "right"),
                prepare=4,
                switch=4,
                rest=5,
                instructions=("Stand tall.", "Lift the arm of the side shown."),
                figure="overhead-arm-reach",
            ),
            Step(
                name="Cat-cow",
                hold=None,
                reps=4,
                rep_time=6,
                prepare=4,
                rest=5,
                instructions=("Kneel on hands and knees.", "Dip, then round your back."),
                figure="cat-cow",
            ),
            Step(name="Neck flexion", hold=10, prepare=4, figure="neck-flexion"),
            Step(name="Plain", hold=10, prepare=2),
        ),
    )


def view(screen: SessionScreen) -> FigureView:
    return screen.query_one(FigureView)


def expected(
    screen: SessionScreen,
    name: str,
    pose: Pose,
    *,
    mirrored: bool = False,
    marks: tuple[Mark, ...] | None = None,
) -> tuple[str, ...]:
    """What the widget must show for ``pose`` of figure ``name`` (with ``marks``) at its size."""
    figure = library_figure(name)
    assert figure is not None
    size = view(screen).content_size
    frame = fit(figure, size.width, size.height)
    return draw(figure, pose, frame, mirrored=mirrored, marks=marks).lines


def rep_marks(figure: Figure, rep: int, fraction: float) -> tuple[Mark, ...]:
    """The arrows shown ``fraction`` into rep ``rep``: those of the pose it heads for."""
    heading, backwards = rep_heading(figure, rep, fraction)
    return figure.marks_of(heading, backwards=backwards)


def frame_gap(screen: SessionScreen, clock: FakeClock) -> float | None:
    wakeup = screen.driver.wakeup
    return None if wakeup is None else wakeup - clock.now()


async def test_a_hold_eases_in_during_get_ready_then_the_screen_books_no_frames(
    clock: FakeClock,
) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        assert screen.figure_place == "beside"
        reach = library_figure("overhead-arm-reach")
        assert reach is not None
        assert view(screen).lines == expected(
            screen, "overhead-arm-reach", reach.neutral, mirrored=True
        )
        gap = frame_gap(screen, clock)
        assert gap is not None and gap < 1.0  # moving: a frame is booked before the next second
        drawn = []
        for _ in range(4):
            advance(clock, screen, 1.0)
            drawn.append(view(screen).lines)
        assert len(set(drawn)) == 4  # a new picture every second of get-ready, at least
        assert drawn[-1] == expected(screen, "overhead-arm-reach", reach.target, mirrored=True)
        # The hold: still. The only wake-ups left are the countdown's, once a second.
        count = view(screen).draw_count
        for _ in range(5):
            assert screen.driver.wakeup == screen.session.next_wakeup()
            advance(clock, screen, 1.0)
        assert view(screen).draw_count == count
        assert view(screen).lines == expected(
            screen, "overhead-arm-reach", reach.target, mirrored=True
        )


async def test_reps_move_in_time_with_rep_time_and_a_pause_freezes_them(clock: FakeClock) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        await pilot.pause()
        cat_cow = library_figure("cat-cow")
        assert cat_cow is not None
        for rep in range(2):
            for quarter in range(4):
                assert view(screen).lines == expected(
                    screen,
                    "cat-cow",
                    repping(cat_cow, rep, quarter / 4),
                    marks=rep_marks(cat_cow, rep, quarter / 4),
                )
                gap = frame_gap(screen, clock)
                assert gap is not None and 0 < gap <= 1.0
                advance(clock, screen, 1.5)
        # A rep moves: frames come, between a few a second and the most allowed,
        # and between them the countdown still changes on every second.
        before = view(screen).draw_count
        seen = []
        for _ in range(6):
            advance(clock, screen, 1.0)
            assert screen.view is not None
            seen.append(screen.view.countdown)
        assert len(set(seen)) == 6, seen
        assert 6 <= view(screen).draw_count - before <= 6 * FRAMES_PER_SECOND
        await pilot.press("space")
        frozen = view(screen).lines
        assert screen.driver.wakeup is None  # paused: nothing at all is booked
        clock.advance(20)
        screen.tick()
        assert view(screen).lines == frozen
        await pilot.press("space")
        advance(clock, screen, 1.5)  # a quarter rep later, exactly where it would have been
        assert view(screen).lines == expected(
            screen, "cat-cow", repping(cat_cow, 3, 0.25), marks=rep_marks(cat_cow, 3, 0.25)
        )


async def test_skip_back_and_extra_time_keep_the_figure_in_step(clock: FakeClock) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        advance(clock, screen, 9.0)  # half way through rep 2
        await pilot.press("plus")
        cat_cow = library_figure("cat-cow")
        assert cat_cow is not None
        assert view(screen).lines == expected(
            screen, "cat-cow", repping(cat_cow, 1, 0.5), marks=rep_marks(cat_cow, 1, 0.5)
        )
        await pilot.press("n")
        assert screen.follower.figure is library_figure("neck-flexion")
        flexion = library_figure("neck-flexion")
        assert flexion is not None
        assert view(screen).lines == expected(screen, "neck-flexion", flexion.neutral)
        await pilot.press("p")  # within the grace period: back to the cat-cow, from its start
        assert screen.follower.figure is cat_cow
        # Getting ready again: the arrows are those of the pose it eases into.
        ready_marks = cat_cow.marks_of(cat_cow.keyframes[-1])
        assert view(screen).lines == expected(screen, "cat-cow", cat_cow.neutral, marks=ready_marks)


def _raised_hand_column(lines: tuple[str, ...]) -> float:
    """Where the highest drawn dot is across the drawing, from 0 (left edge) to 1 (right)."""
    top = next(line for line in lines if line.strip())
    width = max(len(line) for line in lines)
    return (len(top) - len(top.lstrip())) / width


async def test_the_figure_is_a_mirror_and_turns_during_the_switch(
    clock: FakeClock,
) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        reach = library_figure("overhead-arm-reach")
        assert reach is not None
        advance_to(clock, screen, PhaseKind.WORK)
        await pilot.pause()
        assert "Your left side" in screen_text(app)
        left = view(screen).lines
        assert left == expected(screen, "overhead-arm-reach", reach.target, mirrored=True)
        # Your left arm, as in a mirror: the hand that reaches up is on the screen's left.
        assert _raised_hand_column(left) < 0.5
        advance_to(clock, screen, PhaseKind.SWITCH)
        assert view(screen).lines == left  # the switch starts from the left side's pose
        advance(clock, screen, 2.0)  # half way: neutral, turned round
        assert view(screen).lines == expected(screen, "overhead-arm-reach", reach.neutral)
        advance_to(clock, screen, PhaseKind.WORK)
        right = view(screen).lines
        assert right == expected(screen, "overhead-arm-reach", reach.target)
        assert _raised_hand_column(right) > 0.5
        assert right != left


async def test_the_figure_goes_beside_below_or_away_as_the_terminal_allows(
    clock: FakeClock,
) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        for size, place in (
            ((100, 30), "beside"),
            ((60, 40), "below"),
            ((60, 24), None),
            ((30, 8), None),
            ((120, 40), "beside"),
        ):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert screen.figure_place == place, size
            figure = view(screen)
            if place is None:
                assert not figure.display or figure.region.area == 0
            else:
                region = figure.region
                assert region.width >= 20 and region.height >= 8
                assert any(line.strip() for line in figure.lines)
            advance(clock, screen, 1.0)
            assert "Overhead arm reach" in screen_text(app) or size == (30, 8)


async def test_f_hides_and_shows_the_figure_and_the_choice_is_kept(clock: FakeClock) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        assert screen.figure_place == "beside"
        await pilot.press("f")
        assert screen.figure_place is None
        assert app.config.figure is False and load_config().figure is False
        advance_to(clock, screen, PhaseKind.WORK)
        assert screen.driver.wakeup == screen.session.next_wakeup()
        await pilot.press("f")
        assert screen.figure_place == "beside" and load_config().figure is True


async def test_f_keeps_the_rest_of_the_settings_file_as_written(clock: FakeClock) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('# mine\ntheme = "nord"  # dark\nfuture_setting = 1\n')
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        await pilot.press("f")
        assert screen.figure_place is None
    text = path.read_text()
    assert text.startswith('# mine\ntheme = "nord"  # dark\nfuture_setting = 1\n')
    assert "figure = false" in text


async def test_a_session_starts_with_the_figure_hidden_when_that_was_the_choice(
    clock: FakeClock,
) -> None:
    app = make_app(figure_routine(), clock=clock, config=Config(figure=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        assert screen.figure_place is None
        assert view(screen).draw_count == 0


async def test_a_step_without_a_figure_has_no_figure_and_no_f_key(clock: FakeClock) -> None:
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        for _ in range(3):
            await pilot.press("n")
        await pilot.pause()
        assert screen.view is not None and screen.view.step_name == "Plain"
        assert screen.figure_place is None
        assert "f Figure" not in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        assert "Figure" in screen_text(app).splitlines()[-1]


async def test_a_frame_due_just_before_the_next_second_waits_for_it(clock: FakeClock) -> None:
    """The once-a-second wake-up draws the figure too, so no frame is booked a frame or less
    before it (one repaint instead of two), while frames between the seconds go on."""
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        await pilot.pause()
        start = clock.now()
        frames_between_seconds = 0
        while clock.now() < start + 12:
            booked, second = screen.driver.wakeup, screen.session.next_wakeup()
            assert booked is not None and second is not None
            if booked < second:
                frames_between_seconds += 1
                assert second - booked > 1 / FRAMES_PER_SECOND + 1e-6
            clock.set(booked)
            screen.tick()
        # The figure still moves between the seconds, a few times a rep.
        assert frames_between_seconds >= 4


def _drawn_rows(figure: FigureView) -> int:
    """Rows from the figure's first drawn row to its last (the floor)."""
    rows = [index for index, line in enumerate(figure.lines) if line.strip()]
    return rows[-1] - rows[0] + 1 if rows else 0


async def test_a_lying_figure_gets_a_wide_place_below_the_instructions(clock: FakeClock) -> None:
    lying = ("knee-to-chest", "lying-overhead-stretch", "pelvic-lift")
    words = ("Lie face up on the floor.", "Move as the figure shows.", "Breathe slowly.")
    steps = tuple(
        Step(
            name=name,
            hold=10,
            prepare=2,
            instructions=words,
            figure=name,
            targets=("upper back", "hips"),
        )
        for name in lying
    )
    app = make_app(Routine(name="Lying", steps=steps), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        heights: dict[str, int] = {}
        for name in lying:
            advance_to(clock, screen, PhaseKind.WORK)
            await pilot.pause()
            assert screen.figure_place == "below", name
            heights[name] = _drawn_rows(view(screen))
            assert heights[name] >= 8, (name, view(screen).lines)
            # The floor dimmed, the body, and the working part in a colour of its own.
            assert {PROP, BODY, TARGET} <= view(screen).drawn_layers, name
            await pilot.resize_terminal(200, 50)
            await pilot.pause()
            assert _drawn_rows(view(screen)) > heights[name], name
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()


async def test_a_second_rep_shows_the_first_reps_pictures_without_drawing_them_again(
    clock: FakeClock,
) -> None:
    """Reps repeat one motion: the frames of a rep after the first are pictures already
    drawn, and what is on screen is still exactly the pose of the moment."""
    app = make_app(figure_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        await pilot.pause()
        cat_cow = library_figure("cat-cow")
        assert cat_cow is not None
        figure = view(screen)

        def rep(index: int) -> list[tuple[str, ...]]:
            """Wake the screen as its timer would through rep ``index``; the pictures shown."""
            end = screen.follower.elapsed(clock.now()) + 6
            shown = []
            while screen.follower.elapsed(clock.now()) < end - 1e-9:
                wakeup = screen.driver.wakeup
                assert wakeup is not None
                clock.set(wakeup)
                screen.tick()
                elapsed = screen.follower.elapsed(clock.now())
                number, into = divmod(
                    int(elapsed * FRAMES_PER_SECOND + 1e-6), 6 * FRAMES_PER_SECOND
                )
                marks = rep_marks(cat_cow, number, into / FRAMES_PER_SECOND / 6)
                pose = repping(cat_cow, number, into / FRAMES_PER_SECOND / 6)
                assert figure.lines == expected(screen, "cat-cow", pose, marks=marks)
                # And on the terminal, where the second rep hands over lines kept from the first.
                on_screen = [row[figure.region.x :] for row in screen_text(app).splitlines()]
                assert all(row.rstrip() in on_screen for row in figure.lines if row.strip())
                shown.append(figure.lines)
            return shown

        first = rep(0)
        drawn, rasterised = figure.draw_count, figure.raster_count
        second = rep(1)
        assert second == first
        assert figure.draw_count - drawn >= 6  # a new picture for every frame ...
        assert figure.raster_count == rasterised  # ... each one kept from the first rep


async def test_the_gallery_pictures_are_drawn_at_the_size_a_100x30_session_gives(
    clock: FakeClock,
) -> None:
    """The pictures people judge the figures by show them as big as a session does."""
    from stretchtimer.figures.gallery import session_size
    from stretchtimer.loader import load_routine

    bundled = [
        step
        for path in sorted(locations.bundled_routines_dir().glob("*.yaml"))
        for step in load_routine(path).steps
    ]
    for name in ("overhead-arm-reach", "knee-to-chest"):
        figure = library_figure(name)
        assert figure is not None
        step = next(step for step in bundled if step.figure == name)
        routine = Routine(name="One", steps=(step,))
        app = make_app(routine, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = session_screen(app)
            await pilot.pause()
            size = view(screen).content_size
            assert (size.width, size.height) == session_size(figure)
