package io.camelenos.quarkus.enos.deployment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.quarkus.enos.deployment.devservices.EnosDevServicesProcessor;
import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With no gateway URL, test mode gets the emulator: the URL, keys and org are handed to the application, a route
 * pages through the emulator's assets (their number set by the Dev Service settings), a producer reads one, and the
 * app secret the Dev Service made up appears in no log line, even with the component's request log at DEBUG.
 */
class EnosDevServicesTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AssetSearchRoute.class, SeenAssets.class))
            .overrideConfigKey("quarkus.camel.enos.devservices.assets", "75")
            .overrideConfigKey("quarkus.camel.enos.devservices.seed", "7")
            .overrideConfigKey("quarkus.camel.enos.devservices.org-id", "o-devservices-test")
            .overrideConfigKey("quarkus.log.category.\"io.camelenos\".min-level", "TRACE")
            .overrideConfigKey("quarkus.log.category.\"io.camelenos\".level", "TRACE")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(EnosDevServicesTest::noRecordHoldsTheSecret);

    /** The test runs in the application's class loader, the log check in JUnit's: a system property joins them. */
    private static final String SECRET_PROPERTY = "camel-enos.test.devservices-app-secret";

    @Inject
    SeenAssets seen;

    @Inject
    ProducerTemplate template;

    @Test
    void applicationIsGivenTheEmulatorsConnection() {
        assertTrue(config(EnosDevServicesProcessor.GATEWAY_URL).matches("http://127\\.0\\.0\\.1:[0-9]+"),
                config(EnosDevServicesProcessor.GATEWAY_URL));
        assertEquals("o-devservices-test", config(EnosDevServicesProcessor.ORG_ID));
        assertFalse(config(EnosDevServicesProcessor.APP_KEY).isBlank());
        String appSecret = config(EnosDevServicesProcessor.APP_SECRET);
        assertTrue(appSecret.length() >= 32, "a made-up secret of 16 random bytes");
        System.setProperty(SECRET_PROPERTY, appSecret);
    }

    @Test
    void routeReadsEveryAssetOfTheEmulator() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(75, seen.ids().size(), "assets seen"));
        String assetId = seen.ids().iterator().next();
        JsonNode asset = template.requestBody("enos:asset/get?assetId=" + assetId, null, JsonNode.class);
        assertEquals(assetId, asset.path("assetId").asText());
    }

    private static void noRecordHoldsTheSecret(List<LogRecord> records) {
        String secret = System.getProperty(SECRET_PROPERTY);
        assertTrue(secret != null && !secret.isBlank(), "the connection test has run and kept the secret");
        assertTrue(records.stream().anyMatch(r -> String.valueOf(r.getMessage()).contains("Dev Services for EnOS")),
                "the Dev Service says where the emulator runs");
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().startsWith("io.camelenos.component")),
                "the component logged its requests at DEBUG");
        for (LogRecord record : records) {
            String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            assertFalse(text.contains(secret), "a log record holds the app secret: " + record.getLoggerName());
        }
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
