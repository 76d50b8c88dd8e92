package io.camelenos.quarkus.enos.deployment.devservices;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.camelenos.quarkus.enos.deployment.EnosBuildTimeConfig;
import io.camelenos.quarkus.enos.deployment.EnosProcessor;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.jboss.logging.Logger;

/**
 * Dev Services for EnOS: in dev and test mode (never in the production profile), when the application has no
 * EnOS gateway URL, the EnOS emulator is started in-process and the application gets its URL, app key, app secret
 * and org id as {@code camel.component.enos.*} settings.
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
public class EnosDevServicesProcessor {

    /** The component option that, when set, means the application has its own gateway. */
    public static final String GATEWAY_URL = "camel.component.enos.gateway-url";
    public static final String APP_KEY = "camel.component.enos.app-key";
    public static final String APP_SECRET = "camel.component.enos.app-secret";
    public static final String ORG_ID = "camel.component.enos.org-id";
    static final String SERVICE_NAME = "enos-emulator";

    private static final Logger LOG = Logger.getLogger(EnosDevServicesProcessor.class);

    @BuildStep
    DevServicesResultBuildItem startEmulator(EnosBuildTimeConfig config) {
        if (!config.devservices().enabled()) {
            LOG.debug("Not starting Dev Services for EnOS: quarkus.camel.enos.devservices.enabled is false");
            return null;
        }
        if (gatewayConfigured()) {
            LOG.debugf("Not starting Dev Services for EnOS: %s is set", GATEWAY_URL);
            return null;
        }
        EmulatorSettings settings = EmulatorSettings.of(config.devservices());
        return DevServicesResultBuildItem.owned()
                .feature(EnosProcessor.FEATURE)
                .serviceName(SERVICE_NAME)
                .description("EnOS API gateway emulator (in-process)")
                .serviceConfig(settings.toString())
                .startable(() -> new EnosEmulatorService(settings))
                .postStartHook(EnosDevServicesProcessor::logStarted)
                .configProvider(applicationConfig())
                .build();
    }

    /** What the application is given; the secret is handed over as configuration and never logged. */
    private static Map<String, Function<EnosEmulatorService, String>> applicationConfig() {
        return Map.of(
                GATEWAY_URL, EnosEmulatorService::baseUrl,
                APP_KEY, EnosEmulatorService::appKey,
                APP_SECRET, EnosEmulatorService::appSecret,
                ORG_ID, EnosEmulatorService::orgId);
    }

    private static void logStarted(EnosEmulatorService emulator) {
        EmulatorSettings settings = emulator.settings();
        LOG.infof("Dev Services for EnOS started the EnOS emulator on %s (org %s, %d assets, seed %d, %s auth); "
                  + "set %s to use another gateway", emulator.baseUrl(), emulator.orgId(), settings.assets(),
                settings.seed(), settings.authMode().name().toLowerCase(Locale.ROOT), GATEWAY_URL);
    }

    /** camel-main binds the option in kebab case and in camel case alike. */
    private static boolean gatewayConfigured() {
        return ConfigUtils.isPropertyNonEmpty(GATEWAY_URL)
                || ConfigUtils.isPropertyNonEmpty("camel.component.enos.gatewayUrl");
    }
}
