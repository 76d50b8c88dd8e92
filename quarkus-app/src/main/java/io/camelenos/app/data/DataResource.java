package io.camelenos.app.data;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.camelenos.app.api.errors.ApiError;
import io.camelenos.app.security.Roles;
import io.camelenos.app.text.UntrustedText;

/**
 * Read-only view of what the sync flows wrote: {@code GET /api/data/summary} (rows and newest times per table) and
 * {@code GET /api/data/assets|telemetry|alerts?limit=N} (the newest rows first, 20 by default, at most 1000). The data
 * are the tenant's: reading them takes the role reader (open to anyone only in the embedded demo mode).
 */
@Path("/api/data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class DataResource {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 20;
    static final String LIMIT_DOC = "How many of the newest rows (ASCII digits, 1 to 1000; 20 when absent)";
    /** ASCII digits only: Integer.parseInt would also take "+5" and Arabic-Indic or full-width digits. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");

    @Inject
    SyncedData data;

    @GET
    @Path("summary")
    public JsonNode summary() throws SQLException {
        return data.summary();
    }

    @GET
    @Path("assets")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = LIMIT_DOC,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "20"))
    public Response assets(@Context UriInfo uri) throws SQLException {
        List<String> limit = uri.getQueryParameters().get("limit");
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.assets(rows)).build();
    }

    @GET
    @Path("telemetry")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = LIMIT_DOC,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "20"))
    public Response telemetry(@Context UriInfo uri) throws SQLException {
        List<String> limit = uri.getQueryParameters().get("limit");
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.telemetry(rows)).build();
    }

    @GET
    @Path("alerts")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = LIMIT_DOC,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "20"))
    public Response alerts(@Context UriInfo uri) throws SQLException {
        List<String> limit = uri.getQueryParameters().get("limit");
        Integer rows = limit(limit);
        return rows == null ? badLimit(limit) : Response.ok(data.alerts(rows)).build();
    }

    /**
     * The limit as a number of rows ({@value #DEFAULT_LIMIT} when absent), or null when it is not one number from 1 to
     * {@value #MAX_LIMIT}. Read from the query itself, so that an empty or repeated {@code limit} is refused rather
     * than taken for the default.
     */
    private static Integer limit(List<String> limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit.size() != 1 || !DIGITS.matcher(limit.get(0)).matches()) {
            return null;
        }
        int rows = Integer.parseInt(limit.get(0));
        return rows >= 1 && rows <= MAX_LIMIT ? rows : null;
    }

    private static Response badLimit(List<String> limit) {
        String given = limit.size() == 1 ? limit.get(0) : String.join(", ", limit) + " (" + limit.size() + " values)";
        return ApiError.invalid("limit", "limit must be one number from 1 to " + MAX_LIMIT + " in ASCII digits, was "
                + UntrustedText.forLog(given)).response();
    }
}
