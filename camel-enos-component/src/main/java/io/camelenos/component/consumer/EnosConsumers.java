package io.camelenos.component.consumer;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConsumerSupport;
import io.camelenos.component.LogSafe;
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
        validateBody(endpoint);
        check(isTsdbRead(op) || endpoint.getConsumerConfiguration().getAssetExpression() == null, "assetExpression",
                endpoint.getConsumerConfiguration().getAssetExpression(), "applies to the TSDB consumer only, not to enos:"
                                                                          + op.key());
        AssetPartition.parse(endpoint.getConsumerConfiguration().getPartition());
        check(endpoint.getConsumerConfiguration().getPartition() == null || isTsdbRead(op)
              || op.pagination() != PaginationStyle.NONE && !isAlertConsumer(op), "partition",
                endpoint.getConsumerConfiguration().getPartition(),
                "applies to the search and TSDB consumers only, not to enos:" + op.key());
        if (isTsdbRead(op)) {
            return new EnosTsdbConsumer(endpoint, processor);
        }
        if (isAlertConsumer(op)) {
            return new EnosAlertConsumer(endpoint, processor);
        }
        if (op.pagination() != PaginationStyle.NONE) {
            return new EnosSearchConsumer(endpoint, processor);
        }
        throw new UnsupportedOperationException("enos:" + op.key() + " has no consumer: consumers poll paginated "
                                                + "searches and the TSDB reads (tsdb/read, ai, generic, di)");
    }

    private static boolean isAlertConsumer(EnosOperation op) {
        return "alert".equals(op.service()) && "searchActiveAlerts".equals(op.name());
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
        check(c.getRecordKey() == null || !c.getRecordKey().isBlank(), "recordKey", "'" + c.getRecordKey() + "'",
                "must name a field");
        String key = c.getStateKey();
        // a line break or '=' would corrupt Camel's FileStateRepository, which many users still have
        check(key == null || !key.isBlank() && !key.contains("=") && key.chars().noneMatch(ch -> ch == '\n' || ch == '\r'),
                "stateKey", "'" + key + "'", "must be a non-blank name without '=' or a line break");
    }

    /** The consumer's base body must be a JSON object: a typo found now, not at every poll. */
    private static void validateBody(EnosEndpoint endpoint) {
        String body = endpoint.getConsumerConfiguration().getBody();
        if (body == null) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = EnosConsumerSupport.mapper(endpoint).readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Option body is not JSON (" + e.getOriginalMessage() + "), was "
                                               + LogSafe.abbreviate(body), e);
        }
        check(parsed != null && parsed.isObject(), "body", LogSafe.abbreviate(body), "must be a JSON object");
    }

    private static void check(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("Option " + option + " " + rule + ", was " + value);
        }
    }
}
