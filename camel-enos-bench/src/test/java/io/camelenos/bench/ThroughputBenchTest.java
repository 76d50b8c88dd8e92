package io.camelenos.bench;

import io.camelenos.bench.ThroughputBench.Figures;
import io.camelenos.bench.ThroughputBench.Settings;
import io.camelenos.bench.ThroughputBench.Suite;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness itself works, on a small result and the warm-up round only (kept short for the default build): every
 * peer reads exactly the same records once from the replay process (a peer that loses or repeats a record throws),
 * and the tally notices a lost or repeated record.
 */
class ThroughputBenchTest {

    @Test
    void everySearchPeerReadsEveryAssetOnceFromTheReplay() throws Exception {
        Map<String, Figures> figures = ThroughputBench.run(new Settings(Suite.SEARCH, 1_000, 0, 250, 0, 0, 0, ""));

        assertEquals(6, figures.size());
        figures.values().forEach(f -> assertEquals(1_000, f.records(), f.name()));
    }

    @Test
    void everyTsdbPeerReadsEverySampleOnceFromTheReplay() throws Exception {
        Map<String, Figures> figures = ThroughputBench.run(new Settings(Suite.TSDB, 100, 0, 500, 0, 2, 1, ""));

        assertEquals(3, figures.size());
        // 2 turbines x 2 one-minute points x 1 day, less the emulator's rare gaps
        long samples = figures.values().iterator().next().records();
        assertTrue(samples > 5_600 && samples <= 5_760, "samples: " + samples);
        figures.values().forEach(f -> assertEquals(samples, f.records(), f.name()));
    }

    @Test
    void theTallyNoticesALostARepeatedOrASwappedRecord() {
        Tally reference = Tally.exact();
        reference.record("a");
        reference.record("b");

        Tally repeated = Tally.exact();
        repeated.record("a");
        repeated.record("a");
        Tally swapped = Tally.cheap();
        swapped.record("a");
        swapped.record("c");
        Tally lost = Tally.cheap();
        lost.record("b");

        assertThrows(IllegalStateException.class, () -> repeated.check("repeated", reference));
        assertThrows(IllegalStateException.class, () -> swapped.check("swapped", reference));
        assertThrows(IllegalStateException.class, () -> lost.check("lost", reference));
        Tally same = Tally.cheap();
        same.record("b");
        same.record("a");
        same.check("same", reference);
    }
}
