package io.camelenos.app;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values from the app's {@code /q/metrics} in Prometheus text format, as a monitoring system would. */
public final class PrometheusMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$");

    private final String text;

    private PrometheusMetrics(String text) {
        this.text = text;
    }

    /** The metrics now. */
    public static PrometheusMetrics scrape() {
        return new PrometheusMetrics(given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples of a metric whose labels include the given ones ({@code name, value, name, value...});
     * NaN when a matching sample is NaN, 0 when there is none.
     */
    public double sum(String metric, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (sample.matches() && sample.group(1).equals(metric) && hasLabels(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** Whether any sample of the metric has these labels. */
    public boolean has(String metric, String... labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (sample.matches() && sample.group(1).equals(metric) && hasLabels(sample.group(3), labels)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLabels(String present, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (present == null || !present.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
