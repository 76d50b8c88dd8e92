package io.camelenos.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.component.EnosConstants;
import io.camelenos.component.state.CrashSafeFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;

/**
 * Tails the telemetry of a site's devices to CSV files (see {@link TelemetryRows}): when the CamelContext has started,
 * the devices below the site {@code tail-telemetry.site-asset-id} are found ({@link SiteDevices}) and one
 * {@code enos:tsdb/read} consumer per thing model reads their measure points, every {@code tail-telemetry.delay} ms,
 * from their watermarks up to now. Watermarks live in a
 * {@link io.camelenos.component.state.CrashSafeFileStateRepository} ({@code tail-telemetry.state-file}) and move
 * only once a row is written, so a restart goes on with no gap and no row twice.
 */
public class TailTelemetryRoutes extends RouteBuilder {

    /** Route ids are this and the thing model id. */
    public static final String ROUTE_PREFIX = "tail-telemetry-";
    private static final String STATE = "tailTelemetryState";

    @Override
    public void configure() throws Exception {
        String site = ExampleOptions.required(getContext(), "tail-telemetry.site-asset-id");
        Set<String> points = split(ExampleOptions.optional(getContext(), "tail-telemetry.points"));
        CrashSafeFileStateRepository state = StateFiles.open(getContext(), "tail-telemetry.state-file");
        bindToRegistry(STATE, state);
        // finding the devices takes enos: producers, so a started CamelContext; a failure fails the start
        getContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the routes are added once the context has fully started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                tail(context, site, points, state);
            }
        });
    }

    private void tail(CamelContext context, String site, Set<String> points, StateRepository<String, String> state)
            throws Exception {
        SiteDevices devices;
        try (ProducerTemplate enos = context.createProducerTemplate()) {
            devices = SiteDevices.resolve(enos, site, points);
        }
        String start = startTime(state, site, ExampleOptions.required(context, "tail-telemetry.start-time"),
                Clock.systemUTC());
        log.info("Tailing site {} ({}) from {}: {}; CSV files in {}", devices.siteName(), site, start,
                devices.groups().stream().map(g -> g.assetIds().size() + " x " + g.modelId() + " ("
                                                   + g.pointIds().size() + " points)").collect(Collectors.joining(", ")),
                ExampleOptions.required(context, "tail-telemetry.output-dir"));
        context.addRoutes(new RouteBuilder(context) {
            @Override
            public void configure() {
                devices.groups().forEach(group -> tailRoute(this, site, start, group));
            }
        });
    }

    private static void tailRoute(RouteBuilder builder, String site, String start, SiteDevices.Group group) {
        Path outputDir = Path.of(ExampleOptions.required(builder.getContext(), "tail-telemetry.output-dir"));
        builder.from("enos:tsdb/read?assetIds=" + String.join(",", group.assetIds())
                     + "&pointIds=" + String.join(",", group.pointIds()) + "&startTime=" + start
                     + "&lookback={{tail-telemetry.lookback}}&pageSize=1000&delay={{tail-telemetry.delay}}"
                     + "&initialDelay=0&sendEmptyMessageWhenIdle=true&stateRepository=#" + STATE
                     // the devices of a model share a key: a device added to the site later starts at startTime
                     + "&stateKey=tail-telemetry." + site + "." + group.modelId())
                .routeId(ROUTE_PREFIX + group.modelId())
                .choice()
                    .when(builder.body().isNull())
                        .log(LoggingLevel.DEBUG, "No new sample")
                    .otherwise()
                        .process(e -> {
                            String assetId = e.getIn().getHeader(EnosConstants.ASSET_ID, String.class);
                            String name = TelemetryRows.fileName(assetId,
                                    e.getIn().getHeader(EnosConstants.TIMESTAMP, Long.class));
                            String row = TelemetryRows.row(e.getIn().getBody(JsonNode.class),
                                    e.getIn().getHeader(EnosConstants.POINT_ID, String.class));
                            // one consumer thread writes all the files of an asset: nobody else creates this one
                            e.getIn().setBody(Files.exists(outputDir.resolve(name)) ? row : TelemetryRows.HEADER + row);
                            e.getIn().setHeader(Exchange.FILE_NAME, name);
                        })
                        .to("file:{{tail-telemetry.output-dir}}?fileExist=Append")
                        .filter(builder.exchangeProperty(ExchangePropertyKey.BATCH_COMPLETE.getName()))
                            .log("Wrote ${exchangeProperty.CamelBatchSize} new samples of the " + group.modelId()
                                 + " devices")
                        .end()
                .end();
    }

    /**
     * The first instant to read, the same on every run. A duration ({@code PT1H}, {@code P7D}) counts back from the
     * first run and is kept in the state file: the TSDB consumer reads nothing before its startTime, so a duration
     * counted again at each start would skip what came while the tail was stopped longer than that.
     */
    static String startTime(StateRepository<String, String> state, String site, String option, Clock clock) {
        String key = "tail-telemetry." + site + ".startTime";
        try {
            if (!option.startsWith("P")) {
                return OffsetDateTime.parse(option).toInstant().toString();
            }
            Duration back = Duration.parse(option);
            String kept = state.getState(key);
            if (kept != null) {
                return kept;
            }
            String start = Instant.now(clock).minus(back).truncatedTo(ChronoUnit.SECONDS).toString();
            state.setState(key, start);
            return start;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option tail-telemetry.start-time must be an ISO 8601 instant such as "
                                               + "2024-01-01T00:00:00Z or a duration such as PT1H, was " + option, e);
        }
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
