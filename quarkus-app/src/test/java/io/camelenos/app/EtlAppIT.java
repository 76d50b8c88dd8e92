package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged app ({@code quarkus-run.jar}) as the README runs it: no gateway configured, so it starts its embedded
 * EnOS emulator, migrates its embedded database, and is ready. Catches an extension missing from the app but present
 * on the test classpath.
 */
@QuarkusIntegrationTest
class EtlAppIT {

    private static final String ENOS_CHECK = "checks.find { it.name == 'EnOS gateway' }";

    @Test
    void packagedAppStartsItsEmbeddedEmulatorAndIsReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(ENOS_CHECK + ".status", equalTo("UP"))
                .body(ENOS_CHECK + ".data.mode", equalTo("embedded-emulator"))
                .body(ENOS_CHECK + ".data.gatewayUrl", startsWith("http://127.0.0.1:"));
    }

    @Test
    void packagedAppSendsUpdatesToTheEmbeddedEmulator() {
        // the emulator's answer for an asset it does not hold comes back through the update API
        given().contentType("application/json").body("{\"attributes\": {\"ratedPower\": \"high\"}}")
                .when().patch("/api/assets/{id}", "no-such-asset")
                .then().statusCode(502)
                .body("enosCode", equalTo(99404));
    }
}
