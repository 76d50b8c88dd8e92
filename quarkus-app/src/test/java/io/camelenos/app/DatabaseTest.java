package io.camelenos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.camelenos.app.state.DatabaseBindings;
import io.camelenos.app.state.ConsumerStates;
import io.camelenos.component.state.JdbcStateRepository;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The app's own database at start: Flyway's schema, and the datasource bound for camel-jdbc, the state repository. */
@QuarkusTest
class DatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProducerTemplate template;

    @Test
    void flywayCreatedTheSchemaAtStart() throws Exception {
        Set<String> tables = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        assertTrue(tables.containsAll(SchemaContract.TABLES), "tables: " + tables);
        assertTrue(tables.contains("flyway_schema_history"), "tables: " + tables);
    }

    @Test
    void camelJdbcReachesTheAppDatabaseThroughTheRegistry() {
        ConsumerStates.inAppDatabase(dataSource, "jdbc-test").setState("k", "v");
        Object rows = template.requestBody("jdbc:" + DatabaseBindings.DATA_SOURCE,
                "SELECT state_value FROM enos_consumer_state WHERE repository = 'jdbc-test'");
        assertEquals(List.of(Map.of("STATE_VALUE", "v")), upperCaseKeys(rows));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> upperCaseKeys(Object rows) {
        return ((List<Map<String, Object>>) rows).stream().map(row -> {
            Map<String, Object> upper = new HashMap<>();
            row.forEach((k, v) -> upper.put(k.toUpperCase(), v));
            return upper;
        }).toList();
    }

    @Test
    void stateRepositoryKeepsItsValuesInTheAppDatabase() {
        JdbcStateRepository first = ConsumerStates.inAppDatabase(dataSource, "app-test");
        first.setState("watermark", "1700000000000");
        assertEquals("1700000000000", ConsumerStates.inAppDatabase(dataSource, "app-test").getState("watermark"));
    }
}
