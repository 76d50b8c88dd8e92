package io.camelenos.app.cluster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.camelenos.app.security.Roles;

/** {@code GET /api/cluster}: this replica's id, the cluster kind, the routes it leads and the leaders it knows of. */
@Path("/api/cluster")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ClusterResource {

    @Inject
    ClusterMode cluster;

    @GET
    public ClusterStatus status() {
        return cluster.status();
    }
}
