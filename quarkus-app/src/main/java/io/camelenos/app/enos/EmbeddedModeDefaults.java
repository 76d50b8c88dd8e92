package io.camelenos.app.enos;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings that depend on the {@link GatewayMode}:
 * <ul>
 * <li>in the embedded (demo) mode the HTTP server listens on {@code 127.0.0.1} only, so the demo's open reads and demo
 * credential are not offered to the network; a configured deployment listens where {@code quarkus.http.host} says
 * (Quarkus' default {@code 0.0.0.0}). An explicit setting ({@code QUARKUS_HTTP_HOST}) wins: this default sits below
 * the app's {@code application.properties};</li>
 * <li>settings the mode refuses (no gateway URL on a PostgreSQL database, ...): Flyway does not migrate at start, so
 * that the database is left untouched while {@link EnosGateway} fails the start with the message naming them.</li>
 * </ul>
 */
public class EmbeddedModeDefaults implements ConfigSourceFactory {

    /** Below application.properties (250), environment variables (300) and system properties (400). */
    static final int ORDINAL = 200;
    /** Above everything: a refused configuration must not reach the database. */
    static final int REFUSED_ORDINAL = 1000;
    static final String MIGRATE_AT_START_KEY = "quarkus.flyway.migrate-at-start";
    static final String HOST_KEY = "quarkus.http.host";
    static final String EMBEDDED_HOST = "127.0.0.1";
    static final String CONFIGURED_HOST = "0.0.0.0";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        GatewayMode mode;
        try {
            mode = GatewayMode.of(key -> value(context, key));
        } catch (IllegalStateException e) {
            // EnosGateway fails the start with this message; until then nothing may touch the database
            return List.of(new MapBackedConfigSource("camel-enos-refused-mode", Map.of(MIGRATE_AT_START_KEY, "false"),
                    REFUSED_ORDINAL) {
            });
        }
        // both values explicit: Quarkus records the build's value of a runtime setting as its default, and the build
        // runs in the embedded mode
        Map<String, String> defaults = Map.of(HOST_KEY, mode == GatewayMode.EMBEDDED ? EMBEDDED_HOST : CONFIGURED_HOST);
        return List.of(new MapBackedConfigSource("camel-enos-embedded-mode-defaults", defaults, ORDINAL) {
        });
    }

    private static Optional<String> value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value == null ? Optional.empty() : Optional.ofNullable(value.getValue());
    }
}
