package io.camelenos.component.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The catalogue of EnOS operations, read once from {@code enos-operations.json}. Adding an endpoint means adding an
 * entry to that file, not a class.
 */
public final class EnosCatalog {

    private static final String RESOURCE = "enos-operations.json";
    private static final EnosCatalog DEFAULT = load();

    private final List<EnosOperation> operations;
    private final Map<String, EnosOperation> byKey;

    private EnosCatalog(List<EnosOperation> operations) {
        this.operations = List.copyOf(operations);
        this.byKey = index(operations);
    }

    /** The catalogue shipped with the component. */
    public static EnosCatalog defaultCatalog() {
        return DEFAULT;
    }

    /** Every catalogued operation, in catalogue order (aliases are not repeated). */
    public List<EnosOperation> operations() {
        return operations;
    }

    /** The operation called {@code service/operation}, by name or alias. */
    public Optional<EnosOperation> find(String service, String operation) {
        return Optional.ofNullable(byKey.get(service + "/" + operation));
    }

    /** The services that have operations, sorted. */
    public List<String> services() {
        return operations().stream().map(EnosOperation::service).distinct().sorted().toList();
    }

    /** The names (and aliases) known in one service, for error messages. */
    public List<String> namesOf(String service) {
        List<String> names = new ArrayList<>();
        byKey.keySet().stream().filter(k -> k.startsWith(service + "/"))
                .forEach(k -> names.add(k.substring(service.length() + 1)));
        Collections.sort(names);
        return names;
    }

    private static Map<String, EnosOperation> index(List<EnosOperation> operations) {
        Map<String, EnosOperation> map = new LinkedHashMap<>();
        for (EnosOperation op : operations) {
            put(map, op.key(), op);
            for (String alias : op.aliases()) {
                put(map, alias.contains("/") ? alias : op.service() + "/" + alias, op);
            }
        }
        return map;
    }

    private static void put(Map<String, EnosOperation> map, String key, EnosOperation op) {
        EnosOperation clash = map.putIfAbsent(key, op);
        if (clash != null) {
            throw new IllegalStateException("Duplicate EnOS operation name " + key + " in " + RESOURCE);
        }
    }

    private static EnosCatalog load() {
        try (InputStream in = EnosCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new EnosCatalog(parse(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<EnosOperation> parse(JsonNode root) {
        List<EnosOperation> list = new ArrayList<>();
        for (JsonNode service : root.path("services")) {
            for (JsonNode op : service.path("operations")) {
                list.add(operation(service, op));
            }
        }
        return list;
    }

    private static EnosOperation operation(JsonNode service, JsonNode op) {
        return new EnosOperation(
                service.path("service").asText(),
                op.path("name").asText(),
                strings(op.path("aliases")),
                text(op, service, "basePath", null),
                text(op, service, "version", null),
                op.path("method").asText(),
                op.path("resource").asText(),
                op.hasNonNull("action") ? op.get("action").asText() : null,
                specs(op.path("query")),
                specs(op.path("body")),
                Envelope.valueOf(text(op, service, "envelope", "CODE")),
                PaginationStyle.valueOf(op.path("pagination").asText("NONE")),
                op.path("items").asText(""),
                Integer.parseInt(text(op, service, "firstPage", "1")),
                text(op, service, "paginationAt", "/pagination"),
                Boolean.parseBoolean(text(op, service, "orgId", "true")),
                UserAuth.valueOf(text(op, service, "userAuth", "NONE")),
                op.hasNonNull("doc") ? op.get("doc").asText() : null,
                op.hasNonNull("source") ? op.get("source").asText() : null,
                ResultStyle.valueOf(op.path("result").asText("DATA")),
                ConsumerKind.ofCatalogue(op.path("consumer").asText("")));
    }

    /** An operation's own value, else its service's default, else the fallback. */
    private static String text(JsonNode op, JsonNode service, String field, String fallback) {
        if (op.hasNonNull(field)) {
            return op.get(field).asText();
        }
        return service.hasNonNull(field) ? service.get(field).asText() : fallback;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<ParameterSpec> specs(JsonNode array) {
        List<ParameterSpec> values = new ArrayList<>();
        array.forEach(n -> values.add(ParameterSpec.parse(n.asText())));
        return values;
    }
}
