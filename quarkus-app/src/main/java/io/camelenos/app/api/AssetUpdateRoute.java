package io.camelenos.app.api;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;

/**
 * The asset update flow: an EnOS Update Asset request body ({@code JsonNode}) in, sent through {@code enos:asset/update}; the
 * {@code CamelEnosIsPatchUpdate} header chooses patch (true) or replace (false). Fed by {@link AssetUpdateResource}.
 */
@ApplicationScoped
public class AssetUpdateRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:asset-update";
    public static final String ROUTE_ID = "asset-update";

    @Override
    public void configure() {
        // the caller answers every failure (400/502) and logs it in one line: no stack trace per refused update
        errorHandler(noErrorHandler());

        from(ENDPOINT).routeId(ROUTE_ID)
                .process(e -> e.setProperty("assetId",
                        e.getIn().getBody(JsonNode.class).path("asset").path("assetId").asText()))
                .log("Updating EnOS asset ${exchangeProperty.assetId} (patch: ${header.CamelEnosIsPatchUpdate})")
                .to("enos:asset/update")
                .log("EnOS asset ${exchangeProperty.assetId} updated, requestId ${header.CamelEnosRequestId}");
    }
}
