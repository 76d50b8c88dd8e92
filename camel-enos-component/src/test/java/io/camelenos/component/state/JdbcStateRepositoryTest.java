package io.camelenos.component.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.camel.RuntimeCamelException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC state repository on H2: named repositories sharing one table, overwrites, and its settings checked. */
class JdbcStateRepositoryTest {

    private final JdbcDataSource database = database();

    @Test
    void repositoriesWithDifferentNamesShareTheTableButNotTheirKeys() throws Exception {
        JdbcStateRepository telemetry = started(new JdbcStateRepository(database, "telemetry"));
        JdbcStateRepository alerts = started(new JdbcStateRepository(database, "alerts"));
        assertNull(telemetry.getState("a1|power"));

        telemetry.setState("a1|power", "1000");
        telemetry.setState("a1|power", "2000");
        alerts.setState("a1|power", "other");

        assertEquals("2000", telemetry.getState("a1|power"));
        assertEquals("2000", started(new JdbcStateRepository(database, "telemetry")).getState("a1|power"));
        assertEquals("other", alerts.getState("a1|power"));
        assertNull(started(new JdbcStateRepository(database)).getState("a1|power"), "the default repository");
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*), COUNT(UPDATED_AT) FROM ENOS_CONSUMER_STATE")) {
            assertTrue(rows.next());
            assertEquals(2, rows.getInt(1));
            assertEquals(2, rows.getInt(2), "every row says when it was written");
        }
    }

    @Test
    void withoutCreateTableTheRepositoryNeedsATableMadeByOthers() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(database, "flyway-owned");
        repository.setCreateTable(false);
        repository.setTableName("OWNED_STATE");
        repository.start();

        assertThrows(RuntimeCamelException.class, () -> repository.getState("k"));
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE OWNED_STATE (REPOSITORY VARCHAR(128) NOT NULL, STATE_KEY VARCHAR(512) NOT NULL, "
                      + "STATE_VALUE TEXT, UPDATED_AT TIMESTAMP WITH TIME ZONE, PRIMARY KEY (REPOSITORY, STATE_KEY))");
        }
        repository.setState("k", "v");
        assertEquals("v", repository.getState("k"));
    }

    @Test
    void aTableNameThatIsNoIdentifierIsRefusedWithTheValue() {
        JdbcStateRepository repository = new JdbcStateRepository(database, "x");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> repository.setTableName("state; DROP TABLE users"));

        assertTrue(refused.getMessage().contains("tableName: 'state; DROP TABLE users'"), refused.getMessage());
    }

    @Test
    void aBlankRepositoryNameIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new JdbcStateRepository(database, " "));

        assertTrue(refused.getMessage().contains("repositoryName: ' '"), refused.getMessage());
    }

    private static JdbcStateRepository started(JdbcStateRepository repository) {
        repository.start();
        return repository;
    }

    private static JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:state-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
