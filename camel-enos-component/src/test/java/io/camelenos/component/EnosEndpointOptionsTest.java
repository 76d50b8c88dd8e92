package io.camelenos.component;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad URIs fail when the route starts, with a message that names the option and the value. */
class EnosEndpointOptionsTest extends EnosTestSupport {

    @Test
    void misspelledOptionFailsAtRouteStart() {
        String message = routeStartFailure("enos:asset/getAsset?asetId=a1");

        assertTrue(message.contains("Unknown parameters=[{asetId=a1}]"), message);
    }

    @Test
    void invalidValueFailsNamingOptionAndValue() {
        String message = routeStartFailure("enos:connection/searchDevice?pageSize=0");

        assertTrue(message.contains("Invalid value for option pageSize: '0' ("), message);
    }

    @Test
    void negativeRetriesFailNamingOptionAndValue() {
        String message = routeStartFailure("enos:connection/searchDevice?maxRetries=-1");

        assertTrue(message.contains("Invalid value for option maxRetries: '-1' ("), message);
    }

    @Test
    void unknownOperationFailsListingTheKnownOnes() {
        String message = routeStartFailure("enos:asset/serch");

        assertTrue(message.contains("Unknown EnOS operation asset/serch"), message);
        assertTrue(message.contains("search"), message);
    }

    @Test
    void apiCallWithoutServiceFails() {
        String message = routeStartFailure("enos:api/call?version=v2.1&path=things");

        assertTrue(message.contains("option service"), message);
    }

    @Test
    void missingSecretFailsWithoutAClient() throws Exception {
        try (CamelContext bare = new DefaultCamelContext()) {
            bare.getComponent("enos", EnosComponent.class).getConfiguration().setGatewayUrl(sim.baseUrl());
            bare.getComponent("enos", EnosComponent.class).getConfiguration().setAppKey("k");
            Exception thrown = assertThrows(ResolveEndpointFailedException.class,
                    () -> bare.getEndpoint("enos:asset/getAsset"));
            assertTrue(thrown.getMessage().contains("Invalid value for option appSecret: (not shown) (is required"), thrown.getMessage());
        }
    }

    @Test
    void appSecretIsMaskedInTheEndpointUri() {
        String uri = "enos:asset/getAsset?appSecret=topSecretValue&assetId=a";

        String shown = context.getEndpoint(uri).toString();

        assertFalse(shown.contains("topSecretValue"), shown);
    }

    @Test
    void componentOptionsReachEveryEndpoint() {
        EnosEndpoint endpoint = context.getEndpoint("enos:asset/getAsset?assetId=a", EnosEndpoint.class);

        assertEquals(sim.orgId(), endpoint.getConfiguration().getOrgId());
        assertEquals("a", endpoint.getConfiguration().getAssetId());
        assertEquals(null, context.getComponent("enos", EnosComponent.class).getConfiguration().getAssetId(),
                "endpoint options never leak back into the component");
    }

    @Test
    void rateLimitSpacesCalls() {
        String uri = "enos:api/call?service=test-service&version=v2.1&path=things&method=GET&action=get"
                     + "&assetId=r&rateLimit=10";
        template.requestBody(uri, (Object) null); // token and first slot
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            template.requestBody(uri, (Object) null);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis >= 400, "5 calls at 10/s took only " + millis + " ms");
    }

    private String routeStartFailure(String uri) {
        Exception thrown = assertThrows(FailedToCreateRouteException.class, () -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
        });
        return thrown.getMessage();
    }
}
