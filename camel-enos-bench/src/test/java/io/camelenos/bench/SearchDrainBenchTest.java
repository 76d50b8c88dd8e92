package io.camelenos.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness itself works: every drain reads exactly the org's assets (a drain that loses records throws). */
class SearchDrainBenchTest {

    @Test
    void everyDrainReadsEveryAssetOfTheOrg() throws Exception {
        Map<String, Double> best = SearchDrainBench.run(2_500, 1, 500);

        assertEquals(5, best.size());
        best.forEach((name, rate) -> assertTrue(rate > 0, name));
    }
}
