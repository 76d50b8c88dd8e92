package io.camelenos.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelenos.component.catalog.ConsumerKind;
import io.camelenos.component.catalog.EnosCatalog;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.simulator.EnosSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root README's table of the 13 EnOS services is rendered from the catalogue and the emulator's routes, so the
 * coverage it claims is the coverage there is: the consumer column counts the consumer kind each catalogue entry
 * states, the same field the consumer factory reads. Run with {@code -Dreadme.update=true} to rewrite it after a change.
 */
class ServiceCoverageReadmeTest {

    private static final Path ROOT_README = Path.of("../README.md");

    /** The 13 services of the {@code enos:} URI, in the order of the design. */
    static final List<String> SERVICES = List.of("connection", "model", "asset", "alert", "asset-tree", "tsdb",
            "tsdb-policy", "iam", "app-portal", "prediction", "batch", "data-federation", "stream");

    @Test
    void rootReadmeServiceTableMatchesTheCatalogueAndTheEmulator() throws IOException {
        String readme = Files.readString(ROOT_README, StandardCharsets.UTF_8);
        String expected = replace(readme, table());
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(ROOT_README, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, readme, "README.md (root) is out of date: run the test with -Dreadme.update=true");
    }

    @Test
    void everyCataloguedOperationBelongsToOneOfTheThirteenServices() {
        Set<String> services = EnosCatalog.defaultCatalog().operations().stream().map(EnosOperation::service)
                .collect(Collectors.toSet());
        assertTrue(SERVICES.containsAll(services), "unknown services in the catalogue: " + services);
    }

    private static String table() {
        Map<String, List<String>> served = EnosSimulator.builder().build().router().describe();
        StringBuilder out = new StringBuilder("| service | `enos:` name | EnOS base paths | operations | producer "
                + "| consumer | emulator serves |\n|---|---|---|---|---|---|---|\n");
        for (String service : SERVICES) {
            List<EnosOperation> ops = EnosCatalog.defaultCatalog().operations().stream()
                    .filter(op -> op.service().equals(service)).toList();
            out.append(row(ops, service, served));
        }
        return out.toString();
    }

    private static String row(List<EnosOperation> ops, String service, Map<String, List<String>> served) {
        Set<String> basePaths = ops.stream().map(op -> "`" + op.basePath() + "/" + op.version() + "`")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        long documented = ops.stream().filter(op -> op.doc() != null).count();
        long fromSamples = ops.size() - documented;
        long servedOps = ops.stream().filter(op -> served.getOrDefault(op.path(), List.of()).contains(offer(op)))
                .count();
        String operations = ops.size() + (fromSamples == 0 ? "" : " (" + documented + " documented, " + fromSamples
                                                                     + " from samples)");
        return "| " + String.join(" | ", List.of(name(service), "`" + service + "`", String.join(", ", basePaths),
                operations, ops.isEmpty() ? "through `enos:api/call` only" : "all " + ops.size(), consumers(ops),
                servedOps + " of " + ops.size())) + " |\n";
    }

    /** The consumers of a service's operations, counted by the kind each catalogue entry states. */
    private static String consumers(List<EnosOperation> ops) {
        List<String> kinds = new ArrayList<>();
        for (ConsumerKind kind : ConsumerKind.values()) {
            long count = ops.stream().filter(op -> op.consumer() == kind).count();
            if (kind != ConsumerKind.NONE && count > 0) {
                kinds.add(describe(kind) + " on " + count + " " + (count == 1 ? "operation" : "operations"));
            }
        }
        return kinds.isEmpty() ? "none" : String.join("; ", kinds);
    }

    private static String describe(ConsumerKind kind) {
        return switch (kind) {
            case SEARCH -> "search consumer";
            case TSDB -> "TSDB watermark reader";
            case ALERT -> "new/recovered alerts";
            case NONE -> "none";
        };
    }

    private static String name(String service) {
        return switch (service) {
            case "connection" -> "Connection";
            case "model" -> "Model";
            case "asset" -> "Asset";
            case "alert" -> "Alert (event)";
            case "asset-tree" -> "Asset Tree";
            case "tsdb" -> "TSDB Data";
            case "tsdb-policy" -> "TSDB Policy";
            case "iam" -> "IAM";
            case "app-portal" -> "Application Portal";
            case "prediction" -> "Prediction Model (ML)";
            case "batch" -> "Batch Processing";
            case "data-federation" -> "Data Federation";
            case "stream" -> "Stream Processing";
            default -> service;
        };
    }

    private static String offer(EnosOperation op) {
        return op.action() == null ? op.method() : op.method() + " action=" + op.action();
    }

    private static String replace(String text, String table) {
        String start = "<!-- services:start -->\n";
        String end = "<!-- services:end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError("README.md (root) lacks the services markers");
        }
        return text.substring(0, from + start.length()) + table + text.substring(to);
    }
}
