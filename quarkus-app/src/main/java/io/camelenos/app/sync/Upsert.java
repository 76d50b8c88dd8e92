package io.camelenos.app.sync;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Insert-or-update of one row in SQL that H2 and PostgreSQL both run (no MERGE or ON CONFLICT dialects): an UPDATE,
 * then an INSERT when no row was there, then the UPDATE again if another writer inserted the row in between. Runs with
 * auto-commit, so that PostgreSQL does not abort a transaction on the refused INSERT.
 */
public final class Upsert {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** One statement on a connection, answering its update count. */
    @FunctionalInterface
    public interface Write {
        int run(Connection connection) throws SQLException;
    }

    private Upsert() {
    }

    /** Runs the upsert; answers true when the row was inserted, false when it was updated. */
    public static boolean run(Connection connection, Write update, Write insert) throws SQLException {
        if (update.run(connection) > 0) {
            return false;
        }
        try {
            insert.run(connection);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            update.run(connection);
            return false;
        }
    }
}
