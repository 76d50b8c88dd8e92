package io.camelenos.app.sync;

import io.camelenos.app.PostgresqlAvailable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync flows on PostgreSQL (127.0.0.1:5432, database {@code test}, in a schema of their own, see
 * {@link PostgresqlSchemaResource}). Skipped, with a message, where no PostgreSQL answers, except under CI=true.
 */
@QuarkusTest
@TestProfile(SyncFlowsOnPostgresqlProfile.class)
@ExtendWith(PostgresqlAvailable.class)
class SyncFlowsPostgresqlTest extends SyncFlowsContract {
}
