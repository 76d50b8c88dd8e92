package io.camelenos.component.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelenos.component.EnosApiException;
import io.camelenos.component.catalog.Envelope;
import io.camelenos.component.client.EnosClient;
import io.camelenos.component.client.EnosRequest;

/**
 * One cheap signed call to the gateway ({@code asset/get} of an asset id that does not exist), so that a health check
 * exercises the token, the signature, the org id and the network together. Any answer in an EnOS envelope, even
 * "no such asset", proves the gateway accepted the call; a refused token, a refused org, HTTP 429 or no answer do
 * not.
 */
public final class EnosGatewayProbe {

    static final String PROBE_ASSET_ID = "camel-enos-health-probe";
    private static final String PATH = "/asset-service/v2.1/assets";

    private final EnosClient client;
    private final String orgId;

    /**
     * @param client a client that does not retry, so that the probe answers at once
     * @param orgId  the org id the routes use
     */
    public EnosGatewayProbe(EnosClient client, String orgId) {
        this.client = client;
        this.orgId = orgId;
    }

    /** Null when the gateway accepted the call, else the failure. */
    public RuntimeException probe() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", "get");
        query.put("orgId", orgId);
        query.put("assetId", PROBE_ASSET_ID);
        try {
            // GET /asset-service/v2.1/assets?action=get&orgId=...&assetId=camel-enos-health-probe
            client.send(new EnosRequest("GET", PATH, query, null, Envelope.CODE, "asset", "getAsset"));
            return null;
        } catch (EnosApiException e) {
            boolean answered = e.getHttpStatus() < 300 && EnosHealthCause.of(e) == EnosHealthCause.OTHER;
            return answered ? null : e;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
