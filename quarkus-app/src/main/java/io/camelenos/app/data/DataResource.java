package io.camelenos.app.data;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read-only view of what the sync flows wrote: {@code GET /api/data/summary} (rows and newest times per table) and
 * {@code GET /api/data/assets|telemetry|alerts?limit=N} (the newest rows first, 20 by default, at most 1000).
 */
@Path("/api/data")
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    SyncedData data;

    @GET
    @Path("summary")
    public JsonNode summary() throws SQLException {
        return data.summary();
    }

    @GET
    @Path("assets")
    public Response assets(@QueryParam("limit") @DefaultValue("20") String limit) throws SQLException {
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.assets(rows)).build();
    }

    @GET
    @Path("telemetry")
    public Response telemetry(@QueryParam("limit") @DefaultValue("20") String limit) throws SQLException {
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.telemetry(rows)).build();
    }

    @GET
    @Path("alerts")
    public Response alerts(@QueryParam("limit") @DefaultValue("20") String limit) throws SQLException {
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.alerts(rows)).build();
    }

    /** The limit as a number of rows, or null when it is not a number from 1 to {@value #MAX_LIMIT}. */
    private static Integer limit(String limit) {
        try {
            int rows = Integer.parseInt(limit.strip());
            return rows >= 1 && rows <= MAX_LIMIT ? rows : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response badLimit(String limit) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", "invalid input", "field", "limit",
                "message", "limit must be a number from 1 to " + MAX_LIMIT + ", was " + limit)).build();
    }
}
