package io.camelenos.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema contract on PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth; override
 * with {@code CAMEL_ENOS_TEST_PG_URL} and {@code CAMEL_ENOS_TEST_PG_USER}). Each run migrates a schema of its own and
 * drops it afterwards. Skipped, with a message, where no PostgreSQL answers, except under CI=true, where it fails.
 */
@ExtendWith(PostgresqlAvailable.class)
class PostgresqlSchemaTest extends SchemaContract {

    private final String schema = "camel_enos_test_" + Long.toHexString(System.nanoTime());

    static PGSimpleDataSource dataSource(String currentSchema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PostgresqlAvailable.url());
        pg.setUser(PostgresqlAvailable.user());
        pg.setLoginTimeout(5);
        if (currentSchema != null) {
            pg.setCurrentSchema(currentSchema);
        }
        return pg;
    }

    @Override
    protected DataSource freshDatabase() {
        return dataSource(schema);
    }

    @Override
    protected String schema() {
        return schema;
    }

    @Override
    protected DataSource upgradeDatabase() {
        return dataSource(upgradeSchema());
    }

    @Override
    protected String upgradeSchema() {
        return schema + "_upgrade";
    }

    @AfterAll
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource(null).getConnection();
             Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            drop.execute("DROP SCHEMA IF EXISTS " + upgradeSchema() + " CASCADE");
        }
    }
}
