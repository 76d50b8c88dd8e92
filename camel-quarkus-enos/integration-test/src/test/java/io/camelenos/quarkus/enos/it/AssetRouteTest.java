package io.camelenos.quarkus.enos.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The app has no configuration at all: in test mode the Dev Service starts the emulator (100 assets by default)
 * and the enos: route pages through all of them; a producer reads one back.
 */
@QuarkusTest
@Order(1)
class AssetRouteTest {

    /** Where the first test class saw the emulator, for {@link DevServiceSharedTest}. */
    static final String FIRST_GATEWAY = "camel-enos.it.first-gateway-url";

    @Inject
    ReceivedAssets received;

    @Inject
    ProducerTemplate template;

    @Test
    void routeReceivesEveryAssetOfTheDevServiceEmulator() throws InterruptedException {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(100, received.byId().size(), "assets received"));
        received.byId().values().forEach(asset -> assertTrue(asset.hasNonNull("modelId"), asset.toString()));
    }

    @Test
    void producerReadsAnAssetBack() throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(!received.byId().isEmpty()));
        String assetId = received.byId().keySet().iterator().next();
        JsonNode asset = template.requestBody("enos:asset/get?assetId=" + assetId, null, JsonNode.class);
        assertEquals(assetId, asset.path("assetId").asText());
        assertEquals(received.byId().get(assetId).path("name"), asset.path("name"));
    }

    @Test
    void gatewayIsTheLoopbackEmulator() {
        String url = ConfigProvider.getConfig().getValue("camel.component.enos.gateway-url", String.class);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:[0-9]+"), url);
        System.setProperty(FIRST_GATEWAY, url);
    }
}
