package io.camelenos.bench;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelenos.component.EnosComponent;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.consumer.EnosSearchConsumer;
import io.camelenos.simulator.AuthMode;
import io.camelenos.simulator.EnosSimulator;
import io.camelenos.simulator.fault.Faults;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The consumers under a hostile network, at full size, with figures: a search drain of N assets under the fault mix
 * (latency 10 ms + up to 20 ms jitter, 10 % 503, 2 % 429 with Retry-After 1 s, 1 % drops, 1 % resets half-way through
 * the body, tokens expiring every 30 s), the same at 35 % 503 + 2 % drops with the default retries and with more, and
 * a 7-day TSDB backfill under the mix compared with a fault-free read of the same series.
 *
 * <pre>./mvnw -q -o -pl camel-enos-bench exec:java -Dexec.mainClass=io.camelenos.bench.FaultMixHarness \
 *   -Dexec.args="--assets 100000 --turbines 20"</pre>
 * ({@code --drains 0} runs the TSDB part only.)
 */
public final class FaultMixHarness {

    static final long START = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
    static final long END = Instant.parse("2024-02-07T23:59:59.999Z").toEpochMilli();

    private FaultMixHarness() {
    }

    public static void main(String[] args) throws Exception {
        int assets = intArg(args, "--assets", 100_000);
        int turbines = intArg(args, "--turbines", 20);
        int pageSize = intArg(args, "--page-size", 100);
        try (EnosSimulator sim = EnosSimulator.builder().assets(assets).seed(42).authMode(AuthMode.STRICT)
                .tokenTtlSeconds(30).requestLogCapacity(0).build().start()) {
            if (intArg(args, "--drains", 1) == 1) {
                drain(sim, "fault mix", pageSize, "", f -> mix(f));
                String shortBackoff = "&retryInitialBackoff=50&retryMaxBackoff=500";
                drain(sim, "35% 503 + 2% drops, default retries (3)", pageSize, shortBackoff,
                        f -> f.serverErrorRate(0.35).dropRate(0.02));
                drain(sim, "35% 503 + 2% drops, maxRetries=6", pageSize, "&maxRetries=6" + shortBackoff,
                        f -> f.serverErrorRate(0.35).dropRate(0.02));
            }
            tsdb(sim, turbines);
        }
    }

    static Faults mix(Faults faults) {
        return faults.latencyMillis(10).latencyJitterMillis(20).serverErrorRate(0.10).rateLimitRate(0.02)
                .retryAfterSeconds(1).dropRate(0.01).resetRate(0.01);
    }

    /** Polls a search consumer until a pass completes; prints polls, records, missing, duplicates and time. */
    private static void drain(EnosSimulator sim, String name, int pageSize, String options, Consumer<Faults> faults)
            throws Exception {
        sim.faults().clear();
        faults.accept(sim.faults());
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicLong exchanges = new AtomicLong();
        AtomicInteger complete = new AtomicInteger();
        CamelContext context = context(sim);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:asset/search?pageSize=" + pageSize + "&startScheduler=false" + options).routeId("drain")
                        .process(e -> {
                            exchanges.incrementAndGet();
                            keys.add(e.getMessage().getHeader(EnosConstants.RECORD_KEY, String.class));
                            if (Boolean.TRUE.equals(e.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class))) {
                                complete.incrementAndGet();
                            }
                        });
            }
        });
        context.start();
        long started = System.nanoTime();
        int polls = 0;
        while (complete.get() == 0 && polls < 100) {
            ((ScheduledPollConsumer) context.getRoute("drain").getConsumer()).run();
            polls++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int expected = sim.config().assets();
        System.out.printf("%-45s polls %3d  records %7d of %7d  missing %d  duplicates %d  %.1f s  pages held %d%n",
                name, polls, keys.size(), expected, expected - keys.size(), exchanges.get() - keys.size(), seconds,
                ((EnosSearchConsumer) context.getRoute("drain").getConsumer()).getMaxPagesHeld());
        context.stop();
    }

    /** A 7-day backfill of every point of N turbines, fault-free and under the mix: the two must be equal. */
    private static void tsdb(EnosSimulator sim, int turbines) throws Exception {
        String assets = String.join(",", TsdbSeries.turbines(sim, turbines));
        String uri = "enos:tsdb/read?assetIds=" + assets + "&pointIds=" + String.join(",", TsdbSeries.POINTS)
                     + "&startTime=2024-02-01T00:00:00Z&endTime=2024-02-07T23:59:59.999Z&pageSize=1000"
                     + "&splitResult=false&delay=10";
        Set<String> model = TsdbSeries.expected(sim, turbines, START, END);
        sim.faults().clear();
        TsdbSeries.Counts clean = TsdbSeries.readCounting(context(sim), uri, model.size());
        mix(sim.faults());
        long started = System.nanoTime();
        TsdbSeries.Counts faulty = TsdbSeries.readCounting(context(sim), uri, model.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        long missing = model.stream().filter(k -> !faulty.values().containsKey(k)).count();
        boolean equal = clean.values().equals(faulty.values());
        System.out.printf("%-45s samples %d of %d in the emulator's series  missing %d  duplicates %d  "
                          + "equal to the fault-free read (%d samples): %s  %.1f s%n",
                "TSDB 7-day backfill, " + turbines + " turbines, fault mix", faulty.values().size(), model.size(),
                missing, faulty.duplicates(), clean.values().size(), equal, seconds);
        sim.faults().clear();
    }

    static CamelContext context(EnosSimulator sim) {
        CamelContext context = new DefaultCamelContext();
        EnosComponent enos = new EnosComponent();
        enos.getConfiguration().setGatewayUrl(sim.baseUrl());
        enos.getConfiguration().setAppKey(sim.appKey());
        enos.getConfiguration().setAppSecret(sim.appSecret());
        enos.getConfiguration().setOrgId(sim.orgId());
        context.addComponent("enos", enos);
        return context;
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
