package io.camelenos.app;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The packaged app ({@code quarkus-run.jar}) as the README runs it: no gateway configured, so it starts its embedded
 * EnOS emulator, migrates its embedded database, is ready, and its sync flows fill the database within a minute (the
 * README's promise). Catches an extension missing from the app but present on the test classpath.
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
        given().auth().preemptive().basic("demo", "demo")
                .contentType("application/json").body("{\"attributes\": {\"ratedPower\": \"high\"}}")
                .when().patch("/api/assets/{id}", "no-such-asset")
                .then().statusCode(502)
                .body("enosCode", equalTo(99404));
    }

    @Test
    void withinAMinuteTheSummaryShowsAssetsTelemetryAndAlerts() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonPath summary = given().when().get("/api/data/summary").then().statusCode(200).extract().jsonPath();
            // the embedded emulator's 500 assets, its turbines' last hour, its active alerts
            assertEquals(500, summary.getLong("assets.rows"), "assets: " + summary.prettify());
            assertTrue(summary.getLong("telemetry.rows") > 0, "telemetry: " + summary.prettify());
            assertTrue(summary.getLong("alerts.rows") > 0, "alerts: " + summary.prettify());
        });
    }

    @Test
    void packagedAppServesTheStatusPageAndItsJson() {
        given().when().get("/").then().statusCode(200).body(containsString("<title>camel-enos ETL status</title>"));
        given().when().get("/status.js").then().statusCode(200);
        given().when().get("/status.css").then().statusCode(200);
        given().when().get("/api/status").then().statusCode(200)
                .body("enos.mode", equalTo("embedded-emulator"))
                .body("flows.flow", equalTo(List.of("assets", "telemetry", "alerts")));
    }
}
