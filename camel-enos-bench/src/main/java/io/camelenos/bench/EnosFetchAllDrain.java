package io.camelenos.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The same drain through the enos: component's producer: {@code enos:asset/search?fetchAll=true} hands a lazy
 * iterator to a streaming splitter, which routes one exchange per record.
 */
public final class EnosFetchAllDrain implements Drain {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final AtomicReference<Tally> tally = new AtomicReference<>();

    public EnosFetchAllDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize,
                             String extraOptions) throws Exception {
        camel = EnosRoutes.context(baseUrl, orgId, appKey, appSecret);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:drain")
                        .to("enos:asset/search?fetchAll=true&pageSize=" + pageSize + extraOptions + EnosRoutes.CONNECTION)
                        .split(body()).streaming()
                            .process(e -> tally.get().record(e.getMessage().getBody(JsonNode.class).path("assetId").asText()))
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
    public void drain(Tally tally) {
        this.tally.set(tally);
        template.sendBody("direct:drain", null);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
