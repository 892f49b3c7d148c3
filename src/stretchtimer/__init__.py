"""stretchtimer: a terminal coach for desk stretch breaks."""

__version__ = "0.1.0"
