"""Talking to the running reminder from any shell: one reminder per user, a private
Unix socket, and a small versioned JSON protocol.

Nothing here knows what a break is: the reminder hands the server a function
from request to reply, and the command line asks through the client. This
keeps ``stretchtimer status`` light enough for a status bar that runs it
every few seconds.
"""
