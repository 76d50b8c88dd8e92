package io.camelenos.app;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The app's own settings ({@code camel-enos.*} in {@code application.properties}). The {@code enos:} component's
 * options are not here: they live under {@code camel.component.enos.*}, as for any Camel component.
 */
@ConfigMapping(prefix = "camel-enos")
public interface EtlConfig {

    /** The EnOS emulator the app starts when no gateway URL is configured. */
    Emulator emulator();

    /** The EnOS readiness check. */
    Health health();

    interface Emulator {

        /** Port of the embedded emulator; 0 takes any free port. */
        @WithDefault("0")
        int port();

        /** How many assets (sites and devices) the emulated org holds. */
        @WithDefault("500")
        int assets();

        /** Seed of the emulator's generated data set. */
        @WithDefault("42")
        long seed();
    }

    interface Health {

        /**
         * The cheap call that proves EnOS is reachable and accepts our credentials. Any answer in an EnOS envelope
         * (even "asset not found") proves both; retries are off so that the check answers quickly.
         */
        @WithDefault("enos:asset/get?assetId=camel-enos-readiness-probe&maxRetries=0&requestTimeout=5000")
        String probeUri();

        /** How long one probe result is reused, so that frequent health polls do not hammer EnOS. */
        @WithDefault("5s")
        Duration cacheTtl();
    }
}
