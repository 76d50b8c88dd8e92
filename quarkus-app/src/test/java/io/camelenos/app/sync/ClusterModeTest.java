package io.camelenos.app.sync;

import static io.camelenos.app.TestUsers.asReader;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.camelenos.app.PrometheusMetrics;
import io.camelenos.app.sync.alert.AlertSyncRoute;
import io.camelenos.app.sync.asset.AssetSyncRoute;
import io.camelenos.app.sync.telemetry.TelemetryExportRoute;
import io.camelenos.component.consumer.AssetPartition;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode with a single replica: it leads every sync route (the singletons and each telemetry partition),
 * {@code GET /api/cluster} says so, and the partitions between them export every sample of the selected turbines.
 */
@QuarkusTest
@TestProfile(ClusterModeProfile.class)
class ClusterModeTest {

    private static final Duration SYNC = Duration.ofSeconds(30);
    private static final String POLLS = "camelenos_sync_polls_total";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext camel;

    @Test
    void theOnlyReplicaLeadsEverySyncRoute() {
        List<String> routes = allSyncRoutes();
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            JsonPath cluster = asReader().get("/api/cluster").then().statusCode(200).extract().jsonPath();
            assertEquals(ClusterModeProfile.INSTANCE, cluster.getString("instanceId"));
            assertEquals("file", cluster.getString("kind"));
            assertTrue(cluster.getBoolean("enabled"));
            assertEquals(new java.util.TreeSet<>(routes), new java.util.TreeSet<>(cluster.getList("leads", String.class)));
            for (String route : routes) {
                assertEquals(ClusterModeProfile.INSTANCE, cluster.getString("leaders.'" + route + "'"), route);
            }
            // the status page shows the same view
            JsonPath status = asReader().get("/api/status").then().statusCode(200).extract().jsonPath();
            assertEquals(ClusterModeProfile.INSTANCE, status.getString("cluster.instanceId"));
            assertEquals(new java.util.TreeSet<>(routes),
                    new java.util.TreeSet<>(status.getList("cluster.leads", String.class)));
            // a row per sync route, the telemetry export one per partition, none "not-leader" on the only replica
            assertEquals(new java.util.TreeSet<>(routes),
                    new java.util.TreeSet<>(status.getList("flows.routeId", String.class)));
            assertFalse(status.getList("flows.state", String.class).contains("not-leader"));
            assertFalse(status.getList("flows.state", String.class).contains("off"));
        });
        for (String route : routes) {
            assertTrue(camel.getRoute(route).getEndpoint().getEndpointUri().startsWith("master:camel-enos-" + route + ":"),
                    route + " is behind master:");
        }
    }

    @Test
    void theClusterViewNeedsTheReaderRole() {
        given().get("/api/cluster").then().statusCode(401);
    }

    @Test
    void thePartitionsTogetherExportEverySampleOnce() throws SQLException {
        long upTo = System.currentTimeMillis();
        PrometheusMetrics before = PrometheusMetrics.scrape();
        await().atMost(SYNC).ignoreExceptions().untilAsserted(() -> {
            PrometheusMetrics now = PrometheusMetrics.scrape();
            for (int k = 0; k < ClusterModeProfile.PARTITIONS; k++) {
                String flow = TelemetryExportRoute.FLOW + "-p" + k;
                // two polls after upTo: the first may have begun before it
                assertTrue(now.sum(POLLS, "flow", flow, "outcome", "ok")
                           >= before.sum(POLLS, "flow", flow, "outcome", "ok") + 2, flow + " polls");
            }
        });
        long from = upTo - Duration.ofHours(2).toMillis();
        Map<String, Double> expected = new TreeMap<>();
        List<String> turbines = turbines();
        JsonNode data = template.requestBody("enos:tsdb/read?pageSize=1000&assetIds=" + String.join(",", turbines)
                + "&pointIds=" + String.join(",", SyncFlowsProfile.POINTS) + "&startTime=" + Instant.ofEpochMilli(from)
                + "&endTime=" + Instant.ofEpochMilli(upTo), null, JsonNode.class);
        for (JsonNode item : data.path("items")) {
            for (String point : SyncFlowsProfile.POINTS) {
                if (item.has(point)) {
                    expected.put(item.path("assetId").asText() + "|" + point + "|" + item.path("timestamp").asLong(),
                            item.get(point).asDouble());
                }
            }
        }
        Map<String, Double> actual = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT asset_id, point_id, ts, num_value FROM enos_telemetry WHERE ts >= ? AND ts <= ?")) {
            select.setLong(1, from);
            select.setLong(2, upTo);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getLong(3);
                    assertTrue(actual.put(key, rows.getDouble(4)) == null, "one row per sample: " + key);
                }
            }
        }
        assertFalse(expected.isEmpty(), "the emulator has samples in the window");
        assertEquals(expected, actual);
        long partitionsWithTurbines = turbines.stream().map(id -> AssetPartition.of(id, ClusterModeProfile.PARTITIONS))
                .distinct().count();
        assertTrue(partitionsWithTurbines >= 2, "the turbines spread over several partitions: " + partitionsWithTurbines);
    }

    private static List<String> allSyncRoutes() {
        List<String> routes = new ArrayList<>(List.of(AssetSyncRoute.ROUTE_ID, AlertSyncRoute.ROUTE_ID));
        for (int k = 0; k < ClusterModeProfile.PARTITIONS; k++) {
            routes.add(TelemetryExportRoute.partitionRouteId(k));
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private List<String> turbines() {
        List<String> ids = new ArrayList<>();
        ((Iterator<JsonNode>) template.requestBody("enos:asset/search?fetchAll=true&pageSize=1000&expression="
                                                   + SyncFlowsProfile.TURBINES, null, Iterator.class))
                .forEachRemaining(asset -> ids.add(asset.path("assetId").asText()));
        assertEquals(4, ids.size(), "turbines " + ids);
        return ids;
    }
}
