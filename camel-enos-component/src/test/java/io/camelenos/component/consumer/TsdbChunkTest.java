package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TSDB request plan: every (asset, point) pair exactly once, every request within EnOS's limits. */
class TsdbChunkTest {

    @Test
    void everyPairIsPlannedOnceWithinBothLimits() {
        for (int pageSize : new int[] {1, 10, 100, 213, 1000, 5000, 640_000}) {
            for (int points : new int[] {1, 5, 7}) {
                check(ids("a", 3500), ids("p", points), pageSize);
            }
            check(ids("a", 3), ids("p", 3001), pageSize); // more points than one request may hold
        }
    }

    @Test
    void aThousandRecordsPerPairAllowsSixHundredFortyPairsARequest() {
        List<TsdbChunk> chunks = TsdbChunk.plan(ids("a", 3000), ids("p", 5), 1000);

        assertEquals(24, chunks.size());
        assertEquals(128, chunks.get(0).assetIds().size());
    }

    @Test
    void fewAssetsMakeOneRequest() {
        List<TsdbChunk> chunks = TsdbChunk.plan(ids("a", 20), ids("p", 2), 1000);

        assertEquals(1, chunks.size());
        assertEquals(20, chunks.get(0).assetIds().size());
    }

    private static void check(List<String> assets, List<String> points, int pageSize) {
        check(TsdbChunk.plan(assets, points, pageSize), (long) assets.size() * points.size(), pageSize);
    }

    private static void check(List<TsdbChunk> plan, long expectedPairs, int pageSize) {
        Set<String> pairs = new HashSet<>();
        for (TsdbChunk chunk : plan) {
            long size = (long) chunk.assetIds().size() * chunk.pointIds().size();
            assertTrue(size <= 3000 && size * pageSize <= 640_000,
                    size + " pairs of " + pageSize + " records");
            chunk.assetIds().forEach(a -> chunk.pointIds().forEach(p -> assertTrue(pairs.add(a + "/" + p))));
        }
        assertEquals(expectedPairs, pairs.size());
    }

    private static List<String> ids(String prefix, int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> prefix + i).toList());
    }
}
