package io.camelenos.bench;

import io.camelenos.simulator.EnosSimulator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Drains a large org through the enos: search consumer in a JVM started with a small heap, and prints the records
 * read and the peak heap used. The emulator runs in the same JVM, so the figure is an upper bound for the consumer.
 *
 * <pre>./mvnw -q -o -pl camel-enos-bench exec:exec -Dexec.executable=java \
 *   -Dexec.args="-Xmx128m -classpath %classpath io.camelenos.bench.LargeDrainMemory --assets 1000000"</pre>
 */
public final class LargeDrainMemory {

    private LargeDrainMemory() {
    }

    public static void main(String[] args) throws Exception {
        int assets = args.length >= 2 && args[0].equals("--assets") ? Integer.parseInt(args[1]) : 1_000_000;
        try (EnosSimulator sim = EnosSimulator.builder().assets(assets).requestLogCapacity(0).build().start();
             Drain drain = new EnosConsumerDrain(sim.baseUrl(), sim.orgId(), sim.appKey(), sim.appSecret(), 1000)) {
            long started = System.nanoTime();
            long records = drain.drain();
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("drained %d of %d assets in %.1f s; max heap %d MiB; peak heap used (sum of pool peaks) %d MiB%n",
                    records, assets, seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
            if (records != assets) {
                throw new IllegalStateException("read " + records + " records, expected " + assets);
            }
        }
    }
}
