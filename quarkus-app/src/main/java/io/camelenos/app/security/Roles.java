package io.camelenos.app.security;

/**
 * The roles of the app's API. {@code @RolesAllowed(Roles.WRITER)} on what changes EnOS, {@code @RolesAllowed(Roles.READER)}
 * on what reads synced tenant data (a writer is a reader too). See the Security section of quarkus-app/README.md.
 */
public final class Roles {

    /** May change EnOS objects through the app (the asset update API). */
    public static final String WRITER = "writer";
    /** May read what the app synced from EnOS (the data API). */
    public static final String READER = "reader";

    private Roles() {
    }
}
