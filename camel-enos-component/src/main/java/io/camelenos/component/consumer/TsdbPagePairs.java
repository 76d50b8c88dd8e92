package io.camelenos.component.consumer;

import io.camelenos.component.state.Watermarks;

/**
 * The watermarks of a page's (asset, point) pairs, looked up once per page rather than once per sample, and which
 * pairs are new over the whole page (their earliest sample on it is new and no timestamp is kept for them: every
 * sample after it is new too). A backfill or a forward read meets only such pages: then no sample is looked up, and
 * the page's records go out as EnOS sent them, their watermarks moved once per pair when the exchange completes.
 * Used in the consumer's thread.
 */
final class TsdbPagePairs {

    private final TsdbPage page;
    private final Watermarks.Pair[] pairs;
    private final boolean[] allNew;
    private final boolean wholePageNew;

    TsdbPagePairs(TsdbPage page, Watermarks watermarks) {
        this.page = page;
        this.pairs = new Watermarks.Pair[page.pairs()];
        this.allNew = new boolean[pairs.length];
        boolean whole = !page.hasSeveral();
        for (int p = 0; p < pairs.length; p++) {
            if (page.count(p) > 0) {
                pairs[p] = page.read().pair(watermarks, page.assetOfPair(p), page.pointOfPair(p));
                allNew[p] = pairs[p].isNewFrom(page.earliest(p));
                whole &= allNew[p];
            }
        }
        this.wholePageNew = whole;
    }

    /** Every sample of the page is new, and each record carries one point. */
    boolean isWholePageNew() {
        return wholePageNew;
    }

    /** The watermark of a record that carries one point. */
    Watermarks.Pair pair(int record) {
        return pairs[page.pair(record)];
    }

    /** Whether a record that carries one point has not been delivered before. */
    boolean isNew(int record) {
        int p = page.pair(record);
        return allNew[p] || pairs[p].isNew(page.timestamp(record));
    }

    /** The exchange of the whole page (every sample new) completed (true) or failed (false). */
    void wholePageOutcome(boolean ok) {
        boolean[] eachSample = null;
        for (int p = 0; p < pairs.length; p++) {
            if (pairs[p] == null) {
                continue;
            }
            if (!ok) {
                pairs[p].failed();
            } else if (!pairs[p].deliveredUpTo(page.latest(p))) {
                eachSample = eachSample == null ? new boolean[pairs.length] : eachSample;
                eachSample[p] = true;
            }
        }
        if (eachSample != null) {
            deliverEach(eachSample);
        }
    }

    /** Pairs that keep their timestamps (a lookback, or a failure earlier in the poll) are told of each sample. */
    private void deliverEach(boolean[] eachSample) {
        for (int r = 0; r < page.size(); r++) {
            int p = page.pair(r);
            if (eachSample[p]) {
                pairs[p].delivered(page.timestamp(r));
            }
        }
    }
}
