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

    /**
     * Splits the points, then the assets, into chunks that stay within both limits for this page size: as few
     * requests as EnOS allows (a few assets are read in parallel by time segments, not split into small requests).
     */
    static List<TsdbChunk> plan(List<String> assetIds, List<String> pointIds, int pageSize) {
        int maxPairs = Math.max(1, Math.min(MAX_PAIRS, MAX_RECORDS / pageSize));
        List<TsdbChunk> chunks = new ArrayList<>();
        for (List<String> points : partition(pointIds, maxPairs)) {
            for (List<String> assets : partition(assetIds, Math.max(1, maxPairs / points.size()))) {
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
