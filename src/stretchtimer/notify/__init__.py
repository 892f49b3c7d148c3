"""Telling the user a break is due outside the terminal pane."""
