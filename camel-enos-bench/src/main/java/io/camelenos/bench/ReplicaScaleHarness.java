package io.camelenos.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.data.PointDef;
import io.camelenos.simulator.data.ThingModels;
import io.camelenos.simulator.data.TimeSeries;

/**
 * One against three replicas of the packaged ETL app (its PostgreSQL build) on one fixed telemetry backfill: the same
 * turbines, points and window, an emulator answering after 20 to 50 ms, a fresh PostgreSQL schema per run. Prints, per
 * run, the seconds until the table holds every sample (from the launch of the JVMs and from the first row), the rows
 * per second, and the CPU time each app JVM used (so that a run capped by the machine's cores shows it), then the
 * speed-up over the first run.
 * Runs: one replica with cluster mode off (one export route), one replica in cluster mode (it leads all telemetry
 * partitions), three replicas in cluster mode. It asserts nothing about speed.
 *
 * <pre>java -cp $CP io.camelenos.bench.ReplicaScaleHarness --turbines 30 --days 1</pre> (see the module README)
 */
public final class ReplicaScaleHarness {

    private static final String SECRET = "replica-bench-app-secret";
    private static final Instant START = Instant.parse("2024-02-01T00:00:00Z");
    private static final List<PointDef> POINTS = ThingModels.WIND_TURBINE.points().subList(0, 2);

    private ReplicaScaleHarness() {
    }

    /** One run of the backfill: how many replicas, and whether cluster mode is on. */
    record Run(String name, int replicas, boolean cluster) {
    }

    /** What one run measured. */
    record Result(Run run, long rows, Duration took, Duration exporting, List<Duration> appCpu) {

        Duration cpu() {
            return appCpu.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    public static void main(String[] args) throws Exception {
        int turbines = FaultMixHarness.intArg(args, "--turbines", 40);
        int days = FaultMixHarness.intArg(args, "--days", 2);
        int pageSize = FaultMixHarness.intArg(args, "--page-size", 20);
        int latency = FaultMixHarness.intArg(args, "--latency-ms", 20);
        int jitter = FaultMixHarness.intArg(args, "--jitter-ms", 30);
        Path jar = Path.of(arg(args, "--jar", "quarkus-app/target/postgresql/quarkus-app/quarkus-run.jar"));
        String pg = arg(args, "--pg-url", System.getenv().getOrDefault("CAMEL_ENOS_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test"));
        String pgUser = System.getenv().getOrDefault("CAMEL_ENOS_TEST_PG_USER", "postgres");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar " + jar + " does not exist: build it with ./mvnw -B -o -pl "
                                               + "quarkus-app -am package -Dtest=None "
                                               + "-Dsurefire.failIfNoSpecifiedTests=false (not -DskipTests)");
        }
        Instant end = START.plus(Duration.ofDays(days)).minusMillis(1);
        List<Run> runs = List.of(new Run("1 replica, cluster mode off (one export route)", 1, false),
                new Run("1 replica, cluster mode (leads all 8 partitions)", 1, true),
                new Run("3 replicas, cluster mode (8 partitions shared)", 3, true));
        List<Result> results = new ArrayList<>();
        try (EnosSimulator sim = EnosSimulator.builder().port(0).assets(Math.max(200, turbines * 4)).seed(42)
                .appSecret(SECRET).authMode(AuthMode.STRICT).requestLogCapacity(0).build().start()) {
            sim.clock().fixAt(Instant.parse("2024-03-01T00:00:00Z"));
            sim.faults().latencyMillis(latency).latencyJitterMillis(jitter);
            List<String> assets = TsdbSeries.turbines(sim, turbines);
            long expected = expected(sim, turbines, end);
            System.out.printf("replica scale: %d turbines x %d points, %d days, %d samples, pageSize %d, latency %d-%d ms, "
                              + "%d cores%n", turbines, POINTS.size(), days, expected, pageSize, latency, latency + jitter,
                    Runtime.getRuntime().availableProcessors());
            for (Run run : runs) {
                Result result = run(run, sim, assets, end, pageSize, expected, jar, pg, pgUser);
                results.add(result);
                print(result, results.get(0));
            }
        }
        System.out.println();
        System.out.println("| run | s from launch | s from first row | rows/s (from first row) | app CPU s (per JVM) "
                           + "| speed-up over the first (from first row) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %s | %.1f | %.1f | %,.0f | %.1f (%s) | %.2fx |%n", r.run().name(), seconds(r.took()),
                    seconds(r.exporting()), r.rows() / seconds(r.exporting()), seconds(r.cpu()), r.appCpu().stream()
                            .map(c -> String.format("%.1f", seconds(c))).toList(),
                    seconds(results.get(0).exporting()) / seconds(r.exporting()));
        }
        Result one = results.get(1);
        Result three = results.get(2);
        System.out.printf("3 replicas vs 1 replica (both cluster mode): %.2fx from launch, %.2fx from the first row%n",
                seconds(one.took()) / seconds(three.took()), seconds(one.exporting()) / seconds(three.exporting()));
    }

    private static Result run(Run run, EnosSimulator sim, List<String> assets, Instant end, int pageSize, long expected,
                              Path jar, String pg, String pgUser) throws Exception {
        String schema = "camel_enos_bench_" + Long.toHexString(System.nanoTime());
        String jdbc = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute(pg, pgUser, "CREATE SCHEMA " + schema);
        Path locks = Files.createTempDirectory("camel-enos-bench-locks");
        List<Process> apps = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 1; i <= run.replicas(); i++) {
                apps.add(start(jar, env(sim, assets, end, pageSize, jdbc, pgUser, schema, locks, run, i),
                        Files.createTempFile("camel-enos-bench-replica-" + i + "-", ".log")));
            }
            long firstRow = awaitRows(jdbc, pgUser, 1, apps);
            long done = awaitRows(jdbc, pgUser, expected, apps);
            long rows = count(jdbc, pgUser);
            if (rows != expected) {
                throw new IllegalStateException(rows + " rows for " + expected + " samples");
            }
            List<Duration> cpu = apps.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).toList();
            return new Result(run, rows, Duration.ofNanos(done - started), Duration.ofNanos(done - firstRow), cpu);
        } finally {
            for (Process app : apps) {
                app.destroy();
                app.waitFor();
            }
            execute(pg, pgUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Process start(Path jar, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear(); // only what the run sets: no CAMEL_ENOS_* of the caller's shell
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * Waits until the table holds at least {@code expected} rows; answers the {@link System#nanoTime()} then. Fails if
     * an app dies or rows stop coming for two minutes (the first row waits for the JVMs to boot).
     */
    private static long awaitRows(String jdbc, String user, long expected, List<Process> apps) throws Exception {
        long rows = -1;
        long last = -1;
        long stillSince = System.nanoTime();
        while (rows < expected) {
            Thread.sleep(250);
            for (Process app : apps) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("a replica stopped (exit " + app.exitValue() + ")");
                }
            }
            rows = count(jdbc, user);
            if (rows != last) {
                last = rows;
                stillSince = System.nanoTime();
            } else if (System.nanoTime() - stillSince > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("no new row for two minutes: " + rows + " of " + expected);
            }
        }
        return System.nanoTime();
    }

    private static long count(String jdbc, String user) {
        try (Connection c = DriverManager.getConnection(jdbc, user, null); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM enos_telemetry")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return 0; // the schema is not migrated yet
        }
    }

    private static void execute(String url, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> env(EnosSimulator sim, List<String> assets, Instant end, int pageSize, String jdbc,
                                           String user, String schema, Path locks, Run run, int replica) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("CAMEL_COMPONENT_ENOS_GATEWAY_URL", sim.baseUrl());
        env.put("CAMEL_COMPONENT_ENOS_APP_KEY", sim.appKey());
        env.put("CAMEL_COMPONENT_ENOS_APP_SECRET", SECRET);
        env.put("CAMEL_COMPONENT_ENOS_ORG_ID", sim.orgId());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        env.put("CAMEL_ENOS_API_READER_USERNAME", "bench-reader");
        env.put("CAMEL_ENOS_API_READER_PASSWORD", "bench-reader-password");
        env.put("CAMEL_ENOS_ASSETS_ENABLED", "false");
        env.put("CAMEL_ENOS_ALERTS_ENABLED", "false");
        env.put("CAMEL_ENOS_TELEMETRY_ASSET_EXPRESSION", "");
        env.put("CAMEL_ENOS_TELEMETRY_ASSET_IDS", String.join(",", assets));
        env.put("CAMEL_ENOS_TELEMETRY_POINT_IDS", POINTS.get(0).id() + "," + POINTS.get(1).id());
        env.put("CAMEL_ENOS_TELEMETRY_START_TIME", START.toString());
        env.put("CAMEL_ENOS_TELEMETRY_END_TIME", end.toString());
        env.put("CAMEL_ENOS_TELEMETRY_PAGE_SIZE", String.valueOf(pageSize));
        env.put("CAMEL_ENOS_TELEMETRY_DELAY", "1s");
        env.put("CAMEL_ENOS_CLUSTER_ENABLED", String.valueOf(run.cluster()));
        if (run.cluster()) {
            env.put("CAMEL_ENOS_CLUSTER_INSTANCE_ID", "replica-" + replica);
            env.put("CAMEL_ENOS_CLUSTER_FILE_ROOT", locks.toString());
        }
        env.put("JAVA_TOOL_OPTIONS", "-Xmx256m");
        return env;
    }

    /** The samples of the two 1-minute points of the first turbines over the window: what the table must hold. */
    private static long expected(EnosSimulator sim, int turbines, Instant end) {
        TimeSeries series = new TimeSeries(sim.dataSet());
        long samples = 0;
        int found = 0;
        for (int i = 0; found < turbines; i++) {
            if (!sim.dataSet().modelOf(i).modelId().equals(ThingModels.WIND_TURBINE.modelId())) {
                continue;
            }
            found++;
            for (PointDef point : POINTS) {
                for (long t = TimeSeries.firstSampleAtOrAfter(point, START.toEpochMilli()); t <= end.toEpochMilli();
                     t += TimeSeries.intervalMillis(point)) {
                    if (series.hasSample(i, point, t)) {
                        samples++;
                    }
                }
            }
        }
        return samples;
    }

    private static void print(Result r, Result first) {
        System.out.printf("replica scale: %s: %d rows in %.1f s from launch, %.1f s from the first row (%.2fx the first "
                          + "run), app CPU %.1f s%n", r.run().name(), r.rows(), seconds(r.took()), seconds(r.exporting()),
                seconds(first.exporting()) / seconds(r.exporting()), seconds(r.cpu()));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
