package io.camelenos.examples;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Counts the rows of a CSV split by outcome: a report line containing {@code ,<success>,} counts as a success,
 * any other as {@code failed}. The counts land as properties of the file's exchange, for the summary log.
 */
final class RowTally implements AggregationStrategy {

    private final String success;

    RowTally(String success) {
        this.success = success;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange total = oldExchange == null ? newExchange : oldExchange;
        if (oldExchange == null) {
            total.setProperty(success, 0);
            total.setProperty("failed", 0);
        }
        String counter = newExchange.getIn().getBody(String.class).contains("," + success + ",") ? success : "failed";
        total.setProperty(counter, total.getProperty(counter, Integer.class) + 1);
        return total;
    }

    @Override
    public void onCompletion(Exchange exchange, Exchange inputExchange) {
        // the split's result is a sub-exchange: give the counts to the file's exchange for the summary log
        inputExchange.setProperty(success, exchange.getProperty(success));
        inputExchange.setProperty("failed", exchange.getProperty("failed"));
    }
}
