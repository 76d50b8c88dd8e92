package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Frequent health polls reuse the probe's result for camel-enos.health.cache-ttl instead of calling EnOS each time. */
@QuarkusTest
@TestProfile(ReadinessCacheTest.LongCache.class)
class ReadinessCacheTest {

    public static class LongCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel-enos.health.cache-ttl", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EnosEmulatorResource.class));
        }
    }

    @InjectEnosSimulator
    EnosSimulator enos;

    @Test
    void threeHealthPollsMakeOneEnosCall() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/q/health/ready").then().statusCode(200);
        }
        long probes = enos.requestLog().count(e -> e.path().equals("/asset-service/v2.1/assets")
                                                   && "get".equals(e.action()));
        assertEquals(1, probes, "EnOS calls made by the readiness check");
    }
}
