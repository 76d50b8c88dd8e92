package io.camelenos.component.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosEndpoint;
import io.camelenos.component.EnosOptionCheck;
import io.camelenos.component.catalog.ConsumerKind;
import io.camelenos.component.catalog.EnosOperation;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * Creates the consumer an endpoint's operation gets, as its catalogue entry states it ({@link EnosOperation#consumer()}),
 * after checking the consumer options.
 */
public final class EnosConsumers {

    private EnosConsumers() {
    }

    public static Consumer create(EnosEndpoint endpoint, Processor processor) {
        EnosOperation op = endpoint.getResolvedOperation();
        EnosConsumerConfiguration options = endpoint.getConsumerConfiguration();
        validate(options);
        validateBody(endpoint);
        ConsumerKind kind = op.consumer();
        check(kind == ConsumerKind.TSDB || options.getAssetExpression() == null, "assetExpression",
                options.getAssetExpression(), "applies to the TSDB consumer only, not to enos:" + op.key());
        AssetPartition.parse(options.getPartition());
        check(options.getPartition() == null || kind == ConsumerKind.TSDB || kind == ConsumerKind.SEARCH, "partition",
                options.getPartition(), "applies to the search and TSDB consumers only, not to enos:" + op.key());
        return switch (kind) {
            case SEARCH -> new EnosSearchConsumer(endpoint, processor);
            case TSDB -> new EnosTsdbConsumer(endpoint, processor);
            case ALERT -> new EnosAlertConsumer(endpoint, processor);
            case NONE -> throw new UnsupportedOperationException("enos:" + op.key() + " has no consumer: consumers "
                                                                + "poll paginated searches, the active alerts and "
                                                                + "the TSDB reads (tsdb/read, ai, generic, di)");
        };
    }

    private static void validate(EnosConsumerConfiguration c) {
        check(!c.isChangesOnly() || c.isSplitResult(), "changesOnly", true, "needs splitResult=true");
        check(c.getLookback() >= 0, "lookback", c.getLookback(), "must not be negative");
        check(c.getItemFormat() == 0 || c.getItemFormat() == 1, "itemFormat", c.getItemFormat(), "must be 0 or 1");
        check(c.getRecordKey() == null || !c.getRecordKey().isBlank(), "recordKey", c.getRecordKey(),
                "must name a field");
        String key = c.getStateKey();
        // a line break or '=' would corrupt Camel's FileStateRepository, which many users still have
        check(key == null || !key.isBlank() && !key.contains("=") && key.chars().noneMatch(ch -> ch == '\n' || ch == '\r'),
                "stateKey", key, "must be a non-blank name without '=' or a line break");
    }

    /** The consumer's base body must be a JSON object: a typo found now, not at every poll. */
    private static void validateBody(EnosEndpoint endpoint) {
        String body = endpoint.getConsumerConfiguration().getBody();
        if (body == null) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = endpoint.getMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw EnosOptionCheck.invalid("body", body, "is not JSON: " + e.getOriginalMessage(), e);
        }
        check(parsed != null && parsed.isObject(), "body", body, "must be a JSON object");
    }

    private static void check(boolean ok, String option, Object value, String rule) {
        EnosOptionCheck.check(ok, option, value, rule);
    }
}
