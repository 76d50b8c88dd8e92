package io.camelenos.app.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.app.sync.alert.AlertSyncRoute;
import io.camelenos.app.sync.telemetry.TelemetryExportRoute;
import io.camelenos.simulator.EnosSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/** {@code GET /api/status} and the chart's telemetry endpoints, against the app's embedded emulator. */
@QuarkusTest
@TestProfile(StatusPageProfile.class)
class StatusApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EnosGateway gateway;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CamelContext camel;

    @Test
    void statusNamesTheEmbeddedEmulatorAndTheDatabaseButNoSecret() {
        EnosSimulator emulator = gateway.embeddedEmulator().orElseThrow();
        given().when().get("/api/status").then().statusCode(200)
                .body("enos.mode", equalTo("embedded-emulator"))
                .body("enos.gatewayUrl", equalTo(emulator.baseUrl()))
                .body("enos.orgId", equalTo(emulator.orgId()))
                .body("database.kind", equalTo("H2"))
                .body("cluster", equalTo(null))
                .body(not(containsString(emulator.appSecret())));
    }

    @Test
    void flowsCountWhatTheyWroteToTheDatabase() {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonPath status = given().when().get("/api/status").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("assets", "telemetry", "alerts"), status.getList("flows.flow"));
            assertEquals(count("SELECT COUNT(*) FROM enos_asset"),
                    status.getLong(flow("assets") + ".records.byChange.created"));
            assertEquals(count("SELECT COUNT(*) FROM enos_telemetry"),
                    status.getLong(flow("telemetry") + ".records.byChange.inserted"));
            assertTrue(status.getLong(flow("alerts") + ".records.total") > 0, "alerts written");
            assertEquals(count("SELECT COUNT(*) FROM enos_alert WHERE status = 'ACTIVE'"),
                    status.getLong("alerts.active"));
            for (String flow : List.of("assets", "telemetry", "alerts")) {
                assertTrue(List.of("idle", "running").contains(status.getString(flow(flow) + ".state")), flow);
                assertEquals("ok", status.getString(flow(flow) + ".lastPoll.outcome"), flow);
                assertEquals(0.5, status.getDouble(flow(flow) + ".pollEverySeconds"), 1e-9, flow);
                double lag = status.getDouble(flow(flow) + ".lagSeconds");
                assertTrue(lag >= 0 && lag < 300, flow + " lag " + lag);
            }
            assertEquals("newest record", status.getString(flow("telemetry") + ".lagFrom"));
        });
    }

    @Test
    void aFailingFlowShowsItsStateAndMessageThenRecovers() {
        EnosSimulator emulator = gateway.embeddedEmulator().orElseThrow();
        emulator.faults().serverErrorRate(1.0);
        try {
            await().atMost(WAIT).ignoreExceptions()
                    .untilAsserted(() -> given().when().get("/api/status").then().statusCode(200)
                    .body(flow("assets") + ".state", equalTo("failing"))
                    .body(flow("assets") + ".lastPoll.outcome", equalTo("failed"))
                    .body(flow("assets") + ".lastError.stage", equalTo("poll"))
                    .body(flow("assets") + ".lastError.message", containsString("HTTP 503")));
        } finally {
            emulator.faults().clear();
        }
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> given().when().get("/api/status").then().statusCode(200)
                .body(flow("assets") + ".state", not(equalTo("failing")))
                .body(flow("assets") + ".lastPoll.outcome", equalTo("ok")));
    }

    @Test
    void aStoppedRouteShowsItsFlowStopped() throws Exception {
        camel.getRouteController().stopRoute(AlertSyncRoute.ROUTE_ID);
        try {
            given().when().get("/api/status").then().statusCode(200)
                    .body(flow("alerts") + ".state", equalTo("stopped"))
                    .body(flow("assets") + ".state", not(equalTo("stopped")));
        } finally {
            camel.getRouteController().startRoute(AlertSyncRoute.ROUTE_ID);
        }
        given().when().get("/api/status").then().statusCode(200)
                .body(flow("alerts") + ".state", not(equalTo("stopped")));
    }

    @Test
    void chartSamplesAreTheNewestOfThePointOldestFirst() throws Exception {
        await().atMost(WAIT).ignoreExceptions()
                .untilAsserted(() -> assertEquals(4, given().when().get("/api/status/telemetry").then()
                .statusCode(200).extract().jsonPath().getList("assetId").size()));
        JsonPath assets = given().when().get("/api/status/telemetry").then().extract().jsonPath();
        String assetId = assets.getString("[0].assetId");
        assertEquals(StatusPageProfile.POINTS, assets.getList("[0].points"));
        String point = StatusPageProfile.POINTS.get(1);

        camel.getRouteController().stopRoute(TelemetryExportRoute.ROUTE_ID); // no new sample between the two reads
        try {
            JsonPath chart = given().queryParam("points", point).queryParam("samples", 10)
                    .when().get("/api/status/telemetry/{assetId}", assetId).then().statusCode(200).extract().jsonPath();

            List<Long> newest = times("SELECT ts FROM enos_telemetry WHERE asset_id = ? AND point_id = ? "
                                      + "ORDER BY ts DESC", 10, assetId, point);
            Collections.reverse(newest);
            assertEquals(assetId, chart.getString("assetId"));
            assertEquals(point, chart.getString("series[0].pointId"));
            assertEquals(newest, chart.getList("series[0].samples.t", Long.class));
            assertEquals(10, chart.getList("series[0].samples.v", Double.class).size());
        } finally {
            camel.getRouteController().startRoute(TelemetryExportRoute.ROUTE_ID);
        }
    }

    @Test
    void chartRefusesBadInputNamingTheField() {
        given().queryParam("points", "WTG.WindSpeed").when().get("/api/status/telemetry/{id}", "bad'id")
                .then().statusCode(400).body("field", equalTo("assetId")).body("message", containsString("bad'id"));
        given().when().get("/api/status/telemetry/{id}", "pn018le8rs")
                .then().statusCode(400).body("field", equalTo("points"));
        given().queryParam("points", "a,b,c,d,e,f,g,h,i,j,k").when().get("/api/status/telemetry/{id}", "pn018le8rs")
                .then().statusCode(400).body("field", equalTo("points"));
        // a control character is refused before the resource (the app's input hygiene), naming the parameter too
        given().queryParam("points", "x\ny").when().get("/api/status/telemetry/{id}", "pn018le8rs")
                .then().statusCode(400).body("field", containsString("points"));
        given().queryParam("points", "WTG.WindSpeed").queryParam("samples", "5001")
                .when().get("/api/status/telemetry/{id}", "pn018le8rs")
                .then().statusCode(400).body("field", equalTo("samples")).body("message", containsString("5001"));
    }

    @Test
    void pageAndStatusFollowTheDataApisAccessRules() {
        // whatever issue of credentials applies to /api/data/*, the page and its JSON answer an anonymous client alike
        int data = given().when().get("/api/data/summary").then().extract().statusCode();
        for (String path : List.of("/", "/status.js", "/status.css", "/api/status", "/api/status/telemetry")) {
            assertEquals(data, given().when().get(path).then().extract().statusCode(), path);
        }
        if (data == 200) {
            String html = given().when().get("/").then().contentType(containsString("text/html")).extract().asString();
            assertTrue(html.contains("<title>camel-enos ETL status</title>"), html);
            assertFalse(html.contains("http://") || html.contains("https://"), "no external resource on the page");
        }
    }

    // ----

    private static String flow(String flow) {
        return "flows.find { it.flow == '" + flow + "' }";
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<Long> times(String sql, int limit, Object... parameters) throws SQLException {
        List<Long> times = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    times.add(row.getLong(1));
                }
            }
        }
        return times;
    }
}
