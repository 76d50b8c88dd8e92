package io.camelenos.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelenos.app.PackagedApp;
import io.camelenos.app.PostgresqlAvailable;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three packaged app JVMs (the PostgreSQL build, {@code target/postgresql/quarkus-app}) in cluster mode with the
 * default cluster settings, one shared PostgreSQL schema of this run's own (dropped afterwards), one standalone emulator
 * answering after 20 ms: every route has exactly one leader among them and each replica leads some; a replica killed
 * with SIGKILL has its routes led by the others within 30 s, twice in a row (the last replica ends up leading all);
 * and the bounded telemetry backfill run across those
 * failovers leaves in the table exactly the emulator's series: no gap, no duplicate, nothing else.
 */
@ExtendWith(PostgresqlAvailable.class)
class ClusterFailoverIT {

    /** The app as built for PostgreSQL (the database kind is fixed at build time; see the pom). */
    private static final Path POSTGRESQL_APP = Path.of("target", "postgresql", "quarkus-app", "quarkus-run.jar");

    private static final String SECRET = "cluster-it-app-secret";
    private static final String READER = "cluster-reader";
    private static final String READER_PASSWORD = "cluster-reader-password";
    private static final int PARTITIONS = 8;
    private static final int ASSETS = 60;
    private static final Instant START = Instant.parse("2024-02-20T00:00:00Z");
    private static final Instant END = Instant.parse("2024-02-21T23:59:59.999Z");
    private static final List<PointDef> POINTS = ThingModels.WIND_TURBINE.points().subList(0, 2);
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void replicasShareTheRoutesTakeOverAKilledLeaderAndExportEverySampleOnce() throws Exception {
        Path locks = Files.createTempDirectory("camel-enos-cluster-it");
        String schema = "camel_enos_cluster_" + Long.toHexString(System.nanoTime());
        String base = PostgresqlAvailable.url();
        String jdbc = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute(base, "CREATE SCHEMA " + schema);
        List<PackagedApp> apps = new ArrayList<>();
        try (EnosSimulator emulator = EnosSimulator.builder().port(0).assets(ASSETS).seed(42).appSecret(SECRET)
                .authMode(AuthMode.STRICT).build().start()) {
            emulator.clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
            emulator.faults().latencyMillis(20);
            // migrated once here, so that three replicas starting together do not race Flyway
            Flyway.configure().dataSource(jdbc, PostgresqlAvailable.user(), null).schemas(schema)
                    .locations("classpath:db/migration").load().migrate();
            Map<String, Integer> turbines = turbines(emulator);
            for (int i = 1; i <= 3; i++) {
                apps.add(PackagedApp.start(POSTGRESQL_APP, "cluster-" + i, env(emulator, jdbc, schema, locks,
                        "replica-" + i)));
            }
            for (PackagedApp app : apps) {
                app.awaitListening(Duration.ofSeconds(60));
            }
            List<String> routes = routes();
            // each replica joins the ten elections one every 3 s (the join interval), in an order of its own
            Map<String, List<String>> leads = awaitOneLeaderEach(apps, routes, Duration.ofSeconds(60));
            System.out.println("cluster IT: routes per replica " + leads);
            for (PackagedApp app : apps) {
                assertTrue(!leads.get(app.url()).isEmpty(), "each replica leads some routes: " + leads);
            }

            Set<String> expected = expectedSamples(emulator, turbines);
            long telemetryAtFirstKill = count(jdbc, "SELECT COUNT(*) FROM enos_telemetry");
            leads = failover(apps, leads, routes, "first");
            // at once again, while the backfill runs: the last replica takes every route over
            long telemetryAtSecondKill = count(jdbc, "SELECT COUNT(*) FROM enos_telemetry");
            failover(apps, leads, routes, "second");
            // the failovers moved partitions in the middle of the backfill: they resumed from the shared watermarks
            assertTrue(telemetryAtSecondKill < expected.size(), "killed mid-backfill: " + telemetryAtSecondKill);

            awaitCount(jdbc, expected.size(), Duration.ofSeconds(90));
            System.out.printf("cluster IT: %d turbines, %d samples, %d of them in the table at the first kill, %d at the "
                              + "second%n", turbines.size(), expected.size(), telemetryAtFirstKill, telemetryAtSecondKill);
            Set<String> table = tableSamples(jdbc);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(table);
            Set<String> extra = new TreeSet<>(table);
            extra.removeAll(expected);
            assertTrue(missing.isEmpty() && extra.isEmpty(), missing.size() + " samples missing (a gap), e.g. "
                    + missing.stream().limit(5).toList() + "; " + extra.size() + " not in the emulator's series, e.g. "
                    + extra.stream().limit(5).toList());
            assertEquals(expected.size(), count(jdbc, "SELECT COUNT(*) FROM enos_telemetry"), "one row per sample");
        } finally {
            for (PackagedApp app : apps) {
                app.close();
            }
            execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PostgresqlAvailable.user(), null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Kills the replica that leads most routes and waits until the survivors lead each of its routes; answers what
     * each survivor leads then.
     */
    private Map<String, List<String>> failover(List<PackagedApp> apps, Map<String, List<String>> leads,
                                               List<String> routes, String label) throws Exception {
        PackagedApp victim = live(apps).stream().max((a, b) -> leads.get(a.url()).size() - leads.get(b.url()).size())
                .orElseThrow();
        List<String> orphaned = leads.get(victim.url());
        long killedAt = System.nanoTime();
        victim.kill();
        Map<String, List<String>> after = awaitOneLeaderEach(live(apps), routes, FAILOVER_LIMIT);
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("cluster IT: failover %s: %d routes (%s) led again after %d ms%n", label, orphaned.size(),
                orphaned, took.toMillis());
        assertTrue(took.compareTo(FAILOVER_LIMIT) <= 0, "failover took " + took);
        return after;
    }

    /** Waits until every route has exactly one leader among the apps; answers each app's routes. */
    private Map<String, List<String>> awaitOneLeaderEach(List<PackagedApp> apps, List<String> routes, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<String>> leads = new HashMap<>();
        while (System.nanoTime() < deadline) {
            leads.clear();
            List<String> all = new ArrayList<>();
            for (PackagedApp app : apps) {
                List<String> mine = new ArrayList<>();
                json.readTree(get(app.url() + "/api/cluster")).path("leads").forEach(r -> mine.add(r.asText()));
                leads.put(app.url(), mine);
                all.addAll(mine);
            }
            if (all.size() == routes.size() && new TreeSet<>(all).equals(new TreeSet<>(routes))) {
                return leads;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not one leader per route within " + timeout + ": " + leads);
    }

    private static List<PackagedApp> live(List<PackagedApp> apps) {
        return apps.stream().filter(PackagedApp::isAlive).toList();
    }

    private static List<String> routes() {
        List<String> routes = new ArrayList<>(List.of("asset-sync", "alert-sync"));
        for (int k = 0; k < PARTITIONS; k++) {
            routes.add("telemetry-export-p" + k);
        }
        return routes;
    }

    private String get(String url) throws Exception {
        String auth = Base64.getEncoder().encodeToString((READER + ":" + READER_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    /** The turbines of the emulated org (the app's default asset expression), by id, with their index. */
    private static Map<String, Integer> turbines(EnosSimulator emulator) {
        Map<String, Integer> turbines = new HashMap<>();
        for (int i = 0; i < ASSETS; i++) {
            if (emulator.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                turbines.put(emulator.dataSet().assetId(i), i);
            }
        }
        return turbines;
    }

    /** Every (asset, point, timestamp) the emulator holds for the exported turbines and points in the window. */
    private static Set<String> expectedSamples(EnosSimulator emulator, Map<String, Integer> turbines) {
        TimeSeries series = new TimeSeries(emulator.dataSet());
        Set<String> samples = new HashSet<>();
        for (Map.Entry<String, Integer> turbine : turbines.entrySet()) {
            for (PointDef point : POINTS) {
                long interval = TimeSeries.intervalMillis(point);
                for (long t = TimeSeries.firstSampleAtOrAfter(point, START.toEpochMilli()); t <= END.toEpochMilli();
                     t += interval) {
                    if (series.hasSample(turbine.getValue(), point, t)) {
                        samples.add(turbine.getKey() + "|" + point.id() + "|" + t);
                    }
                }
            }
        }
        return samples;
    }

    private static Set<String> tableSamples(String jdbc) throws Exception {
        Set<String> samples = new HashSet<>();
        try (Connection c = DriverManager.getConnection(jdbc, PostgresqlAvailable.user(), null);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT asset_id, point_id, ts FROM enos_telemetry")) {
            while (rows.next()) {
                samples.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getLong(3));
            }
        }
        return samples;
    }

    private static void awaitCount(String jdbc, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            rows = count(jdbc, "SELECT COUNT(*) FROM enos_telemetry");
            if (rows >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the backfill wrote " + rows + " of " + expected + " samples within " + timeout);
    }

    private static long count(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, PostgresqlAvailable.user(), null);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, String> env(EnosSimulator emulator, String jdbc, String schema, Path locks, String id) {
        return PackagedApp.env(
                "CAMEL_COMPONENT_ENOS_GATEWAY_URL", emulator.baseUrl(),
                "CAMEL_COMPONENT_ENOS_APP_KEY", emulator.appKey(),
                "CAMEL_COMPONENT_ENOS_APP_SECRET", SECRET,
                "CAMEL_COMPONENT_ENOS_ORG_ID", emulator.orgId(),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbc,
                "QUARKUS_DATASOURCE_USERNAME", PostgresqlAvailable.user(),
                "QUARKUS_FLYWAY_SCHEMAS", schema,
                "CAMEL_ENOS_API_READER_USERNAME", READER,
                "CAMEL_ENOS_API_READER_PASSWORD", READER_PASSWORD,
                "CAMEL_ENOS_ASSETS_DELAY", "2s",
                "CAMEL_ENOS_ALERTS_DELAY", "2s",
                "CAMEL_ENOS_TELEMETRY_POINT_IDS", POINTS.get(0).id() + "," + POINTS.get(1).id(),
                "CAMEL_ENOS_TELEMETRY_START_TIME", START.toString(),
                "CAMEL_ENOS_TELEMETRY_END_TIME", END.toString(),
                "CAMEL_ENOS_TELEMETRY_PAGE_SIZE", "20",
                "CAMEL_ENOS_TELEMETRY_DELAY", "1s",
                // one request at a time per partition, so that the backfill (fast with parallel time segments) still
                // lasts through both failovers
                "CAMEL_COMPONENT_ENOS_PARALLEL_PAGES", "1",
                "CAMEL_ENOS_CLUSTER_ENABLED", "true",
                "CAMEL_ENOS_CLUSTER_INSTANCE_ID", id,
                "CAMEL_ENOS_CLUSTER_FILE_ROOT", locks.toString(),
                "JAVA_TOOL_OPTIONS", "-Xmx256m -XX:TieredStopAtLevel=1");
    }
}
