-- When a run last wrote a batch: a run that a stopped host left running is told from a slow one by it.
ALTER TABLE sync_runs ADD COLUMN active_at timestamptz;
UPDATE sync_runs SET active_at = coalesce(finished_at, started_at);
ALTER TABLE sync_runs ALTER COLUMN active_at SET DEFAULT now(), ALTER COLUMN active_at SET NOT NULL;
