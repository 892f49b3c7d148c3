"""The break reminder's core: when breaks fall due and what became of them.

Pure like the session engine beside it: time, idleness, quiet times and the
calendar all come in through injected callables, so a whole working day runs
in a test in milliseconds.
"""
