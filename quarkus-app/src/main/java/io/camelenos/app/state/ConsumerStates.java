package io.camelenos.app.state;

import javax.sql.DataSource;

import io.camelenos.component.state.JdbcStateRepository;

/**
 * The consumers' state in the app's database: the component's {@link JdbcStateRepository}, one repository name per
 * flow (or per telemetry partition), all in table {@code enos_consumer_state}, which Flyway creates and migrates.
 */
public final class ConsumerStates {

    private ConsumerStates() {
    }

    /** The state repository named {@code repository} in the app's database. */
    public static JdbcStateRepository inAppDatabase(DataSource dataSource, String repository) {
        JdbcStateRepository state = new JdbcStateRepository(dataSource, repository);
        state.setCreateTable(false); // Flyway's V3 migration made it
        return state;
    }
}
