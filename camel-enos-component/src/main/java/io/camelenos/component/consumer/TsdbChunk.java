package io.camelenos.component.consumer;

import java.util.ArrayList;
import java.util.List;

/**
 * One TSDB request's share of the assets and points, sized so that EnOS accepts it (reference §4.6): at most 3,000
 * (asset, point) pairs, and pairs × pageSize at most 640,000.
 *
 * @param assetIds the assets of the request
 * @param pointIds the points of the request
 */
record TsdbChunk(List<String> assetIds, List<String> pointIds) {

    static final int MAX_PAIRS = 3000;
    static final int MAX_RECORDS = 640_000;

    /** The largest page size a request may ask for at all (one asset, one point). */
    static int maxPageSize() {
        return MAX_RECORDS;
    }

    /** Splits the points, then the assets, into chunks that stay within both limits for this page size. */
    static List<TsdbChunk> plan(List<String> assetIds, List<String> pointIds, int pageSize) {
        return plan(assetIds, pointIds, pageSize, 1);
    }

    /**
     * The same, with the assets split further where the limits alone would give fewer than {@code minChunks} chunks
     * (down to one asset a chunk), so that that many requests can be in flight at once.
     */
    static List<TsdbChunk> plan(List<String> assetIds, List<String> pointIds, int pageSize, int minChunks) {
        int maxPairs = Math.max(1, Math.min(MAX_PAIRS, MAX_RECORDS / pageSize));
        List<List<String>> pointParts = partition(pointIds, maxPairs);
        int assetParts = (minChunks + pointParts.size() - 1) / pointParts.size();
        int assetsForParallel = Math.max(1, (assetIds.size() + assetParts - 1) / Math.max(1, assetParts));
        List<TsdbChunk> chunks = new ArrayList<>();
        for (List<String> points : pointParts) {
            int assetsPerChunk = Math.max(1, Math.min(maxPairs / points.size(), assetsForParallel));
            for (List<String> assets : partition(assetIds, assetsPerChunk)) {
                chunks.add(new TsdbChunk(assets, points));
            }
        }
        return chunks;
    }

    private static List<List<String>> partition(List<String> items, int size) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            parts.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return parts;
    }
}
