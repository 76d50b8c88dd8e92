package io.camelenos.quarkus.enos.deployment.devservices;

import java.time.Duration;

import io.camelenos.simulator.AuthMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The Dev Service's emulator settings, checked when the application is built. Its {@code toString()} is what Quarkus
 * compares to decide whether a running emulator can be shared with the next application (test classes, dev mode
 * restarts): a text, since the next application may be built by another class loader.
 */
record EmulatorSettings(int port, int assets, long seed, AuthMode authMode, String orgId, long tokenTtlSeconds,
                        long latencyMillis, double serverErrorRate, double rateLimitRate, int retryAfterSeconds,
                        double dropRate, double malformedRate) {

    static final String PREFIX = "quarkus.camel.enos.devservices.";

    EmulatorSettings {
        require(port >= 0 && port <= 65535, "port", port, "0..65535 (0 = any free port)");
        require(assets >= 1, "assets", assets, "at least 1");
        require(orgId != null && !orgId.isBlank(), "org-id", orgId, "a non-empty text");
        require(tokenTtlSeconds >= 1, "token-ttl", tokenTtlSeconds + "s", "at least 1s");
        require(latencyMillis >= 0, "faults.latency", latencyMillis + "ms", "0 or more");
        requireRate("faults.server-error-rate", serverErrorRate);
        requireRate("faults.rate-limit-rate", rateLimitRate);
        require(retryAfterSeconds >= 0, "faults.retry-after", retryAfterSeconds + "s", "0 or more");
        requireRate("faults.drop-rate", dropRate);
        requireRate("faults.malformed-rate", malformedRate);
    }

    static EmulatorSettings of(EnosDevServicesConfig config) {
        EnosDevServicesConfig.Faults faults = config.faults();
        return new EmulatorSettings(config.port(), config.assets(), config.seed(), config.authMode(), config.orgId(),
                config.tokenTtl().toSeconds(), millis(faults.latency()), faults.serverErrorRate(),
                faults.rateLimitRate(), (int) Math.min(Integer.MAX_VALUE, faults.retryAfter().toSeconds()),
                faults.dropRate(), faults.malformedRate());
    }

    private static long millis(Duration duration) {
        return duration.isNegative() ? -1 : duration.toMillis();
    }

    private static void requireRate(String option, double rate) {
        require(rate >= 0 && rate <= 1, option, rate, "a share from 0 to 1");
    }

    private static void require(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new ConfigurationException(
                    "Invalid " + PREFIX + option + "=" + value + ": expected " + expected);
        }
    }
}
