package io.camelenos.quarkus.enos.deployment.devservices;

import java.time.Duration;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.SimulatorConfig;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Dev Services for EnOS: in dev and test mode, and only when {@code camel.component.enos.gateway-url} is not set,
 * the extension starts the EnOS emulator and hands its URL, app key, app secret and org id to the application.
 */
@ConfigGroup
public interface EnosDevServicesConfig {

    /**
     * Whether the emulator is started when no gateway URL is configured. Set {@code false} to turn it off (then the
     * application needs {@code camel.component.enos.gateway-url}). {@code quarkus.devservices.enabled=false} turns it
     * off too. It is never started in the production profile.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The port the emulator listens on (loopback only); {@code 0} takes any free port.
     */
    @WithDefault("0")
    int port();

    /**
     * How many assets the emulator's organisation holds in all: blocks of 25, a site and its 24 devices.
     */
    @WithDefault("100")
    int assets();

    /**
     * The seed of the emulator's generated data set: the same seed and size give the same assets, alerts and
     * time series.
     */
    @WithDefault("42")
    long seed();

    /**
     * How strictly the emulator checks credentials: {@code strict} (a token from the token service and a correct
     * {@code apim-signature} on every call) or {@code lenient} (any non-empty access token).
     */
    @WithDefault("strict")
    AuthMode authMode();

    /**
     * The organisation id the emulator serves, and that the application is given as
     * {@code camel.component.enos.org-id}.
     */
    @WithDefault(SimulatorConfig.DEFAULT_ORG_ID)
    String orgId();

    /**
     * The lifetime of the access tokens the emulator issues; a short one exercises token refresh.
     */
    @WithDefault("2h")
    Duration tokenTtl();

    /**
     * Faults the emulator injects into API calls (never into the token service), to see how the application copes.
     */
    Faults faults();

    /** Fault injection; all off by default. */
    interface Faults {

        /**
         * Added before every API call is answered.
         */
        @WithDefault("0s")
        Duration latency();

        /**
         * Share of API calls answered with HTTP 503, from 0 to 1.
         */
        @WithDefault("0")
        double serverErrorRate();

        /**
         * Share of API calls answered with HTTP 429 and a {@code Retry-After} header, from 0 to 1.
         */
        @WithDefault("0")
        double rateLimitRate();

        /**
         * The {@code Retry-After} sent with those 429 answers (whole seconds).
         */
        @WithDefault("1s")
        Duration retryAfter();

        /**
         * Share of API calls whose connection is dropped without an answer, from 0 to 1.
         */
        @WithDefault("0")
        double dropRate();

        /**
         * Share of API calls answered with a truncated JSON body, from 0 to 1.
         */
        @WithDefault("0")
        double malformedRate();
    }
}
