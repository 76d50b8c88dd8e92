package io.camelenos.bench;

import io.camelenos.bench.replay.ReplayProcess;
import io.camelenos.component.consumer.EnosSearchConsumer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Drains a large org through the enos: search consumer in a JVM started with a small heap, the emulator in a JVM of
 * its own (so the heap figure is the consumer's alone), and prints the records read, the peak heap used and the most
 * pages the consumer held at once; it fails if a record is missing or the heap runs out.
 *
 * <pre>./mvnw -q -o -pl camel-enos-bench exec:exec -Dexec.executable=java \
 *   -Dexec.args="-Xmx64m -classpath %classpath io.camelenos.bench.LargeDrainMemory --assets 1000000"</pre>
 */
public final class LargeDrainMemory {

    private LargeDrainMemory() {
    }

    public static void main(String[] args) throws Exception {
        int assets = args.length >= 2 && args[0].equals("--assets") ? Integer.parseInt(args[1]) : 1_000_000;
        String options = args.length >= 4 && args[2].equals("--enos-options") ? args[3] : "";
        try (ReplayProcess source = ReplayProcess.start(assets, 0, false);
             EnosConsumerDrain drain = new EnosConsumerDrain(source.url(), source.orgId(), source.appKey(),
                     source.appSecret(), 1000, false, options)) {
            Tally tally = Tally.cheap();
            long started = System.nanoTime();
            drain.drain(tally);
            double seconds = (System.nanoTime() - started) / 1e9;
            // what survived collections: the pools' peaks are not at the same moment, so their sum overstates
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    peak = Math.max(peak, pool.getCollectionUsage().getUsed());
                }
            }
            int held = ((EnosSearchConsumer) drain.consumer()).getMaxPagesHeld();
            System.out.printf("drained %d of %d assets in %.1f s; max heap %d MiB; largest pool after its last collection "
                              + "%d MiB; most pages held at once %d%n", tally.count(), assets, seconds,
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20, held);
            if (tally.count() != assets) {
                throw new IllegalStateException("read " + tally.count() + " records, expected " + assets);
            }
        }
    }
}
