-- What staff did: who, which action, on which order or setting, the state before and after, when.
CREATE TABLE admin_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    uuid        NOT NULL,
    actor_email text        NOT NULL,
    action      text        NOT NULL CHECK (action ~ '^[a-z]+(-[a-z]+)*$'),
    target_type text        NOT NULL CHECK (target_type IN ('order', 'user', 'setting')),
    target_id   text        NOT NULL,
    before      jsonb,
    after       jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC);
CREATE INDEX admin_audit_target ON admin_audit (target_type, target_id, at DESC);

-- The admin orders list filters by these and reads newest first.
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_email ON orders USING gin (email gin_trgm_ops);
