"""Small widgets that redraw only when what they show has changed."""
