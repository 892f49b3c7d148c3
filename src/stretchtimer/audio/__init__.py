"""Audio cues: hear a session without watching it.

The package loads nothing itself; import from its modules. The app needs
``session_audio.create_audio``, the command line also ``doctor.doctor_rows``.
A session started muted never loads the players or the code that probes for
them: ``session_audio`` imports those inside the functions that first play.
"""
