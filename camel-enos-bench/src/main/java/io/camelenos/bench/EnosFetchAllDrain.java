package io.camelenos.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The same drain through the enos: component's producer: {@code enos:asset/search?fetchAll=true} hands a lazy
 * iterator to a streaming splitter, which routes one exchange per record.
 */
public final class EnosFetchAllDrain implements Drain {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final AtomicLong records = new AtomicLong();

    public EnosFetchAllDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize) throws Exception {
        camel = EnosRoutes.context(baseUrl, orgId, appKey, appSecret);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:drain")
                        .to("enos:asset/search?fetchAll=true&pageSize=" + pageSize + EnosRoutes.CONNECTION)
                        .split(body()).streaming()
                            .process(e -> records.incrementAndGet())
                        .end();
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @Override
    public String name() {
        return "enos: producer, fetchAll + streaming split";
    }

    @Override
    public long drain() {
        records.set(0);
        template.sendBody("direct:drain", null);
        return records.get();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
