-- Embedded profile's workflow engine: instances, their replay history, and the work that moves them on.

CREATE TABLE workflows.instances (
    instance_id   text PRIMARY KEY,
    name          text        NOT NULL,
    status        text        NOT NULL DEFAULT 'Pending',
    input         text,
    output        text,
    custom_status text,
    failure       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- The runner whose episode owns the instance, until the lease runs out.
    locked_by     text,
    locked_until  timestamptz
);

-- Every event an episode saw or produced, in order; RunAsync is replayed against it.
CREATE TABLE workflows.history (
    instance_id text        NOT NULL REFERENCES workflows.instances (instance_id) ON DELETE CASCADE,
    position    int         NOT NULL,
    kind        text        NOT NULL,
    task_id     int,
    name        text,
    data        text,
    at          timestamptz NOT NULL,
    PRIMARY KEY (instance_id, position)
);

-- An activity to run, or a message (start, activity result, timer, event, terminate) for the next episode,
-- due at due_at. Deleting a row is what a lost wake-up looks like.
CREATE TABLE workflows.work_items (
    id           bigserial PRIMARY KEY,
    instance_id  text        NOT NULL REFERENCES workflows.instances (instance_id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    task_id      int,
    name         text,
    data         text,
    due_at       timestamptz NOT NULL DEFAULT now(),
    locked_by    text,
    locked_until timestamptz
);
CREATE INDEX work_items_instance ON workflows.work_items (instance_id);
CREATE INDEX work_items_due_messages ON workflows.work_items (due_at) WHERE kind <> 'activity';
CREATE INDEX work_items_due_activities ON workflows.work_items (due_at) WHERE kind = 'activity';
