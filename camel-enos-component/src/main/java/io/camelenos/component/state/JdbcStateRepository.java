package io.camelenos.component.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table, for consumers whose state must outlive the machine: the ETL
 * service keeps change detection, watermarks and alert ids next to the data they describe. Several repositories share
 * one table, each under its own {@linkplain #getRepositoryName() name} (columns REPOSITORY, STATE_KEY, STATE_VALUE,
 * UPDATED_AT). Plain JDBC with portable SQL (H2, PostgreSQL): an UPDATE, then an INSERT when no row was there, then
 * the UPDATE again if another node inserted the row in between. The table is created at start if it does not exist,
 * unless {@link #setCreateTable(boolean) createTable} is off (a schema migration tool owns it).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The repository name of the one-argument constructor. */
    public static final String DEFAULT_REPOSITORY = "default";
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** A table name goes into SQL text, so it may only be a plain, optionally schema-qualified, identifier. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final DataSource dataSource;
    private final String repositoryName;
    private String tableName = "ENOS_CONSUMER_STATE";
    private String valueType = "VARCHAR(1000000)";
    private boolean createTable = true;

    /** A repository named {@value #DEFAULT_REPOSITORY}. */
    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_REPOSITORY);
    }

    /**
     * @param repositoryName the name this repository's rows carry, so that several share one table (at most 128
     *                       characters)
     */
    public JdbcStateRepository(DataSource dataSource, String repositoryName) {
        if (repositoryName == null || repositoryName.isBlank() || repositoryName.length() > 128) {
            throw new IllegalArgumentException("Invalid value for option repositoryName: '" + repositoryName
                                               + "' (1 to 128 characters, not blank)");
        }
        this.dataSource = dataSource;
        this.repositoryName = repositoryName;
    }

    public String getRepositoryName() {
        return repositoryName;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table holding the state; ENOS_CONSUMER_STATE by default. A plain SQL identifier, optionally schema.table. */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("Invalid value for option tableName: '" + tableName
                                               + "' (a SQL identifier such as ENOS_CONSUMER_STATE or schema.table)");
        }
        this.tableName = tableName;
    }

    public String getValueType() {
        return valueType;
    }

    /** The SQL type of the value column when the table is created (an index of many keys is one long value). */
    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether the table is created at start when absent; off where a migration tool (Flyway) creates it. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        if (!createTable) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + tableName + " (REPOSITORY VARCHAR(128) NOT NULL, "
                      + "STATE_KEY VARCHAR(512) NOT NULL, STATE_VALUE " + valueType + ", "
                      + "UPDATED_AT TIMESTAMP WITH TIME ZONE, PRIMARY KEY (REPOSITORY, STATE_KEY))");
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection c = dataSource.getConnection()) {
            if (update(c, key, value) > 0) {
                return;
            }
            try {
                insert(c, key, value);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                update(c, key, value); // another node inserted the row since our update
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write the consumer state " + repositoryName + "/" + key, e);
        }
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE REPOSITORY = ? AND STATE_KEY = ?")) {
            select.setString(1, repositoryName);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read the consumer state " + repositoryName + "/" + key, e);
        }
    }

    private int update(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + tableName
                + " SET STATE_VALUE = ?, UPDATED_AT = ? WHERE REPOSITORY = ? AND STATE_KEY = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, repositoryName);
            update.setString(4, key);
            return update.executeUpdate();
        }
    }

    private void insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tableName
                + " (REPOSITORY, STATE_KEY, STATE_VALUE, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, repositoryName);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
