"""A foot standing on its toes shows them bent flat along the floor; other feet do not."""

from __future__ import annotations

from stretchtimer.figures.draw import draw, fit
from stretchtimer.figures.feet import TOE_LENGTH, toes
from stretchtimer.figures.library import library_figure


def test_a_tucked_foot_has_its_toes_along_the_floor_the_way_it_points() -> None:
    # Heel raised behind the knee, the tip of the foot on the floor a little ahead of it.
    assert toes((-9.0, 11.0), (-7.0, 1.5)) == ((-7.0, 1.5), (-7.0 + TOE_LENGTH, 1.5))
    # The same foot seen from the other side: the toes point the other way.
    assert toes((9.0, 11.0), (7.0, 1.5)) == ((7.0, 1.5), (7.0 - TOE_LENGTH, 1.5))


def test_flat_raised_and_lifted_feet_have_no_toes_of_their_own() -> None:
    assert toes((0.0, 3.0), (8.0, 1.0)) is None  # flat on the floor
    assert toes((0.0, 3.5), (1.0, 0.5)) is None  # the heel barely off the floor
    assert toes((0.0, 20.0), (2.0, 12.0)) is None  # a foot in the air
    assert toes((0.0, 10.0), (9.0, 1.0)) is None  # a foot sloping down, not standing on its tip


def test_the_kneeling_figure_on_tucked_toes_draws_them_ahead_of_the_foot() -> None:
    figure = library_figure("toe-sitting-forward-bend")
    assert figure is not None
    pose = figure.keyframes[0].pose
    framing = fit(figure, 26, 12)
    tip = framing.to_cell(pose["left_foot"])
    ahead = framing.to_cell((pose["left_foot"][0] + TOE_LENGTH, pose["left_foot"][1]))

    def lit(rows: tuple[str, ...], x: int, y: int) -> bool:
        char = rows[y // 4][x // 2]
        bits = ord(char) - 0x2800 if char != " " else 0
        return bool(bits & ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))[y % 4][x % 2])

    drawn = draw(figure, pose, framing).lines
    assert lit(drawn, *ahead)  # the toes reach ahead of the tip along the floor
    assert not any(lit(drawn, x, tip[1]) for x in range(tip[0] - 4, tip[0] - 1))  # not behind it
    # Mirrored, the toes point the other way, still ahead of the foot.
    foot_x, foot_y = pose["left_foot"]
    mirrored = draw(figure, pose, framing, mirrored=True).lines
    assert lit(mirrored, *framing.to_cell((2 * framing.axis - foot_x - TOE_LENGTH, foot_y)))
