-- A history file as schema version 2 wrote it (sessions, steps, breaks); frozen.
BEGIN TRANSACTION;
CREATE TABLE breaks (
        id       INTEGER PRIMARY KEY,
        due_at   TEXT    NOT NULL,  -- UTC, ISO 8601: when it fell due (or the idle spell began)
        kind     TEXT    NOT NULL,  -- long | micro
        routine  TEXT    NOT NULL,
        outcome  TEXT    NOT NULL,  -- taken | postponed | skipped | natural
        fell_due INTEGER NOT NULL   -- 0 for a natural break before any prompt
    );
INSERT INTO "breaks" VALUES(1,'2026-11-20T08:15:00+00:00','long','Desk break','taken',1);
CREATE TABLE sessions (
        id             INTEGER PRIMARY KEY,
        routine        TEXT    NOT NULL,
        routine_file   TEXT,
        started_at     TEXT    NOT NULL,  -- UTC, ISO 8601
        ended_at       TEXT,              -- NULL until the session records its end
        updated_at     TEXT    NOT NULL,
        status         TEXT    NOT NULL,  -- interrupted | completed | quit | resumed
        start_step     INTEGER NOT NULL DEFAULT 0,
        step_count     INTEGER NOT NULL,
        completed      INTEGER NOT NULL DEFAULT 0,
        skipped        INTEGER NOT NULL DEFAULT 0,
        partial        INTEGER NOT NULL DEFAULT 0,
        active_seconds REAL    NOT NULL DEFAULT 0,
        resumed_from   INTEGER REFERENCES sessions(id) ON DELETE SET NULL
    );
INSERT INTO "sessions" VALUES(3,'Desk break','/routines/desk-break.yaml','2026-11-20T08:15:00+00:00','2026-11-20T08:21:00+00:00','2026-11-20T08:21:00+00:00','completed',0,2,2,0,0,95.0,NULL);
CREATE TABLE steps (
        session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        step_index      INTEGER NOT NULL,
        name            TEXT    NOT NULL,
        status          TEXT    NOT NULL,  -- completed | partial | skipped
        planned_seconds INTEGER NOT NULL,
        actual_seconds  REAL    NOT NULL,
        parts_done      TEXT    NOT NULL DEFAULT '[]',  -- JSON list, e.g. ["set 1 left"]
        parts_total     INTEGER NOT NULL,
        finished_at     TEXT    NOT NULL,
        PRIMARY KEY (session_id, step_index)
    ) WITHOUT ROWID;
INSERT INTO "steps" VALUES(3,0,'Neck tilt','completed',30,30.0,'["work"]',1,'2026-11-20T08:16:00+00:00');
INSERT INTO "steps" VALUES(3,1,'Shoulder rolls','completed',65,65.0,'["work"]',1,'2026-11-20T08:21:00+00:00');
CREATE INDEX sessions_by_start ON sessions (started_at);
CREATE INDEX sessions_by_routine ON sessions (routine, started_at);
CREATE INDEX breaks_by_time ON breaks (due_at);
COMMIT;
PRAGMA user_version = 2;
