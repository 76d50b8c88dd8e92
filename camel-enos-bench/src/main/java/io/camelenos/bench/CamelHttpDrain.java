package io.camelenos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The route an integration team writes by hand today: a loop that signs each call, POSTs it with camel-http,
 * unmarshals the JSON with camel-jackson, and hands each record on as an exchange of its own (a streaming split),
 * which is what the enos: consumer delivers, until the last page.
 */
public final class CamelHttpDrain implements Drain {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final AtomicReference<Tally> tally = new AtomicReference<>();

    public CamelHttpDrain(String baseUrl, String orgId, String appKey, String appSecret, int pageSize) throws Exception {
        HandSigner signer = new HandSigner(baseUrl, appKey, appSecret);
        signer.token(HttpClient.newHttpClient(), new ObjectMapper());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:drain")
                        .setProperty("pageNo", constant(1))
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more"))
                            .process(e -> prepare(e, signer, orgId, pageSize))
                            .to("http://" + baseUrl.substring("http://".length())
                                    + "/asset-tree-service/v2.1/asset-nodes")
                            .unmarshal().json(JsonLibrary.Jackson, Map.class)
                            .process(e -> nextPage(e, pageSize))
                            .split(exchangeProperty("data")).streaming()
                                .process(e -> tally.get().record((String) e.getMessage().getBody(Map.class).get("assetId")))
                            .end()
                        .end();
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    private static void prepare(Exchange e, HandSigner signer, String orgId, int pageSize) throws Exception {
        int pageNo = e.getProperty("pageNo", Integer.class);
        String body = "{\"pagination\":{\"pageNo\":" + pageNo + ",\"pageSize\":" + pageSize + "}}";
        String timestamp = Long.toString(System.currentTimeMillis());
        e.getMessage().getHeaders().clear();
        e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        e.getMessage().setHeader(Exchange.HTTP_QUERY, "action=searchAsset&orgId=" + orgId);
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
        e.getMessage().setHeader("apim-accesstoken", signer.currentToken());
        e.getMessage().setHeader("apim-timestamp", timestamp);
        e.getMessage().setHeader("apim-signature",
                signer.sign(Map.of("action", "searchAsset", "orgId", orgId), body, timestamp));
        e.getMessage().setBody(body);
    }

    @SuppressWarnings("unchecked")
    private static void nextPage(Exchange e, int pageSize) {
        Map<String, Object> page = e.getMessage().getBody(Map.class);
        if (!Integer.valueOf(0).equals(page.get("code"))) {
            throw new IllegalStateException("page failed: " + page.get("code") + " " + page.get("msg"));
        }
        List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
        long total = ((Number) ((Map<String, Object>) page.get("pagination")).get("totalSize")).longValue();
        int pageNo = e.getProperty("pageNo", Integer.class);
        e.setProperty("data", data);
        e.setProperty("pageNo", pageNo + 1);
        e.setProperty("more", data.size() == pageSize && (long) pageNo * pageSize < total);
    }

    @Override
    public String name() {
        return "camel-http route, split per record";
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
