package io.camelenos.app.enos;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the app talks to a configured EnOS gateway or to its embedded emulator, decided from the settings alone (so
 * that the configuration itself can depend on it, see {@link EmbeddedModeDefaults}):
 * <ul>
 * <li>{@code camel.component.enos.gateway-url} set: that gateway ({@link #CONFIGURED});</li>
 * <li>{@code camel-enos.emulator.enabled=true}: the embedded emulator ({@link #EMBEDDED}), asked for explicitly;</li>
 * <li>neither, on the default H2 database: the embedded emulator, the README's zero-configuration demo;</li>
 * <li>neither, on any other database: no start. A forgotten gateway URL must not fill a production database with
 * emulator data.</li>
 * </ul>
 */
public enum GatewayMode {

    /** The app's own EnOS emulator, on loopback, with demo data. */
    EMBEDDED,
    /** The EnOS gateway at {@code camel.component.enos.gateway-url}. */
    CONFIGURED;

    public static final String GATEWAY_URL_KEY = "camel.component.enos.gateway-url";
    public static final String EMULATOR_ENABLED_KEY = "camel-enos.emulator.enabled";
    static final String JDBC_URL_KEY = "quarkus.datasource.jdbc.url";

    /**
     * The mode for these settings ({@code setting} answers a configuration key's value, empty when unset).
     *
     * @throws IllegalStateException naming the settings to change when they contradict each other or would put emulator
     *                               data into a database that is not the embedded H2
     */
    public static GatewayMode of(Function<String, Optional<String>> setting) {
        Optional<String> gatewayUrl = setting.apply(GATEWAY_URL_KEY).filter(v -> !v.isBlank());
        Optional<Boolean> emulator = setting.apply(EMULATOR_ENABLED_KEY).filter(v -> !v.isBlank())
                .map(GatewayMode::bool);
        if (gatewayUrl.isPresent()) {
            if (emulator.orElse(false)) {
                throw new IllegalStateException(GATEWAY_URL_KEY + " is set (" + gatewayUrl.get() + ") and so is "
                        + EMULATOR_ENABLED_KEY + "=true: set only one of them (CAMEL_COMPONENT_ENOS_GATEWAY_URL for a "
                        + "real tenant, CAMEL_ENOS_EMULATOR_ENABLED=true for the embedded emulator)");
            }
            return CONFIGURED;
        }
        if (emulator.isPresent()) {
            if (emulator.get()) {
                return EMBEDDED;
            }
            throw new IllegalStateException("No EnOS gateway: " + GATEWAY_URL_KEY + " is not set and "
                    + EMULATOR_ENABLED_KEY + "=false; set CAMEL_COMPONENT_ENOS_GATEWAY_URL (and the app key, secret "
                    + "and org id) to use a real tenant");
        }
        // the JDBC URL, not the db-kind: a PostgreSQL build still carries the H2 URL of application.properties until
        // QUARKUS_DATASOURCE_JDBC_URL is given, and the build itself must not fail here
        String database = setting.apply(JDBC_URL_KEY).orElse("");
        if (database.startsWith("jdbc:h2:")) {
            return EMBEDDED;
        }
        throw new IllegalStateException("No EnOS gateway configured (" + GATEWAY_URL_KEY + " is not set) while the "
                + "database is not the embedded H2 (" + JDBC_URL_KEY + "=" + withoutCredentials(database)
                + "): the app refuses to fill it with emulator data. Set "
                + "CAMEL_COMPONENT_ENOS_GATEWAY_URL (" + GATEWAY_URL_KEY + ") to sync a real tenant, or "
                + "CAMEL_ENOS_EMULATOR_ENABLED=true (" + EMULATOR_ENABLED_KEY + ") to run the embedded emulator anyway");
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(EMULATOR_ENABLED_KEY + " must be true or false, was " + value);
        };
    }

    /** A JDBC URL without its query (where drivers take a password), for a message. */
    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
    }
}
