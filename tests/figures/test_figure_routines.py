"""Steps name their figures, and routines define their own: checked like everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchtimer import catalog
from stretchtimer.loader import RoutineError, load_text

ROUTINE = """\
name: Mine
figures:
  arm-wave:
    description: Standing, one arm waving overhead.
    view: front
    props: [floor]
    keyframes:
      stand:
        like: stand-front
      up:
        like: stand
        left_elbow: 20
steps:
  - name: Wave
    reps: 4
    figure: arm-wave
  - name: Cat-cow
    reps: 4
    figure: cat-cow
  - name: Rest
    hold: 10s
"""


def load(text: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load_text(text, Path("mine.yaml"))
    return caught.value.lines()


def test_steps_name_their_own_figures_and_bundled_ones() -> None:
    routine = load_text(ROUTINE, Path("mine.yaml"))
    assert [step.figure for step in routine.steps] == ["arm-wave", "cat-cow", None]
    wave, cat_cow, rest = (routine.figure_for(i) for i in range(3))
    assert (
        wave is not None
        and wave.name == "arm-wave"
        and [k.name for k in wave.keyframes]
        == [
            "stand",
            "up",
        ]
    )
    assert cat_cow is not None and cat_cow.view == "side"
    assert rest is None


def test_an_unknown_figure_is_an_error_with_a_suggestion() -> None:
    text = ROUTINE.replace("figure: cat-cow", "figure: cat-cwo")
    assert load(text) == [
        "mine.yaml:19:13: error: unknown figure 'cat-cwo' (did you mean 'cat-cow'?); "
        "'stretchtimer figures' lists the bundled ones"
    ]


def test_a_misspelt_own_figure_is_suggested_too() -> None:
    text = ROUTINE.replace("figure: arm-wave", "figure: arm-wav")
    (line,) = load(text)
    assert line.startswith(
        "mine.yaml:16:13: error: unknown figure 'arm-wav' (did you mean 'arm-wave'?)"
    )


def test_mistakes_inside_a_routine_figure_are_positioned_in_the_routine_file() -> None:
    text = ROUTINE.replace("left_elbow: 20", "left_elbw: 20").replace("view: front", "view: font")
    assert load(text) == [
        "mine.yaml:5:11: error: 'view' must be one of front, side, not 'font' "
        "(did you mean 'front'?)",
        "mine.yaml:12:9: error: unknown key 'left_elbw' in keyframe 'up' "
        "(did you mean 'left_elbow'?)",
    ]


def test_a_missing_joint_and_an_angle_out_of_range_are_reported() -> None:
    text = ROUTINE.replace("        like: stand-front\n", "        head: 0\n").replace(
        "left_elbow: 20", "left_elbow: 720"
    )
    lines = load(text)
    assert len(lines) == 2
    assert lines[0].startswith("mine.yaml:8:7: error: keyframe 'stand' has no 'neck'")
    assert (
        lines[1]
        == (
            "mine.yaml:11:15: error: 'like: stand' in keyframe 'up' names no earlier keyframe "
            "or shared pose (did you mean 'stand-front'?)"
        )
        or "720" in lines[1]
    )


def test_every_bundled_routine_loads_with_a_figure_for_every_step() -> None:
    for entry in catalog.discover():
        if entry.origin != "bundled":
            continue
        assert entry.routine is not None, entry.problems
        for index, step in enumerate(entry.routine.steps):
            assert entry.routine.figure_for(index) is not None, (entry.name, step.name)


def test_the_documented_routine_figure_loads_and_moves() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "routine-format.md").read_text()
    blocks = [part.split("```", 1)[0] for part in doc.split("```yaml\n")[1:]]
    example = next(block for block in blocks if block.startswith("figures:"))
    routine = load_text("name: Example\n" + example, Path("example.yaml"))
    wave = routine.figure_for(0)
    assert wave is not None and [k.name for k in wave.keyframes] == ["stand", "up", "out"]
    assert wave.keyframes[1].pose != wave.keyframes[2].pose


def test_bundled_sided_steps_name_the_persons_own_side() -> None:
    """The figure is a mirror, so "the side shown" would be the wrong arm for half of people."""
    sided = 0
    for entry in catalog.discover():
        if entry.routine is None or entry.origin != "bundled":
            continue
        for step in entry.routine.steps:
            text = " ".join(step.instructions).lower()
            assert "side shown" not in text, (entry.name, step.name)
            if len(step.sides) == 2 and "side named" in text:
                sided += 1
    assert sided >= 10


def test_a_mark_with_one_point_is_reported_where_it_is() -> None:
    text = ROUTINE.replace("    props: [floor]\n", "    props: [floor]\n    marks: [[[0, 80]]]\n")
    lines = load(text)
    assert lines == ["mine.yaml:7:13: error: a mark is a path of 2 to 16 positions [x, y]"]


def test_a_mark_is_drawn_in_its_own_layer_and_mirrors_with_the_figure() -> None:
    from stretchtimer.figures.draw import draw_keyframe
    from stretchtimer.figures.raster import MARK

    text = ROUTINE.replace(
        "    props: [floor]\n", "    props: [floor]\n    marks: [[[40, 60], [60, 60]]]\n"
    )
    wave = load_text(text, Path("mine.yaml")).figure_for(0)
    assert wave is not None
    plain = draw_keyframe(wave, 30, 12)
    mirrored = draw_keyframe(wave, 30, 12, mirrored=True)
    marked = [
        (row, col) for row, w in enumerate(plain.weights) for col, v in enumerate(w) if v == MARK
    ]
    assert marked and all(col > 15 for _, col in marked)  # right of the figure, as written
    flipped = [(r, c) for r, w in enumerate(mirrored.weights) for c, v in enumerate(w) if v == MARK]
    assert flipped and all(col < 15 for _, col in flipped)  # the other side, on a left-side step


def _mark_cells(raster: object) -> list[tuple[int, int]]:
    from stretchtimer.figures.raster import MARK, Raster

    assert isinstance(raster, Raster)
    return [(r, c) for r, w in enumerate(raster.weights) for c, v in enumerate(w) if v == MARK]


KEYFRAME_MARKS = ROUTINE.replace(
    "        left_elbow: 20\n",
    "        left_elbow: 20\n        marks: [[[40, 60], [40, 80]]]\n",
)


def test_a_keyframes_own_mark_is_drawn_in_that_keyframe_alone_and_mirrors() -> None:
    from stretchtimer.figures.gallery import keyframe_rasters

    wave = load_text(KEYFRAME_MARKS, Path("mine.yaml")).figure_for(0)
    assert wave is not None
    stand, up = keyframe_rasters(wave, 30, 12)
    assert _mark_cells(stand) == []
    assert _mark_cells(up) and all(col > 15 for _, col in _mark_cells(up))
    _, up_mirrored = keyframe_rasters(wave, 30, 12, mirrored=True)
    assert _mark_cells(up_mirrored) and all(col < 15 for _, col in _mark_cells(up_mirrored))


def test_the_session_shows_the_marks_of_the_keyframe_the_figure_moves_into() -> None:
    from stretchtimer.figures.animation import moment

    wave = load_text(KEYFRAME_MARKS, Path("mine.yaml")).figure_for(0)
    assert wave is not None
    up_marks = (((40.0, 60.0), (40.0, 80.0)),)
    ready = moment(wave, kind="prepare", side=None, elapsed=1, length=5)
    resting = moment(wave, kind="rest", side=None, elapsed=1, length=5)
    assert (ready.marks, resting.marks) == (up_marks, ())


def test_a_keyframes_mark_and_turn_are_checked_where_they_are() -> None:
    bad_mark = KEYFRAME_MARKS.replace("marks: [[[40, 60], [40, 80]]]", "marks: [[[40, 60]]]")
    assert load(bad_mark) == [
        "mine.yaml:13:17: error: a mark is a path of 2 to 16 positions [x, y]"
    ]
    no_view = ROUTINE.replace("        left_elbow: 20\n", "        turn: {head: 40}\n")
    assert load(no_view) == [
        "mine.yaml:12:9: error: 'turn' in keyframe 'up' needs the figure's 'above: [x, y]', "
        "where the view from above is drawn"
    ]
    with_view = no_view.replace("    props: [floor]\n", "    props: [floor]\n    above: [40, 90]\n")
    too_far = with_view.replace("turn: {head: 40}", "turn: {head: 400}")
    assert load(too_far) == [
        "mine.yaml:13:22: error: the turn of 'head' must be from -180 to 180, not 400"
    ]
    unknown = with_view.replace("turn: {head: 40}", "turn: {hips: 40}")
    assert load(unknown)[0].startswith("mine.yaml:13:16: error: unknown key 'hips' in 'turn'")


def test_a_turn_shows_in_the_view_from_above_and_mirrors_with_the_side() -> None:
    from stretchtimer.figures import above
    from stretchtimer.figures.animation import moment
    from stretchtimer.figures.gallery import keyframe_rasters

    text = ROUTINE.replace("    props: [floor]\n", "    props: [floor]\n    above: [40, 90]\n")
    text = text.replace("        left_elbow: 20\n", "        turn: {head: 90, shoulders: 45}\n")
    wave = load_text(text, Path("mine.yaml")).figure_for(0)
    assert wave is not None
    stand, up = wave.keyframes
    # Facing the viewer (down, seen from above), then the head turned to the figure's left.
    assert stand.pose["above_head"] == pytest.approx((40, 80))
    assert up.pose["above_head"] == pytest.approx((50, 90))
    plain_stand, plain_up = keyframe_rasters(wave, 30, 12)
    assert plain_stand.lines != plain_up.lines
    # Halfway through getting ready the head is turned halfway; a left-side step mirrors it.
    halfway = moment(wave, kind="prepare", side="left", elapsed=2.5, length=5)
    view = above.AboveView(halfway.pose)
    (nx, ny) = view.nose[1]
    assert nx > 40 and ny < 90  # toward the figure's left, not yet all the way
    _, mirrored_up = keyframe_rasters(wave, 30, 12, mirrored=True)
    assert mirrored_up.lines != plain_up.lines


def test_a_sweep_on_its_way_back_turns_its_arrows_round() -> None:
    from stretchtimer.figures.animation import moment

    text = KEYFRAME_MARKS.replace("    props: [floor]\n", "    props: [floor]\n    cycle: sweep\n")
    text = text.replace(
        "        marks: [[[40, 60], [40, 80]]]\n",
        "        marks: [[[40, 60], [40, 80]]]\n"
        "      out:\n        like: stand\n        left_elbow: 90\n",
    )
    wave = load_text(text, Path("mine.yaml")).figure_for(0)
    assert wave is not None and wave.cycle == "sweep"
    # Rep 0 runs from the last keyframe back to 'up', so its arrow points down, not up
    # as drawn; rep 1 goes on to 'out', which has none.
    back = moment(wave, kind="work", side=None, elapsed=3.5, length=8, rep_time=4)
    assert back.marks == (((40.0, 80.0), (40.0, 60.0)),)
    onward = moment(wave, kind="work", side=None, elapsed=4.5, length=8, rep_time=4)
    assert onward.marks == ()


def test_a_close_up_draws_the_top_of_the_figure_larger() -> None:
    from stretchtimer.figures.draw import fit

    whole = load_text(ROUTINE, Path("mine.yaml")).figure_for(0)
    text = ROUTINE.replace("    props: [floor]\n", "    props: [floor]\n    close_up: 60\n")
    close = load_text(text, Path("mine.yaml")).figure_for(0)
    assert whole is not None and close is not None and close.close_up == 60
    assert fit(close, 30, 12).scale > 1.5 * fit(whole, 30, 12).scale
    bad = text.replace("close_up: 60", "close_up: high")
    assert load(bad) == ["mine.yaml:7:15: error: 'close_up' must be a number"]


def test_a_screen_and_a_window_are_props_drawn_dimmer_on_either_side() -> None:
    from stretchtimer.figures.draw import draw_keyframe
    from stretchtimer.figures.raster import PROP

    text = ROUTINE.replace(
        "    props: [floor]\n", "    props: [{screen: [50, 60]}, {window: [-50, 70]}]\n"
    )
    wave = load_text(text, Path("mine.yaml")).figure_for(0)
    assert wave is not None and [p.kind for p in wave.props] == ["screen", "window"]
    raster = draw_keyframe(wave, 40, 12)
    dim = {c for w in raster.weights for c, v in enumerate(w) if v == PROP}
    assert min(dim) < 10 and max(dim) > 30  # the window on the left, the screen on the right


AROUND = ROUTINE.replace(
    "        left_elbow: 20\n",
    "        left_elbow: 20\n        around: {at: [0, 70], width: 40, way: left}\n",
)


def test_an_arrow_round_the_body_passes_behind_it_and_turns_with_the_side() -> None:
    from stretchtimer.figures.animation import moment
    from stretchtimer.figures.gallery import keyframe_rasters
    from stretchtimer.figures.model import Around

    wave = load_text(AROUND, Path("mine.yaml")).figure_for(0)
    assert wave is not None
    ring = Around(at=(0.0, 70.0), width=40.0, way=-1)
    assert [k.around for k in wave.keyframes] == [None, ring]
    stand, up = keyframe_rasters(wave, 30, 12)
    assert _mark_cells(stand) == []
    # Either side of the body, which stands in the middle.
    cells = _mark_cells(up)
    assert min(c for _, c in cells) < 12 and max(c for _, c in cells) > 17
    _, up_mirrored = keyframe_rasters(wave, 30, 12, mirrored=True)
    assert _mark_cells(up_mirrored) and _mark_cells(up_mirrored) != cells
    # On the way back of a sweep the ring turns the other way round.
    ready = moment(wave, kind="prepare", side=None, elapsed=1, length=5)
    assert ready.around == ring
    assert wave.around_of(wave.keyframes[1], backwards=True) == Around((0.0, 70.0), 40.0, 1)


def test_an_arrow_round_the_body_is_checked_where_it_is() -> None:
    no_width = AROUND.replace("width: 40, ", "")
    assert load(no_width) == ["mine.yaml:13:17: error: 'around' needs 'width:'"]
    bad_way = AROUND.replace("way: left", "way: up")
    assert load(bad_way) == ["mine.yaml:13:47: error: 'way' must be one of right, left, not 'up'"]
    unknown = AROUND.replace("way: left", "turn: left")
    assert load(unknown)[0].startswith("mine.yaml:13:42: error: unknown key 'turn' in 'around'")
