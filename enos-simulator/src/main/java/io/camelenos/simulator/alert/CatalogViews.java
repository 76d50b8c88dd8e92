package io.camelenos.simulator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.wire.Json;

/**
 * How the catalogue's contents and rules read on the wire. The store keeps a content's own {@code alertTypeId}
 * (what create and update take); the documented Content struct shows the type as objects: {@code alertType} (the
 * top-level type) and {@code subAlertType} (the type itself when it has a parent, else null). The documented Rule
 * struct adds the descriptions of what it refers to: {@code severityDesc}, {@code contentDesc}, and the type of
 * its content as {@code typeId}/{@code typeDesc}.
 */
final class CatalogViews {

    private final AlertCatalog catalog;

    CatalogViews(AlertCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode view(AlertCatalog.Kind kind, ObjectNode stored) {
        return switch (kind) {
            case CONTENT -> content(stored);
            case RULE -> rule(stored);
            case SEVERITY, TYPE -> stored;
        };
    }

    ObjectNode content(ObjectNode stored) {
        ObjectNode view = stored.deepCopy();
        String typeId = stored.path("alertTypeId").asText(null);
        view.remove("alertTypeId");
        ObjectNode type = typeId == null ? null : catalog.get(AlertCatalog.Kind.TYPE, typeId);
        String parentId = type == null ? null : type.path("parentTypeId").asText(null);
        ObjectNode parent = parentId == null ? null : catalog.get(AlertCatalog.Kind.TYPE, parentId);
        view.set("alertType", parent != null ? parent : orNull(type));
        view.set("subAlertType", parent != null ? type : Json.NODES.nullNode());
        return view;
    }

    ObjectNode rule(ObjectNode stored) {
        ObjectNode view = stored.deepCopy();
        view.set("severityDesc", orNull(catalog.desc(AlertCatalog.Kind.SEVERITY, stored.path("severityId").asText(null),
                "severityDesc")));
        String contentId = stored.path("contentId").asText(null);
        view.set("contentDesc", orNull(catalog.desc(AlertCatalog.Kind.CONTENT, contentId, "contentDesc")));
        ObjectNode content = catalog.get(AlertCatalog.Kind.CONTENT, contentId);
        String typeId = content == null ? null : content.path("alertTypeId").asText(null);
        view.put("typeId", typeId);
        view.set("typeDesc", orNull(catalog.desc(AlertCatalog.Kind.TYPE, typeId, "typeDesc")));
        return view;
    }

    /** The {@code alertType} and {@code subAlertType} ids of a stored content, for the search filters. */
    String[] typeIds(ObjectNode storedContent) {
        String typeId = storedContent.path("alertTypeId").asText(null);
        ObjectNode type = typeId == null ? null : catalog.get(AlertCatalog.Kind.TYPE, typeId);
        String parentId = type == null ? null : type.path("parentTypeId").asText(null);
        return parentId != null ? new String[] {parentId, typeId} : new String[] {typeId, null};
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? Json.NODES.nullNode() : node;
    }
}
