package io.camelenos.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in the app's database (table {@code camel_state}), so that the consumers'
 * watermarks and change-detection state survive restarts and live beside the data they describe. Several repositories
 * share the table, each under its own {@code repository} name. Portable SQL (H2, PostgreSQL): an update, then an insert
 * when no row was there, then the update again if another node inserted the row in between.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT state_value FROM camel_state WHERE repository = ? AND state_key = ?";
    private static final String UPDATE =
            "UPDATE camel_state SET state_value = ?, updated_at = ? WHERE repository = ? AND state_key = ?";
    private static final String INSERT =
            "INSERT INTO camel_state (repository, state_key, state_value, updated_at) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String repository;

    public JdbcStateRepository(DataSource dataSource, String repository) {
        this.dataSource = dataSource;
        this.repository = repository;
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, repository);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state " + repository + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, key, value) > 0) {
                return;
            }
            try {
                insert(connection, key, value);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                update(connection, key, value);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot save state " + repository + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private int update(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, value);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, repository);
            update.setString(4, key);
            return update.executeUpdate();
        }
    }

    private void insert(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, repository);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
