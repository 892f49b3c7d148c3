"""The bundled figures: one for every bundled step, each loads and draws; bad files say why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from stretchtimer.figures.draw import draw, draw_keyframe, fit
from stretchtimer.figures.library import (
    LIBRARY_DIR,
    POSES_FILE,
    FigureError,
    library,
    library_figure,
    library_names,
    read_figure_file,
)
from stretchtimer.figures.motion import getting_ready, repping
from stretchtimer.figures.raster import BODY, PROP

ROUTINES = Path(__file__).resolve().parents[2] / "routines"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


def bundled_steps() -> list[tuple[str, dict[str, object]]]:
    steps = []
    for path in sorted(ROUTINES.glob("*.yaml")):
        for step in yaml.safe_load(path.read_text())["steps"]:
            steps.append((path.stem, step))
    return steps


def step_figure(step: dict[str, object]) -> str:
    named = step.get("figure")
    assert isinstance(named, str), f"step '{step['name']}' names no figure"
    return named


def test_every_bundled_stretch_and_warm_up_names_a_figure_that_exists() -> None:
    missing = [
        f"{routine}: {step['name']}"
        for routine, step in bundled_steps()
        if library_figure(step_figure(step)) is None
    ]
    assert missing == []


def test_each_bundled_step_has_the_figure_of_its_own_name() -> None:
    """One figure per stretch: the same stretch in two routines shows the same figure."""
    assert all(step_figure(step) == slug(str(step["name"])) for _, step in bundled_steps())


def test_every_library_figure_is_used_by_a_bundled_step() -> None:
    used = {step_figure(step) for _, step in bundled_steps()}
    assert set(library_names()) - used == set()


@pytest.mark.parametrize("name", library_names())
def test_each_figure_loads_moves_and_draws_at_every_size(name: str) -> None:
    figure = library_figure(name)
    assert figure is not None and figure.name == name
    assert figure.description.endswith(".") and len(figure.description) <= 120
    moved = [k for k in figure.keyframes[1:] if k.pose != figure.neutral]
    assert moved, "a figure shows a change from its neutral pose"
    for cols, rows in ((14, 6), (30, 14), (48, 20)):
        raster = draw_keyframe(figure, cols, rows)
        assert len(raster.lines) == rows and {len(line) for line in raster.lines} == {cols}
        assert sum(w == BODY for row in raster.weights for w in row) >= rows
        assert all(0x2800 <= ord(c) <= 0x28FF or c == " " for line in raster.lines for c in line)


def test_rep_steps_have_figures_that_move_during_a_rep() -> None:
    for _, step in bundled_steps():
        if "reps" not in step:
            continue
        figure = library_figure(step_figure(step))
        assert figure is not None
        framing = fit(figure, 30, 14)
        frames = {draw(figure, repping(figure, 0, f / 8), framing).lines for f in range(9)}
        assert len(frames) >= 4, step["name"]


def test_no_two_figures_look_the_same() -> None:
    drawings = {name: draw_keyframe(f, 30, 14).lines for name, f in library().items()}
    assert len(set(drawings.values())) == len(drawings)


def test_the_other_side_is_the_mirror_image() -> None:
    reach = library_figure("overhead-arm-reach")
    assert reach is not None
    left = draw_keyframe(reach, 30, 14)
    right = draw_keyframe(reach, 30, 14, mirrored=True)
    assert left.lines != right.lines
    # The raised arm rises on the other half of the canvas.
    top_left = next(line for line in left.lines if line.strip())
    top_right = next(line for line in right.lines if line.strip())
    assert (
        (len(top_left) - len(top_left.lstrip())) > 15 > (len(top_right) - len(top_right.lstrip()))
    )


def test_props_are_drawn_lighter_than_the_body() -> None:
    wall = library_figure("wall-stretch")
    assert wall is not None
    raster = draw_keyframe(wall, 30, 14)
    weights = [w for row in raster.weights for w in row]
    assert weights.count(PROP) >= 14 and weights.count(BODY) >= 14
    assert raster.weights[-1].count(PROP) >= 20  # the floor is the last row


def test_get_ready_moves_a_hold_into_its_pose() -> None:
    flexion = library_figure("neck-flexion")
    assert flexion is not None
    framing = fit(flexion, 30, 14)
    frames = [draw(flexion, getting_ready(flexion, f / 4), framing).lines for f in range(5)]
    assert len(set(frames)) == 5
    assert frames[-1] == draw_keyframe(flexion, 30, 14).lines


# -- bad figure files -----------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(LIBRARY_DIR / POSES_FILE, tmp_path / POSES_FILE)
    return tmp_path


def problems(folder: Path, text: str) -> list[str]:
    path = folder / "mine.yaml"
    path.write_text(text)
    with pytest.raises(FigureError) as caught:
        read_figure_file(path, folder)
    return [line.replace(str(path), "mine.yaml") for line in caught.value.lines()]


def test_a_figure_built_from_a_shared_pose_reads(folder: Path) -> None:
    path = folder / "mine.yaml"
    path.write_text(
        "description: Arm out.\nview: front\nprops: [floor]\n"
        "keyframes:\n  stand: {like: stand-front}\n  out: {like: stand, left_elbow: 90}\n"
    )
    figure = read_figure_file(path, folder)
    stand, out = figure.keyframes
    assert out.pose["left_elbow"][1] == pytest.approx(stand.pose["left_shoulder"][1])
    assert out.pose["left_elbow"][0] == pytest.approx(stand.pose["left_shoulder"][0] + 18)


def test_a_misspelt_joint_is_named_with_a_suggestion(folder: Path) -> None:
    found = problems(
        folder,
        "description: X.\nview: side\nkeyframes:\n  a:\n    like: stand-side\n    left_elbw: 90\n",
    )
    assert found == [
        "mine.yaml:6:5: error: unknown key 'left_elbw' in keyframe 'a' (did you mean 'left_elbow'?)"
    ]


def test_a_missing_joint_is_named(folder: Path) -> None:
    found = problems(
        folder,
        "description: X.\nview: side\nkeyframes:\n  a:\n"
        "    left_hip: [0, 50]\n    right_hip: [0, 50]\n",
    )
    assert len(found) == 1
    assert found[0].startswith("mine.yaml:4:3: error: keyframe 'a' has no 'head'")
    assert "like:" in found[0]


def test_out_of_range_values_are_refused_with_the_range(folder: Path) -> None:
    found = problems(
        folder,
        "description: X.\nview: side\nkeyframes:\n  a:\n    like: stand-side\n"
        "    head: 900\n    left_knee: [0, 9999]\n    left_elbow: {angle: 90, length: -3}\n",
    )
    assert found == [
        "mine.yaml:6:11: error: the angle of 'head' must be from -360 to 360, not 900",
        "mine.yaml:7:20: error: y of 'left_knee' must be from -300 to 300, not 9999",
        "mine.yaml:8:37: error: the length of 'left_elbow' must be from 0 to 100, not -3",
    ]


def test_unknown_names_get_suggestions(folder: Path) -> None:
    found = problems(
        folder,
        "description: X.\nview: sied\ncycle: loops\nprops: [flor]\n"
        "keyframes:\n  a: {like: stand-sied}\n",
    )
    assert found == [
        "mine.yaml:2:7: error: 'view' must be one of front, side, not 'sied' "
        "(did you mean 'side'?)",
        "mine.yaml:3:8: error: 'cycle' must be one of loop, sweep, not 'loops' "
        "(did you mean 'loop'?)",
        "mine.yaml:4:9: error: a prop must be one of floor, chair, wall, pillow, screen, window, "
        "not 'flor' (did you mean 'floor'?)",
        "mine.yaml:6:13: error: 'like: stand-sied' in keyframe 'a' names no earlier keyframe or "
        "shared pose (did you mean 'stand-side'?)",
    ]


def test_broken_yaml_and_empty_files_say_where(folder: Path) -> None:
    assert problems(folder, "") == ["mine.yaml: error: the file is empty"]
    (found,) = problems(folder, "view: [side\n")
    assert found.startswith("mine.yaml:2:1: error: YAML syntax")


@pytest.mark.parametrize("name", library_names())
def test_no_bundled_figure_reaches_through_the_floor(name: str) -> None:
    figure = library_figure(name)
    assert figure is not None
    low = [
        f"{keyframe.name}: {joint}"
        for keyframe in figure.keyframes
        for joint, (_, y) in keyframe.pose.items()
        if y < -0.01
    ]
    assert low == []


# -- figures a routine defines for itself ------------------------------------------------


def inline(text: str) -> tuple[dict[str, object], list[str]]:
    from stretchtimer.figures.library import read_inline_figures
    from stretchtimer.yamlsafe import compose, position_of

    root = compose(text)
    assert root is not None
    found: list[str] = []

    def report(node: yaml.Node | None, message: str) -> None:
        where = position_of(node.start_mark) if node is not None else None
        found.append(f"{where.line}:{where.column}: {message}" if where else message)

    return dict(read_inline_figures(root, report)), found


def test_a_routine_figure_can_build_on_the_shared_poses() -> None:
    figures, found = inline(
        "wave:\n  description: A wave.\n  view: front\n  keyframes:\n"
        "    still: {like: stand-front}\n"
        "    up: {like: still, right_elbow: -60, right_wrist: -20}\n"
    )
    assert found == []
    assert list(figures) == ["wave"]


def test_routine_figures_are_checked_like_library_ones() -> None:
    figures, found = inline(
        "Bad Name:\n  description: X.\n  view: front\n  keyframes: {a: {like: stand-front}}\n"
        "wave:\n  description: X.\n  view: front\n  keyframes:\n    a: {like: stand-frnt}\n"
    )
    assert figures == {}
    assert found == [
        "1:1: figure name 'Bad Name' must be lowercase words joined by hyphens",
        "9:15: 'like: stand-frnt' in keyframe 'a' names no earlier keyframe or shared pose "
        "(did you mean 'stand-front'?)",
    ]


def test_a_routine_figure_wins_over_a_library_one_of_the_same_name() -> None:
    from stretchtimer.figures.library import figure_names, resolve_figure

    figures, found = inline(
        "cat-cow:\n  description: Mine.\n  view: side\n  keyframes: {a: {like: all-fours}}\n"
    )
    assert found == []
    own = figures["cat-cow"]
    assert resolve_figure("cat-cow", figures) is own  # type: ignore[arg-type]
    assert resolve_figure("cat-cow") is not own
    names = figure_names(figures)  # type: ignore[arg-type]
    assert names.count("cat-cow") == 1 and "wall-stretch" in names
