package io.camelenos.quarkus.enos.deployment.devservices;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.camelenos.simulator.EnosSimulator;
import io.quarkus.deployment.builditem.Startable;

/**
 * The EnOS emulator run in-process as a Dev Service: started and closed by Quarkus, which shares it between
 * applications built with the same {@link EmulatorSettings}. Each start has an app secret of its own, so no fixed
 * secret is known outside the application it is handed to.
 */
final class EnosEmulatorService implements Startable {

    private final EmulatorSettings settings;
    private final String appSecret = randomSecret();
    private EnosSimulator simulator;

    EnosEmulatorService(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (simulator != null) {
            return;
        }
        EnosSimulator started = EnosSimulator.builder().port(settings.port()).assets(settings.assets())
                .seed(settings.seed()).authMode(settings.authMode()).orgId(settings.orgId()).appSecret(appSecret)
                .tokenTtlSeconds(settings.tokenTtlSeconds()).build().start();
        started.faults().latencyMillis(settings.latencyMillis()).serverErrorRate(settings.serverErrorRate())
                .rateLimitRate(settings.rateLimitRate()).retryAfterSeconds(settings.retryAfterSeconds())
                .dropRate(settings.dropRate()).malformedRate(settings.malformedRate());
        simulator = started;
    }

    /** {@code http://127.0.0.1:PORT}. */
    @Override
    public String getConnectionInfo() {
        return baseUrl();
    }

    /** An in-process emulator has no container. */
    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    synchronized String baseUrl() {
        return running().baseUrl();
    }

    String appKey() {
        return running().appKey();
    }

    String appSecret() {
        return appSecret;
    }

    String orgId() {
        return running().orgId();
    }

    EmulatorSettings settings() {
        return settings;
    }

    private synchronized EnosSimulator running() {
        if (simulator == null) {
            throw new IllegalStateException("the EnOS Dev Service emulator is not started");
        }
        return simulator;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "devservices-" + HexFormat.of().formatHex(bytes);
    }
}
