package io.camelenos.component.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table (key, value), for consumers whose state must outlive the
 * machine: the ETL service keeps change detection, watermarks and alert ids next to the data they describe. Plain
 * JDBC with portable SQL (an UPDATE, then an INSERT when no row was there), tested on H2; the table is created at
 * start if it does not exist.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final DataSource dataSource;
    private String tableName = "ENOS_CONSUMER_STATE";
    private String valueType = "VARCHAR(1000000)";

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table holding the state (columns STATE_KEY, STATE_VALUE); ENOS_CONSUMER_STATE by default. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getValueType() {
        return valueType;
    }

    /** The SQL type of the value column when the table is created (an index of many keys is one long value). */
    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    @Override
    protected void doStart() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + tableName + " (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE "
                      + valueType + ")");
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection c = dataSource.getConnection()) {
            if (update(c, key, value) == 0) {
                insert(c, key, value);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write the consumer state of " + key, e);
        }
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read the consumer state of " + key, e);
        }
    }

    private int update(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + tableName + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }

    private void insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }
}
