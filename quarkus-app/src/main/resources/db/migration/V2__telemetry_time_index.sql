-- The newest samples first (GET /api/data/telemetry) and the summary's newest sample read this index instead of
-- scanning the table; the primary key (asset_id, point_id, ts) cannot serve an ORDER BY ts across assets.
CREATE INDEX ix_enos_telemetry_ts ON enos_telemetry (ts);
