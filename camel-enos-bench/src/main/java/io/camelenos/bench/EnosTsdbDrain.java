package io.camelenos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same TSDB window through the enos: TSDB consumer, one poll per drain from empty watermarks, one exchange per
 * sample (or per page with {@code splitResult=false}).
 */
public final class EnosTsdbDrain implements Drain {

    private static final String ROUTE = "enos-tsdb-drain";

    private final CamelContext camel;
    private final boolean pageMode;
    private final Watermarks state = new Watermarks();
    private final AtomicReference<Tally> tally = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> done = new AtomicReference<>();

    /** The consumer's watermarks, forgotten before each drain so that each reads the whole window. */
    static final class Watermarks extends ServiceSupport implements StateRepository<String, String> {
        private final Map<String, String> map = new ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            map.put(key, value);
        }

        @Override
        public String getState(String key) {
            return map.get(key);
        }
    }

    /**
     * @param extraOptions more URI options, starting with {@code &} (or empty)
     */
    public EnosTsdbDrain(String baseUrl, String orgId, String appKey, String appSecret, TsdbWindow window,
                         boolean pageMode, String extraOptions) throws Exception {
        this.pageMode = pageMode;
        camel = EnosRoutes.context(baseUrl, orgId, appKey, appSecret);
        camel.getRegistry().bind("tsdbState", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("enos:tsdb/read?assetIds=" + String.join(",", window.assetIds())
                     + "&pointIds=" + String.join(",", TsdbWindow.POINTS)
                     + "&startTime=" + window.start() + "&endTime=" + window.end()
                     + "&pageSize=" + window.pageSize() + "&splitResult=" + !pageMode
                     + "&stateRepository=#tsdbState&initialDelay=0&delay=3600000" + extraOptions
                     + EnosRoutes.CONNECTION)
                        .routeId(ROUTE).autoStartup(false)
                        .process(e -> {
                            receive(e.getMessage().getBody(JsonNode.class));
                            if (e.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class)) {
                                done.get().countDown();
                            }
                        });
            }
        });
        camel.start();
    }

    private void receive(JsonNode body) {
        if (pageMode) {
            for (JsonNode record : body) {
                TsdbWindow.tally(record, tally.get());
            }
        } else {
            TsdbWindow.tally(body, tally.get());
        }
    }

    @Override
    public String name() {
        return pageMode ? "enos: TSDB consumer, page mode" : "enos: TSDB consumer, record mode";
    }

    @Override
    public void drain(Tally tally) throws Exception {
        this.tally.set(tally);
        state.map.clear();
        done.set(new CountDownLatch(1));
        camel.getRouteController().startRoute(ROUTE);
        try {
            if (!done.get().await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the TSDB consumer did not complete a poll within 10 minutes");
            }
        } finally {
            camel.getRouteController().stopRoute(ROUTE);
        }
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
