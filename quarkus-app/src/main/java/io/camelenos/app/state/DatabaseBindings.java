package io.camelenos.app.state;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;

/**
 * Puts the Quarkus (Agroal) default datasource into the Camel registry as {@value #DATA_SOURCE}, so routes can use
 * {@code jdbc:dataSource}: plain camel-jdbc does not find the Quarkus datasource by itself (camel-quarkus-jdbc is not
 * available here, see STACK.md). The extra qualifier keeps this alias out of plain {@code @Inject DataSource} points.
 */
@Singleton
public class DatabaseBindings {

    public static final String DATA_SOURCE = "dataSource";

    @Produces
    @Singleton
    @Named(DATA_SOURCE)
    @Identifier(DATA_SOURCE)
    DataSource camelDataSource(AgroalDataSource dataSource) {
        return dataSource;
    }
}
