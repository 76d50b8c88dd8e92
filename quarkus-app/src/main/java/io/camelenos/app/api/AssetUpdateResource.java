package io.camelenos.app.api;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.app.api.errors.ApiError;
import io.camelenos.app.security.Roles;
import io.camelenos.app.text.UntrustedText;
import io.camelenos.component.EnosApiException;
import io.camelenos.component.EnosConstants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes asset updates to EnOS: {@code PATCH /api/assets/{assetId}} changes only the given fields,
 * {@code PUT /api/assets/{assetId}} replaces the asset (EnOS then needs every required attribute). The body has any of
 * {@code name, description, timezone, attributes, tags}. Answers EnOS's requestId (200), the offending field (400), or
 * EnOS's code and message (502). Takes {@code application/json} only (415 otherwise) from a user with the role writer
 * (401 without credentials, 403 for a reader).
 */
@Path("/api/assets/{assetId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WRITER)
public class AssetUpdateResource {

    private static final Logger LOG = LoggerFactory.getLogger(AssetUpdateResource.class);

    @Inject
    ProducerTemplate template;

    @Inject
    MeterRegistry registry;

    @PATCH
    public Response patch(@PathParam("assetId") String assetId, String body) {
        return update(assetId, body, true);
    }

    @PUT
    public Response replace(@PathParam("assetId") String assetId, String body) {
        return update(assetId, body, false);
    }

    private Response update(String assetId, String json, boolean patch) {
        Counter.builder("camelenos.asset.update.requests").description("Asset update API requests")
                .register(registry).increment();
        ObjectNode enosBody;
        try {
            enosBody = AssetUpdates.toEnosBody(assetId, json);
        } catch (InvalidInputException e) {
            return error("invalid_input", ApiError.invalid(e.field(), e.getMessage()));
        }
        Exchange exchange = template.send(AssetUpdateRoute.ENDPOINT, ex -> {
            ex.getIn().setBody(enosBody);
            ex.getIn().setHeader(EnosConstants.IS_PATCH_UPDATE, patch);
        });
        Exception failure = exchange.getException();
        if (failure == null) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("assetId", assetId);
            answer.put("requestId", exchange.getMessage().getHeader(EnosConstants.REQUEST_ID, String.class));
            return Response.ok(answer).build();
        }
        return enosFailure(assetId, failure);
    }

    private Response enosFailure(String assetId, Exception failure) {
        EnosApiException api = findCause(failure, EnosApiException.class);
        if (api != null) {
            LOG.warn("Update of EnOS asset {} refused: {}", assetId, UntrustedText.forLog(api.getMessage()));
            String refusal = "EnOS refused the update of asset " + assetId;
            return error("enos_error", ApiError.of(502, refusal, String.valueOf(api.getMsg()))
                    .with("enosCode", api.getCode())
                    .with("enosMsg", api.getMsg())
                    .with("requestId", api.getRequestId()));
        }
        UncheckedIOException io = findCause(failure, UncheckedIOException.class);
        if (io != null) {
            LOG.warn("Update of EnOS asset {} failed: {}", assetId, UntrustedText.forLog(io.getMessage()));
            return error("unreachable", ApiError.of(502, "EnOS unreachable", String.valueOf(io.getMessage())));
        }
        LOG.error("Update of EnOS asset {} failed: {}", assetId, UntrustedText.forLog(failure));
        LOG.debug("Update failure detail", failure);
        return error("internal", ApiError.of(500, "update failed", "the update failed inside the app; its log says why"));
    }

    private Response error(String reason, ApiError error) {
        Counter.builder("camelenos.asset.update.errors").description("Asset update API requests that failed, by reason")
                .tag("reason", reason).register(registry).increment();
        return error.response();
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
