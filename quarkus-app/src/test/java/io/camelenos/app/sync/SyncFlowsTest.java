package io.camelenos.app.sync;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The sync flows on H2, the app's embedded default database. */
@QuarkusTest
@TestProfile(SyncFlowsProfile.class)
class SyncFlowsTest extends SyncFlowsContract {
}
