package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Runs against the packaged {@code target/quarkus-app/quarkus-run.jar}, the way users start it, so an
 * extension that only the test classpath provides is caught here.
 */
@QuarkusIntegrationTest
class HeartbeatRouteIT {

    @Test
    void packagedAppIsHealthy() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("context"));
    }
}
