package io.camelenos.component.consumer;

import java.util.Set;

import io.camelenos.component.EnosConsumerSupport;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.catalog.PaginationStyle;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * Picks the consumer for an endpoint's operation: TSDB reads get the incremental TSDB consumer, paginated searches the
 * search consumer; other operations have none.
 */
public final class EnosConsumers {

    private EnosConsumers() {
    }

    public static Consumer create(EnosEndpoint endpoint, Processor processor) {
        EnosOperation op = EnosConsumerSupport.operation(endpoint);
        validate(endpoint.getConsumerConfiguration());
        if (isTsdbRead(op)) {
            return new EnosTsdbConsumer(endpoint, processor);
        }
        if ("alert".equals(op.service()) && "searchActiveAlerts".equals(op.name())) {
            return new EnosAlertConsumer(endpoint, processor);
        }
        if (op.pagination() != PaginationStyle.NONE) {
            return new EnosSearchConsumer(endpoint, processor);
        }
        throw new UnsupportedOperationException("enos:" + op.key() + " has no consumer: consumers poll paginated "
                                                + "searches and the TSDB reads (tsdb/read, ai, generic, di)");
    }

    /** The v2.1 TSDB reads by time range, which page by timestamp and which a watermark can follow. */
    static boolean isTsdbRead(EnosOperation op) {
        return "tsdb".equals(op.service()) && "v2.1".equals(op.version())
               && Set.of("raw", "ai", "generic", "di").contains(op.name());
    }

    private static void validate(EnosConsumerConfiguration c) {
        check(!c.isChangesOnly() || c.isSplitResult(), "changesOnly", true, "needs splitResult=true");
        check(c.getLookback() >= 0, "lookback", c.getLookback(), "must not be negative");
        check(c.getItemFormat() == 0 || c.getItemFormat() == 1, "itemFormat", c.getItemFormat(), "must be 0 or 1");
    }

    private static void check(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("Option " + option + " " + rule + ", was " + value);
        }
    }
}
