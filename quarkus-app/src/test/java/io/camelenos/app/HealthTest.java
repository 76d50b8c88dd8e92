package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness follows EnOS's reachability (the probe result is not cached in tests); liveness does not. */
@QuarkusTest
@WithTestResource(EnosEmulatorResource.class)
class HealthTest {

    private static final String ENOS_CHECK = "checks.find { it.name == 'EnOS gateway' }";

    @InjectEnosSimulator
    EnosSimulator enos;

    @Test
    void readyWhileEnosAnswers() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(ENOS_CHECK + ".status", equalTo("UP"))
                .body(ENOS_CHECK + ".data.gatewayUrl", equalTo(enos.baseUrl()))
                .body(ENOS_CHECK + ".data.mode", equalTo("tenant"));
    }

    @Test
    void notReadyWhileEnosIsDownButStillLive() {
        enos.close();
        try {
            given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(ENOS_CHECK + ".status", equalTo("DOWN"))
                    .body(ENOS_CHECK + ".data.reason", containsString("EnOS unreachable"))
                    .body(ENOS_CHECK + ".data.cause", equalTo("UNREACHABLE"));
            given().when().get("/q/health/live")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"));
        } finally {
            enos.start();
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(ENOS_CHECK + ".status", equalTo("UP"));
    }

    @Test
    void camelContextIsPartOfReadiness() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("context"));
    }
}
