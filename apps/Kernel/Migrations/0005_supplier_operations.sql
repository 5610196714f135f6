-- What supplier sync and supplier calls did, for the admin health page.
CREATE TABLE sync_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_code    text        NOT NULL REFERENCES suppliers (code),
    kind             text        NOT NULL CHECK (kind IN ('full', 'delta')),
    status           text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    pages            int         NOT NULL DEFAULT 0,
    offers_seen      int         NOT NULL DEFAULT 0,
    offers_created   int         NOT NULL DEFAULT 0,
    offers_updated   int         NOT NULL DEFAULT 0,
    offers_unchanged int         NOT NULL DEFAULT 0,
    offers_vanished  int         NOT NULL DEFAULT 0,
    error            text
);
CREATE INDEX sync_runs_supplier ON sync_runs (supplier_code, started_at DESC);

CREATE TABLE supplier_call_metrics (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_code text        NOT NULL REFERENCES suppliers (code),
    operation     text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    duration_ms   int         NOT NULL CHECK (duration_ms >= 0),
    succeeded     boolean     NOT NULL,
    status_code   int
);
CREATE INDEX supplier_call_metrics_recent ON supplier_call_metrics (supplier_code, started_at DESC);
