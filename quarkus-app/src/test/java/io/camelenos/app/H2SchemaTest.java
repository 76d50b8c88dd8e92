package io.camelenos.app;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The schema contract on H2, the app's embedded default database. */
class H2SchemaTest extends SchemaContract {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
