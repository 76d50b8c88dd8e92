-- The consumers' state moves to the table of the component's JdbcStateRepository (io.camelenos.component.state),
-- which the app now uses instead of a copy of its own: the same (repository, key) -> value rows, so an upgraded app
-- resumes from the watermarks, change-detection state and active alerts the previous version saved, with no gap.
-- Portable SQL (H2, PostgreSQL). The repository creates no table here (createTable=false): Flyway owns the schema.
CREATE TABLE enos_consumer_state (
    repository  VARCHAR(128) NOT NULL,
    state_key   VARCHAR(512) NOT NULL,
    state_value TEXT,
    updated_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_enos_consumer_state PRIMARY KEY (repository, state_key)
);
INSERT INTO enos_consumer_state (repository, state_key, state_value, updated_at)
    SELECT repository, state_key, state_value, updated_at FROM camel_state;
DROP TABLE camel_state;
