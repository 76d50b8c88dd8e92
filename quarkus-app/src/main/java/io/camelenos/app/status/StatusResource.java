package io.camelenos.app.status;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.camelenos.app.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the status page ({@code /}) polls: {@code GET /api/status} (EnOS, database, flows, active alerts),
 * {@code GET /api/status/telemetry} (the assets with telemetry and their points) and
 * {@code GET /api/status/telemetry/{assetId}?points=a,b&samples=N} (the newest samples, for the chart). Read-only,
 * under the same access rules as {@code /api/data/*}.
 */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
// the same access rule as the data API: what the flows wrote is read by role reader (anyone in the embedded mode)
@RolesAllowed(Roles.READER)
@Tag(name = "Status", description = "What the status page at / shows: the sync flows, the active alerts, telemetry")
public class StatusResource {

    static final int MAX_SAMPLES = 5000;
    static final int MAX_POINTS = 10;
    // EnOS ids: letters, digits and a few separators; anything else is refused before it reaches SQL or the page
    private static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern POINT_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    @Inject
    StatusService status;

    @Inject
    TelemetrySeries telemetry;

    @GET
    @Operation(summary = "The app's status",
            description = "Which EnOS and database the app uses; each sync flow's state (running, idle, failing, "
                          + "stopped, off, not-leader), last poll, records, rate, progress of the poll under way, lag, retries, "
                          + "errors and last error (neutralised); the newest active alerts; the cluster (null while "
                          + "the app runs alone).")
    public AppStatus status() throws SQLException {
        return status.status();
    }

    @GET
    @Path("telemetry")
    @Operation(summary = "The assets with telemetry in the database", description = "Each asset's id, name (null "
            + "when the asset flow has not written it) and the measure points it has samples of.")
    public List<TelemetrySeries.Asset> telemetryAssets() throws SQLException {
        return telemetry.assets();
    }

    @GET
    @Path("telemetry/{assetId}")
    @Operation(summary = "The newest samples of an asset's points", description = "The newest numeric samples of "
            + "each point, oldest first, as {t: epoch ms, v: value}.")
    @APIResponse(responseCode = "200", description = "The samples",
            content = @Content(schema = @Schema(implementation = TelemetrySeries.Chart.class)))
    @APIResponse(responseCode = "400", description = "An invalid assetId, points or samples; field names it")
    public Response chart(
            @Parameter(description = "the EnOS asset id") @PathParam("assetId") String assetId,
            @Parameter(description = "1 to 10 measure point ids, comma-separated") @QueryParam("points") String points,
            @Parameter(description = "how many of the newest samples per point, 1 to 5000")
            @QueryParam("samples") @DefaultValue("360") String samples) throws SQLException {
        if (!ASSET_ID.matcher(assetId).matches()) {
            return invalid("assetId", assetId, "an EnOS asset id (letters, digits, _ . -; at most 64)");
        }
        if (points == null || points.isBlank()) {
            return invalid("points", points, "one to " + MAX_POINTS + " measure point ids, comma-separated");
        }
        List<String> pointIds = Arrays.stream(points.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .distinct().toList();
        if (pointIds.isEmpty() || pointIds.size() > MAX_POINTS
            || !pointIds.stream().allMatch(p -> POINT_ID.matcher(p).matches())) {
            return invalid("points", points, "one to " + MAX_POINTS + " measure point ids (letters, digits, _ . : -), "
                                             + "comma-separated");
        }
        Integer count = number(samples, 1, MAX_SAMPLES);
        if (count == null) {
            return invalid("samples", samples, "a number from 1 to " + MAX_SAMPLES);
        }
        return Response.ok(telemetry.chart(assetId, pointIds, count)).build();
    }

    private static Integer number(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 400 naming the field and the (neutralised) value, in the shape of the data API's errors. */
    private static Response invalid(String field, String value, String expected) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", "invalid input", "field", field,
                "message", field + " must be " + expected + ", was " + SafeText.of(String.valueOf(value), 100)))
                .build();
    }
}
