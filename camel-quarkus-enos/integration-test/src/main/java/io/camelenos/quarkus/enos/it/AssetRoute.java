package io.camelenos.quarkus.enos.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;

/** Every asset of the org, polled through the enos: search consumer, into {@link ReceivedAssets}. */
@ApplicationScoped
public class AssetRoute extends RouteBuilder {

    @Inject
    ReceivedAssets received;

    @Override
    public void configure() {
        from("enos:asset/search").routeId("assets")
                .process(exchange -> received.add(exchange.getMessage().getBody(JsonNode.class)));
    }
}
