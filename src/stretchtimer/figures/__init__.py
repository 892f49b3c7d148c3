"""Stick figures for the stretches: skeleton, poses, motion, Braille drawing and the library.

All of it is pure: a pose goes in, rows of Braille text come out. The Textual
shell only decides when to ask for a frame and how to colour its cells.
"""
