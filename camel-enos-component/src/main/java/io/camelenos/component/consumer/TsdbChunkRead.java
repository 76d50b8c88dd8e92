package io.camelenos.component.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelenos.component.state.Watermarks;

/**
 * One chunk being read in a poll: its requests' time range, and its (asset, point) watermarks looked up once per
 * asset rather than once per record. The watermarks are used in the consumer's thread only.
 */
final class TsdbChunkRead {

    private final TsdbChunk chunk;
    private final long end;
    private final int pageSize;
    private final Map<String, Watermarks.Pair[]> pairsByAsset = new HashMap<>();

    TsdbChunkRead(TsdbChunk chunk, long end, int pageSize) {
        this.chunk = chunk;
        this.end = end;
        this.pageSize = pageSize;
    }

    TsdbChunk chunk() {
        return chunk;
    }

    long end() {
        return end;
    }

    int pageSize() {
        return pageSize;
    }

    /** Where this chunk's read starts: the earliest watermark of its pairs (minus the lookback). */
    long from(Watermarks watermarks) {
        long from = Long.MAX_VALUE;
        for (String asset : chunk.assetIds()) {
            for (String point : chunk.pointIds()) {
                from = Math.min(from, watermarks.of(asset, point).readFrom());
            }
        }
        return from;
    }

    /** The watermark of an asset and the chunk's point at that index. */
    Watermarks.Pair pair(Watermarks watermarks, String asset, int pointIndex) {
        Watermarks.Pair[] pairs = pairsByAsset.computeIfAbsent(asset,
                a -> new Watermarks.Pair[chunk.pointIds().size()]);
        Watermarks.Pair pair = pairs[pointIndex];
        if (pair == null) {
            pair = watermarks.of(asset, chunk.pointIds().get(pointIndex));
            pairs[pointIndex] = pair;
        }
        return pair;
    }

    /** The range is read: pairs with no record near the end move up to it too. */
    void readUpToEnd(Watermarks watermarks) {
        List<String> points = chunk.pointIds();
        chunk.assetIds().forEach(a -> points.forEach(p -> watermarks.of(a, p).readUpTo(end)));
    }
}
