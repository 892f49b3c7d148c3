"""The guided session's core: a routine compiled to a timeline, the engine that
walks it on an injected clock, the events it sends, and the listeners that
need nothing else (plain narration, the timing trace).

Pure like the reminder's core beside it (``remind/``): nothing here imports
Textual, and time comes only from the clock it is given.
"""
