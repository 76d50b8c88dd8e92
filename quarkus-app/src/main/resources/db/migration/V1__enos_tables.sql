-- The ETL app's tables, for the three EnOS flows and the Camel consumers' state.
-- Portable SQL: the same script runs on H2 (the embedded default) and PostgreSQL.
-- Times of EnOS records are epoch milliseconds (UTC), as EnOS sends them, so keys compare exactly.

-- Assets (asset sync): one row per EnOS asset, replaced when the asset changes, deleted when it goes.
CREATE TABLE enos_asset (
    asset_id    VARCHAR(64)  NOT NULL,
    model_id    VARCHAR(128),
    name        VARCHAR(512),
    timezone    VARCHAR(64),
    attributes  TEXT,                      -- the asset's attributes as JSON text
    tags        TEXT,                      -- the asset's tags as JSON text
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_enos_asset PRIMARY KEY (asset_id)
);

-- Telemetry (telemetry export): the primary key makes a re-read of the same window idempotent.
CREATE TABLE enos_telemetry (
    asset_id    VARCHAR(64)  NOT NULL,
    point_id    VARCHAR(128) NOT NULL,
    ts          BIGINT       NOT NULL,     -- epoch milliseconds, UTC
    num_value   DOUBLE PRECISION,          -- numeric and boolean (0/1) values
    text_value  VARCHAR(4000),             -- any other value, as EnOS sent it (JSON text for structs)
    quality     INTEGER,
    CONSTRAINT pk_enos_telemetry PRIMARY KEY (asset_id, point_id, ts)
);

-- Alerts (alert sync): one row per alert event, updated when it recovers.
CREATE TABLE enos_alert (
    event_id        VARCHAR(128) NOT NULL,
    asset_id        VARCHAR(64),
    model_id        VARCHAR(128),
    point_id        VARCHAR(128),
    severity_id     VARCHAR(128),
    severity_desc   VARCHAR(512),
    type_id         VARCHAR(128),
    content_id      VARCHAR(128),
    content_desc    VARCHAR(1024),
    alert_value     VARCHAR(4000),
    occur_time      BIGINT,                -- epoch milliseconds, UTC
    recover_time    BIGINT,                -- null while the alert is active
    status          VARCHAR(16)  NOT NULL, -- ACTIVE or RECOVERED
    tags            TEXT,                  -- JSON text
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_enos_alert PRIMARY KEY (event_id)
);
CREATE INDEX ix_enos_alert_asset ON enos_alert (asset_id, occur_time);

-- Camel consumer state (watermarks, change-detection state): key/value per named repository, so a restart resumes
-- where the last run stopped, and the state lives in the same database as the data it describes.
CREATE TABLE camel_state (
    repository  VARCHAR(128) NOT NULL,
    state_key   VARCHAR(512) NOT NULL,
    state_value TEXT,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_camel_state PRIMARY KEY (repository, state_key)
);
