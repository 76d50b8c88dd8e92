package io.camelenos.app.sync;

import static io.camelenos.app.TestUsers.asReader;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.camelenos.app.InjectEnosSimulator;
import io.camelenos.app.PrometheusMetrics;
import io.camelenos.app.sync.alert.AlertSyncRoute;
import io.camelenos.app.sync.asset.AssetSyncRoute;
import io.camelenos.app.sync.telemetry.TelemetryExportRoute;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.fault.FaultKind;
import io.restassured.path.json.JsonPath;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The three sync flows end to end, from the emulator over real HTTP into the app's database, and what the app shows of
 * them (metrics, /api/data). Run on every database the app supports: each subclass picks one with its test profile.
 */
abstract class SyncFlowsContract {

    private static final Duration SYNC = Duration.ofSeconds(30);
    private static final String RECORDS = "camelenos_sync_records_total";
    private static final String POLLS = "camelenos_sync_polls_total";
    private static final String ERRORS = "camelenos_sync_errors_total";

    @InjectEnosSimulator
    EnosSimulator enos;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext camel;

    @Inject
    ForwardedAlerts forwarded;

    private final ObjectMapper mapper = new ObjectMapper();

    // ---- assets

    @Test
    void assetRowsMatchTheEmulatorsAssets() throws Exception {
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, JsonNode> assets = enosAssets();
            Map<String, Map<String, Object>> rows = byKey(rows("SELECT * FROM enos_asset"), "asset_id");
            assertEquals(new TreeSet<>(assets.keySet()), new TreeSet<>(rows.keySet()), "asset ids in enos_asset");
            for (JsonNode asset : assets.values()) {
                Map<String, Object> row = rows.get(asset.path("assetId").asText());
                assertEquals(asset.path("modelId").asText(), row.get("model_id"));
                // without NUL characters, which the table never holds (see aNulInAnAssetNameNeverBlocksItsRow)
                String name = asset.path("name").path("defaultValue").asText();
                assertEquals(name.replace("\u0000", ""), row.get("name"));
                assertEquals(asset.path("timezone").asText(), row.get("timezone"));
                assertEquals(asset.path("attributes"), mapper.readTree((String) row.get("attributes")));
                assertEquals(asset.path("tags"), mapper.readTree((String) row.get("tags")));
            }
        });
    }

    @Test
    void changedAssetIsUpdatedOnTheNextPoll() throws Exception {
        String assetId = enos.dataSet().assetId(3); // a wind turbine
        await().atMost(SYNC).ignoreExceptions()
                .untilAsserted(() -> assertEquals(1, count("SELECT COUNT(*) FROM enos_asset WHERE asset_id = ?",
                assetId)));
        double ratedPower = 3000 + System.nanoTime() % 1000 + 0.5;

        template.requestBody("enos:asset/update?isPatchUpdate=true",
                Map.of("asset", Map.of("assetId", assetId, "attributes", Map.of("ratedPower", ratedPower))));

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = rows("SELECT attributes FROM enos_asset WHERE asset_id = ?", assetId).get(0);
            assertEquals(ratedPower, mapper.readTree((String) row.get("attributes")).path("ratedPower").asDouble());
        });
    }

    @Test
    void aNulInAnAssetNameNeverBlocksItsRow() throws Exception {
        String assetId = enos.dataSet().assetId(4);
        await().atMost(SYNC).ignoreExceptions()
                .untilAsserted(() -> assertEquals(1, count("SELECT COUNT(*) FROM enos_asset WHERE asset_id = ?",
                assetId)));
        String name = "WTG\u0000nul " + System.nanoTime();

        // EnOS takes a NUL in a name (the app's own API refuses it, the component does not)
        template.requestBody("enos:asset/update?isPatchUpdate=true",
                Map.of("asset", Map.of("assetId", assetId, "name", Map.of("defaultValue", name),
                        "tags", Map.of("note", "a\u0000b"))));

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = rows("SELECT name, tags FROM enos_asset WHERE asset_id = ?", assetId).get(0);
            assertEquals(name.replace("\u0000", ""), row.get("name"), "the NUL is removed");
            assertEquals("a\u0000b", mapper.readTree((String) row.get("tags")).path("note").asText());
        });
        assertTrue(PrometheusMetrics.scrape().sum("camelenos_sync_nul_removed_total") >= 1);
    }

    @Test
    void deletedAssetIsDeletedOnTheNextPoll() throws Exception {
        String meter = enos.dataSet().assetId(24); // the first wind farm's meter: no telemetry, no alerts
        String sql = "SELECT COUNT(*) FROM enos_asset WHERE asset_id = ?";
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> assertEquals(1, count(sql, meter)));

        template.requestBody("enos:connection/deleteDevice?assetId=" + meter, (Object) null);

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> assertEquals(0, count(sql, meter)));
        assertTrue(PrometheusMetrics.scrape().sum(RECORDS, "flow", "assets", "change", "deleted") >= 1);
    }

    // ---- telemetry

    @Test
    void telemetryRowsMatchTheEmulatorsSeries() throws Exception {
        long upTo = pollAfterNow(TelemetryExportRoute.FLOW);
        assertTelemetryMatchesTheEmulator(upTo - Duration.ofHours(2).toMillis(), upTo);
    }

    @Test
    void telemetryResumesAfterARestartWithNoGapAndNoDuplicate() throws Exception {
        pollAfterNow(TelemetryExportRoute.FLOW); // the first poll has read the last 3 hours
        List<String> turbines = turbines();
        stopTelemetry();
        long stoppedAt = System.currentTimeMillis();
        assertEquals(turbines.size() * SyncFlowsProfile.POINTS.size(),
                count("SELECT COUNT(*) FROM enos_consumer_state WHERE repository = ?", TelemetryExportRoute.FLOW),
                "a watermark per (asset, point) in the database");
        long rowsBefore = count("SELECT COUNT(*) FROM enos_telemetry");
        PrometheusMetrics before = PrometheusMetrics.scrape();

        // EnOS receives two samples while the export is stopped
        String turbine = turbines.get(0);
        long first = stoppedAt + 1;
        long second = stoppedAt + 2;
        postMeasurepoint(turbine, first, "WTG.GenActivePW", 4321.5);
        postMeasurepoint(turbine, second, "WTG.WindSpeed", 12.25);
        while (System.currentTimeMillis() <= second) {
            Thread.onSpinWait(); // the emulator serves nothing after its "now"
        }
        startTelemetry();

        String sample = "SELECT COUNT(*) FROM enos_telemetry WHERE asset_id = ? AND ts = ?";
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            assertEquals(1, count(sample, turbine, first));
            assertEquals(1, count(sample, turbine, second));
        });
        long upTo = pollAfterNow(TelemetryExportRoute.FLOW);
        assertTelemetryMatchesTheEmulator(upTo - Duration.ofHours(2).toMillis(), upTo);
        stopTelemetry();
        try {
            PrometheusMetrics after = PrometheusMetrics.scrape();
            long added = count("SELECT COUNT(*) FROM enos_telemetry") - rowsBefore;
            String[] inserted = {"flow", TelemetryExportRoute.FLOW, "change", "inserted"};
            String[] duplicate = {"flow", TelemetryExportRoute.FLOW, "change", "duplicate"};
            assertEquals(added, after.sum(RECORDS, inserted) - before.sum(RECORDS, inserted), 0.0,
                    "samples routed after the restart: only the rows it added, nothing read again from startTime");
            assertEquals(before.sum(RECORDS, duplicate), after.sum(RECORDS, duplicate), 0.0,
                    "samples routed twice (the lookback re-reads the last 2 minutes)");
        } finally {
            startTelemetry();
        }
    }

    @Test
    void telemetryReadAgainAfterItsWatermarkIsLostIsNotWrittenTwice() throws Exception {
        pollAfterNow(TelemetryExportRoute.FLOW);
        String turbine = turbines().get(0);
        String point = SyncFlowsProfile.POINTS.get(0);
        stopTelemetry();
        PrometheusMetrics before = PrometheusMetrics.scrape();
        long samples = count("SELECT COUNT(*) FROM enos_telemetry WHERE asset_id = ? AND point_id = ?", turbine, point);
        try {
            // as after a crash between a commit and the watermark's save: the restart reads the pair from startTime
            assertEquals(1, update("DELETE FROM enos_consumer_state WHERE repository = ? AND state_key LIKE ?",
                    TelemetryExportRoute.FLOW, "%:" + turbine + "/" + point));
        } finally {
            startTelemetry();
        }
        String[] duplicate = {"flow", TelemetryExportRoute.FLOW, "change", "duplicate"};
        // the pair's last 3 hours come again (startTime is now later than at the first start, hence "most"), and the
        // table skips every sample it has
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> assertTrue(
                PrometheusMetrics.scrape().sum(RECORDS, duplicate) - before.sum(RECORDS, duplicate) > samples / 2,
                "samples read again, of " + samples));
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT asset_id, point_id, ts FROM enos_telemetry "
                              + "GROUP BY asset_id, point_id, ts HAVING COUNT(*) > 1) d"), "duplicate rows");
        long upTo = pollAfterNow(TelemetryExportRoute.FLOW);
        assertTelemetryMatchesTheEmulator(upTo - Duration.ofHours(2).toMillis(), upTo);
    }

    // ---- alerts

    @Test
    void alertRowsFollowTheEmulatorsActiveAlerts() throws Exception {
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> assertEquals(enosActiveAlerts(),
                ids("SELECT event_id FROM enos_alert WHERE status = 'ACTIVE'"), "active alerts"));
    }

    @Test
    void newAlertIsInsertedThenUpdatedWhenItRecovers() throws Exception {
        String turbine = enos.dataSet().assetId(5);
        long occurred = System.currentTimeMillis() - 60_000;
        Map<String, Object> alert = Map.of("assetId", turbine, "modelId", "EnOS_Wind_Turbine",
                "measurepointId", "WTG.Status", "value", 3, "occurTime", occurred, "severityId", "critical",
                "contentId", "WTG_FAULT", "tags", Map.of("origin", "camel-enos-test"));
        String eventId = template.requestBody("enos:alert/createActiveAlert?outputType=java.lang.String",
                Map.of("activeAlert", alert), String.class);
        String sql = "SELECT * FROM enos_alert WHERE event_id = ?";

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = rows(sql, eventId).get(0);
            assertEquals("ACTIVE", row.get("status"));
            assertEquals(turbine, row.get("asset_id"));
            assertEquals("WTG.Status", row.get("point_id"));
            assertEquals("critical", row.get("severity_id"));
            assertEquals(occurred, ((Number) row.get("occur_time")).longValue());
            assertEquals("camel-enos-test", mapper.readTree((String) row.get("tags")).path("origin").asText());
        });

        long recovered = System.currentTimeMillis();
        template.requestBody("enos:alert/closeActiveAlert?eventId=" + eventId,
                Map.of("eventId", eventId, "recoverTime", recovered, "recoverReason", "fixed by the test"));

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = rows(sql, eventId).get(0);
            assertEquals("RECOVERED", row.get("status"));
            assertEquals(recovered, ((Number) row.get("recover_time")).longValue());
        });
        // the forward endpoint got both states, as JSON text, on their second delivery
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            List<String> states = forwarded.received().stream().filter(f -> f.eventId().equals(eventId))
                    .map(ForwardedAlerts.Forwarded::state).toList();
            assertEquals(List.of("ACTIVE", "RECOVERED"), states);
        });
        ForwardedAlerts.Forwarded last = forwarded.received().stream().filter(f -> f.eventId().equals(eventId))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(recovered, JsonPath.from(last.json()).getLong("recoverTime"));
    }

    @Test
    void alertRaisedAndRecoveredBetweenTwoPollsIsInsertedAsRecovered() throws Exception {
        pollAfterNow(AlertSyncRoute.FLOW); // the consumer's history sweep starts from the newest alert it has seen
        long occurred = System.currentTimeMillis();
        long recovered = occurred + 1;
        Map<String, Object> alert = Map.of("assetId", enos.dataSet().assetId(6), "modelId", "EnOS_Wind_Turbine",
                "measurepointId", "WTG.Status", "value", 2, "occurTime", occurred, "recoverTime", recovered,
                "severityId", "warning", "contentId", "WTG_LIMITED");
        String eventId = template.requestBody("enos:alert/createHistoryAlert?outputType=java.lang.String",
                Map.of("historyAlert", alert), String.class);

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = rows("SELECT * FROM enos_alert WHERE event_id = ?", eventId).get(0);
            assertEquals("RECOVERED", row.get("status"));
            assertEquals(occurred, ((Number) row.get("occur_time")).longValue());
            assertEquals(recovered, ((Number) row.get("recover_time")).longValue());
        });
    }

    // ---- metrics and failures

    @Test
    void metricsCountEveryFlow() throws Exception {
        awaitEveryTableHasRows();
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            PrometheusMetrics metrics = PrometheusMetrics.scrape();
            assertTrue(metrics.sum(RECORDS, "flow", AssetSyncRoute.FLOW, "change", "created") > 0, "assets created");
            assertTrue(metrics.sum(RECORDS, "flow", TelemetryExportRoute.FLOW, "change", "inserted") > 0, "samples");
            assertTrue(metrics.sum(RECORDS, "flow", AlertSyncRoute.FLOW, "change", "active") > 0, "alerts");
            // 100 assets in pages of 30; 3 hours of 1-minute samples in requests of 50 per pair
            assertTrue(metrics.sum("camelenos_sync_pages_total", "flow", AssetSyncRoute.FLOW) >= 4, "asset pages");
            assertTrue(metrics.sum("camelenos_sync_pages_total", "flow", TelemetryExportRoute.FLOW) >= 4, "answers");
            // the forward endpoint refuses each alert's first delivery
            assertTrue(metrics.sum("camelenos_sync_retries_total", "flow", AlertSyncRoute.FLOW) > 0, "retries");
            for (String flow : List.of(AssetSyncRoute.FLOW, TelemetryExportRoute.FLOW, AlertSyncRoute.FLOW)) {
                assertTrue(metrics.sum(POLLS, "flow", flow, "outcome", "ok") > 0, flow + " polls");
                double lag = metrics.sum("camelenos_sync_lag_seconds", "flow", flow);
                assertTrue(lag >= 0 && lag < 600, flow + " lag " + lag);
                assertTrue(metrics.has(ERRORS, "flow", flow, "stage", "poll"), flow);
            }
            // Camel's own route metrics
            assertTrue(metrics.has("camel_exchanges_total", "routeId", AssetSyncRoute.ROUTE_ID), "route metrics");
        });
    }

    @Test
    void failedPollsAreCountedAndTheNextPollCarriesOn() throws Exception {
        awaitEveryTableHasRows();
        PrometheusMetrics before = PrometheusMetrics.scrape();

        enos.faults().failNext(8, FaultKind.HTTP_503); // 1 retry per request: about 4 polls fail

        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            PrometheusMetrics metrics = PrometheusMetrics.scrape();
            assertTrue(metrics.sum(POLLS, "outcome", "failed") > before.sum(POLLS, "outcome", "failed"), "failed polls");
            assertTrue(metrics.sum(ERRORS, "stage", "poll") > before.sum(ERRORS, "stage", "poll"), "poll errors");
        });
        enos.faults().clear(); // EnOS is back (failures the polls did not use up would hit the test's own calls)
        changedAssetIsUpdatedOnTheNextPoll();
    }

    @Test
    void readyWhileTheFlowsPoll() throws Exception {
        // Camel's consumer checks are part of readiness: UP before a first poll ends, and after
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        awaitEveryTableHasRows();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("UP"));
    }

    // ---- the data API

    @Test
    void summaryCountsTheRowsOfEveryTable() throws Exception {
        awaitEveryTableHasRows();
        long assets = count("SELECT COUNT(*) FROM enos_asset");
        long alertsBefore = count("SELECT COUNT(*) FROM enos_alert");
        long samplesBefore = count("SELECT COUNT(*) FROM enos_telemetry");
        long newestBefore = count("SELECT MAX(ts) FROM enos_telemetry");

        JsonPath summary = asReader().when().get("/api/data/summary").then().statusCode(200).extract().jsonPath();

        assertEquals(assets, summary.getLong("assets.rows"));
        assertNotNull(summary.getString("assets.newestUpdate"));
        assertBetween(samplesBefore, summary.getLong("telemetry.rows"), count("SELECT COUNT(*) FROM enos_telemetry"));
        long newest = Instant.parse(summary.getString("telemetry.newestSample")).toEpochMilli();
        assertBetween(newestBefore, newest, count("SELECT MAX(ts) FROM enos_telemetry"));
        assertBetween(alertsBefore, summary.getLong("alerts.rows"), count("SELECT COUNT(*) FROM enos_alert"));
        assertEquals(summary.getLong("alerts.rows"),
                summary.getLong("alerts.active") + summary.getLong("alerts.recovered"));
    }

    @Test
    void dataApiAnswersTheNewestRowsFirst() throws Exception {
        awaitEveryTableHasRows();
        long newest = count("SELECT MAX(ts) FROM enos_telemetry");

        List<Long> times = asReader().when().get("/api/data/telemetry?limit=5").then().statusCode(200)
                .extract().jsonPath().getList("ts", Long.class);
        assertEquals(5, times.size());
        assertTrue(times.get(0) >= newest, "newest first: " + times);
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) >= times.get(i), "newest first: " + times);
        }
        List<String> assetIds = asReader().when().get("/api/data/assets?limit=3").then().statusCode(200)
                .extract().jsonPath().getList("assetId");
        assertEquals(3, assetIds.size());
        for (String assetId : assetIds) {
            assertEquals(1, count("SELECT COUNT(*) FROM enos_asset WHERE asset_id = ?", assetId));
        }
        List<Map<String, Object>> alerts = asReader().when().get("/api/data/alerts?limit=1").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(1, alerts.size());
        assertEquals(count("SELECT MAX(occur_time) FROM enos_alert"),
                Instant.parse((String) alerts.get(0).get("occurTime")).toEpochMilli());
    }

    @Test
    void dataApiRefusesABadLimitNamingIt() throws Exception {
        asReader().when().get("/api/data/telemetry?limit=many").then().statusCode(400)
                .body("field", equalTo("limit"));
        asReader().when().get("/api/data/alerts?limit=1001").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    // ---- helpers

    /** Waits until a poll of the flow that started after now has ended; answers now. */
    private static long pollAfterNow(String flow) {
        long now = System.currentTimeMillis();
        double before = PrometheusMetrics.scrape().sum(POLLS, "flow", flow, "outcome", "ok");
        // the poll under way now may have started before now: the one after it did not
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> assertTrue(
                PrometheusMetrics.scrape().sum(POLLS, "flow", flow, "outcome", "ok") >= before + 2, flow + " polls"));
        return now;
    }

    private void awaitEveryTableHasRows() {
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            for (String table : List.of("enos_asset", "enos_telemetry", "enos_alert")) {
                assertTrue(count("SELECT COUNT(*) FROM " + table) > 0, table + " rows");
            }
        });
    }

    /** Every sample of the turbines' points in [from, to]: the same in the table as in the emulator. */
    private void assertTelemetryMatchesTheEmulator(long from, long to) throws SQLException {
        Map<String, Double> expected = new TreeMap<>();
        JsonNode data = template.requestBody("enos:tsdb/read?pageSize=1000&assetIds=" + String.join(",", turbines())
                + "&pointIds=" + String.join(",", SyncFlowsProfile.POINTS) + "&startTime=" + Instant.ofEpochMilli(from)
                + "&endTime=" + Instant.ofEpochMilli(to), null, JsonNode.class);
        for (JsonNode item : data.path("items")) {
            for (String point : SyncFlowsProfile.POINTS) {
                if (item.has(point)) {
                    expected.put(item.path("assetId").asText() + "|" + point + "|" + item.path("timestamp").asLong(),
                            item.get(point).asDouble());
                }
            }
        }
        Map<String, Double> actual = new TreeMap<>();
        for (Map<String, Object> row : rows("SELECT asset_id, point_id, ts, num_value FROM enos_telemetry "
                                            + "WHERE ts >= ? AND ts <= ?", from, to)) {
            actual.put(row.get("asset_id") + "|" + row.get("point_id") + "|" + row.get("ts"),
                    ((Number) row.get("num_value")).doubleValue());
        }
        assertFalse(expected.isEmpty(), "the emulator has samples in the window");
        assertEquals(expected, actual, "samples from " + Instant.ofEpochMilli(from) + " to " + Instant.ofEpochMilli(to));
    }

    /** The turbines the test profile exports, as the emulator finds them now. */
    private List<String> turbines() {
        List<String> ids = new ArrayList<>();
        search("enos:asset/search?fetchAll=true&pageSize=1000&expression=" + SyncFlowsProfile.TURBINES)
                .forEachRemaining(asset -> ids.add(asset.path("assetId").asText()));
        assertEquals(4, ids.size(), "turbines " + ids);
        return ids;
    }

    private Map<String, JsonNode> enosAssets() {
        Map<String, JsonNode> assets = new LinkedHashMap<>();
        search("enos:asset/search?fetchAll=true&pageSize=1000")
                .forEachRemaining(asset -> assets.put(asset.path("assetId").asText(), asset));
        return assets;
    }

    private Set<String> enosActiveAlerts() {
        Set<String> ids = new TreeSet<>();
        search("enos:alert/searchActiveAlerts?fetchAll=true&pageSize=100")
                .forEachRemaining(alert -> ids.add(alert.path("eventId").asText()));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private Iterator<JsonNode> search(String uri) {
        return template.requestBody(uri, null, Iterator.class);
    }

    /** Integration upload of one sample (plain JSON body, which the emulator takes besides multipart). */
    private void postMeasurepoint(String assetId, long time, String point, double value) {
        Map<String, Object> message = Map.of("id", "1", "version", "1.0", "method", "integration.measurepoint.post",
                "params", List.of(Map.of("assetId", assetId, "time", time, "measurepoints", Map.of(point, value))));
        template.requestBody("enos:api/call?service=connect-service&version=v2.1&path=integration&method=POST"
                             + "&action=postMeasurepoint", message);
    }

    private void stopTelemetry() throws Exception {
        camel.getRouteController().stopRoute(TelemetryExportRoute.ROUTE_ID);
    }

    private void startTelemetry() throws Exception {
        camel.getRouteController().startRoute(TelemetryExportRoute.ROUTE_ID);
    }

    private static void assertBetween(long low, long value, long high) {
        assertTrue(low <= value && value <= high, value + " between " + low + " and " + high);
    }

    private long count(String sql, Object... parameters) throws SQLException {
        Object value = rows(sql, parameters).get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Set<String> ids(String sql) throws SQLException {
        Set<String> ids = new TreeSet<>();
        rows(sql).forEach(row -> ids.add((String) row.values().iterator().next()));
        return ids;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** The rows of a query, column names in lower case (H2 answers them in upper case). */
    private List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put((String) row.get(key), row));
        return byKey;
    }
}
