package io.camelenos.quarkus.enos.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;

/** A route as a user of the extension writes it: one poll of every asset, each asset id into the collector. */
@ApplicationScoped
public class AssetSearchRoute extends RouteBuilder {

    @Inject
    SeenAssets seen;

    @Override
    public void configure() {
        from("enos:asset/search?pageSize=40&repeatCount=1&initialDelay=0").routeId("asset-search")
                .process(exchange -> seen.add(exchange.getMessage().getBody(JsonNode.class).path("assetId").asText()));
    }
}
