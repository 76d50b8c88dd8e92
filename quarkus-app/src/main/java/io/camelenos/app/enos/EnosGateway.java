package io.camelenos.app.enos;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import io.camelenos.app.EtlConfig;
import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosConfiguration;
import io.camelenos.simulator.EnosSimulator;
import io.quarkus.runtime.Startup;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which EnOS gateway the app talks to, the one place that decides it (by {@link GatewayMode}). With
 * {@code camel.component.enos.gateway-url} set, a real tenant (credentials from the same {@code camel.component.enos.*}
 * keys, best given as environment variables); in the embedded mode an EnOS emulator started here and stopped on
 * shutdown, so the app runs on a machine with no EnOS account. Settings that contradict each other, or no gateway with
 * a database other than the embedded H2, fail the start with a message naming the settings.
 */
@Singleton
@Startup
public class EnosGateway {

    /** The component option that, when set, points the app at a real EnOS gateway. */
    public static final String GATEWAY_URL_KEY = GatewayMode.GATEWAY_URL_KEY;
    private static final String PREFIX = "camel.component.enos.";
    private static final Logger LOG = LoggerFactory.getLogger(EnosGateway.class);

    private final EnosSimulator emulator;
    private final String gatewayUrl;
    private final String appKey;
    private final String appSecret;
    private final String orgId;

    EnosGateway(Config config, EtlConfig etl) {
        GatewayMode mode = GatewayMode.of(key -> config.getOptionalValue(key, String.class));
        if (mode == GatewayMode.CONFIGURED) {
            emulator = null;
            gatewayUrl = config.getValue(GATEWAY_URL_KEY, String.class);
            // read here, not only by camel-main, so that CAMEL_COMPONENT_ENOS_APP_SECRET-style variables always work
            appKey = config.getOptionalValue(PREFIX + "app-key", String.class).orElse(null);
            appSecret = config.getOptionalValue(PREFIX + "app-secret", String.class).orElse(null);
            orgId = config.getOptionalValue(PREFIX + "org-id", String.class).orElse(null);
            LOG.info("EnOS gateway: {} (org {})", gatewayUrl, orgId);
        } else {
            emulator = EnosSimulator.builder().port(etl.emulator().port()).assets(etl.emulator().assets())
                    .seed(etl.emulator().seed()).build().start();
            gatewayUrl = emulator.baseUrl();
            appKey = emulator.appKey();
            appSecret = emulator.appSecret();
            orgId = emulator.orgId();
            LOG.info("Embedded mode ({} is not set): started the embedded EnOS emulator on {} "
                     + "(org {}, {} assets); set it to use a real tenant", GATEWAY_URL_KEY, gatewayUrl, orgId,
                    etl.emulator().assets());
        }
    }

    /**
     * The {@code enos:} component with the connection filled in. camel-main still applies every other
     * {@code camel.component.enos.*} option (retries, timeouts, rate limit) to it.
     */
    @Produces
    @Singleton
    @Named("enos")
    EnosComponent enosComponent() {
        EnosComponent component = new EnosComponent();
        EnosConfiguration configuration = component.getConfiguration();
        configuration.setGatewayUrl(gatewayUrl);
        configuration.setAppKey(appKey);
        configuration.setAppSecret(appSecret);
        configuration.setOrgId(orgId);
        return component;
    }

    /** Whether the app runs against its own embedded emulator. */
    public boolean isEmbeddedEmulator() {
        return emulator != null;
    }

    /** The embedded emulator, when the app runs one (its tests inject EnOS faults through it). */
    public Optional<EnosSimulator> embeddedEmulator() {
        return Optional.ofNullable(emulator);
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String orgId() {
        return orgId;
    }

    @PreDestroy
    void stop() {
        if (emulator != null) {
            emulator.close();
            LOG.info("Embedded EnOS emulator on {} stopped", gatewayUrl);
        }
    }
}
