"""How ratings change the next session: a pure policy on the rating history."""
