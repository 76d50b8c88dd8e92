package io.camelenos.component.consumer;

import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.DefaultConsumer;

/**
 * Routes the exchanges of one poll, one at a time, with Camel's batch properties. It holds back one exchange so that
 * the last one of the batch can be marked {@code CamelBatchComplete} without knowing the count in advance. The hold-back
 * stays even when the total is known from the first page: which exchange ends a poll is only known after it was
 * offered (records dropped as seen twice or outside a partition, unchanged ones under changesOnly, and above all a
 * later page's request failing, which makes the previous page's last record the poll's last, marked incomplete). It
 * costs a reference per exchange, not a copy. A batch may
 * span several polls (a search pass resumed after a failure): its indexes then go on from where the last poll stopped,
 * and only the poll that ends the batch marks its last exchange complete.
 */
final class BatchEmitter {

    /** The outcome callback of an exchange whose success or failure nobody waits for. */
    static final Consumer<Boolean> NO_OUTCOME = ok -> {
    };

    private final DefaultConsumer consumer;
    private final EnosConsumerStats stats;
    private Exchange pending;
    private Consumer<Boolean> pendingOutcome;
    private final int firstIndex;
    private int index;
    private long expected = -1;
    /** {@code expected} boxed once, for the CamelBatchSize of every exchange but the last. */
    private Integer expectedSize;

    BatchEmitter(DefaultConsumer consumer) {
        this(consumer, 0);
    }

    /** @param firstIndex the CamelBatchIndex of the first exchange (those routed by earlier polls of the batch) */
    BatchEmitter(DefaultConsumer consumer, int firstIndex) {
        this.consumer = consumer;
        this.stats = consumer instanceof EnosConsumerStats.Source source ? source.getStats() : new EnosConsumerStats();
        this.firstIndex = firstIndex;
        this.index = firstIndex;
    }

    /** The number of exchanges this poll is expected to send (CamelBatchSize until the last one), if known. */
    void expect(long size) {
        this.expected = size;
        this.expectedSize = size >= 0 && size <= Integer.MAX_VALUE ? (int) size : null;
    }

    /**
     * Queues an exchange; the one queued before it is routed now.
     *
     * @param outcome told true when the exchange completed, false when it failed
     */
    void offer(Exchange exchange, Consumer<Boolean> outcome) {
        if (pending != null) {
            send(false);
        }
        pending = exchange;
        pendingOutcome = outcome;
    }

    /** Runs the action once every exchange offered so far has been routed (now, if none is held back). */
    void then(Runnable action) {
        if (pending == null) {
            action.run();
        } else {
            Consumer<Boolean> outcome = pendingOutcome;
            pendingOutcome = ok -> {
                outcome.accept(ok);
                action.run();
            };
        }
    }

    /** Routes the exchange held back, as the last of the batch, after letting the caller add headers to it. */
    void finish(Consumer<Exchange> lastTouch) {
        finish(lastTouch, true);
    }

    /**
     * Routes the exchange held back, after letting the caller add headers to it: as the last of the batch when
     * {@code complete}, else as the last of this poll only (CamelBatchComplete=false: the batch goes on later).
     */
    void finish(Consumer<Exchange> lastTouch, boolean complete) {
        if (pending != null) {
            lastTouch.accept(pending);
            send(complete);
        }
    }

    /** How many exchanges this poll has routed. */
    int sent() {
        return index - firstIndex;
    }

    /** How many exchanges the batch has routed, earlier polls included. */
    int batchSent() {
        return index;
    }

    private Integer batchSize(boolean last) {
        if (last) {
            return index + 1;
        }
        return expectedSize != null && expectedSize >= index + 2 ? expectedSize : (int) Math.max(expected, index + 2);
    }

    private void send(boolean last) {
        Exchange exchange = pending;
        Consumer<Boolean> outcome = pendingOutcome;
        pending = null;
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batchSize(last));
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, last);
        index++;
        stats.record();
        try {
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            consumer.getExceptionHandler().handleException("Error processing an EnOS record", exchange,
                    exchange.getException());
        }
        outcome.accept(ok);
        consumer.releaseExchange(exchange, false);
    }
}
