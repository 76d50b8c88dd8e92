package io.camelenos.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented endpoint (the shared endpoints list, one line per EnOS doc page) of the services the emulator
 * claims is served: a signed call with the documented method, path and action reaches a handler — it is not
 * HTTP 404, not an unknown action and not a wrong method (it may still be refused for missing parameters).
 */
class EndpointCoverageTest {

    /** Doc folders of the endpoints list whose every endpoint the emulator serves. */
    static final Set<String> COVERED = Set.of("token", "asset", "asset_tree", "model", "connect", "event", "iam",
            "app_portal", "ml_service", "dataflow_service", "data_federation", "streaming", "tsdb_service", "tsdb_policy");

    private static final Pattern LINE = Pattern.compile("^([a-z_]+)/([^:]+): *([A-Z]+)? *https?://\\{apigw-address}([^?\\s]*)(\\?\\S*)?");

    @RegisterExtension
    static EnosSimulatorExtension enos = new EnosSimulatorExtension();

    record Documented(String folder, String page, String method, String path, Map<String, String> query) {
    }

    static List<Documented> documented() throws IOException {
        List<Documented> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                EndpointCoverageTest.class.getResourceAsStream("/enos-api-endpoints.txt")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher m = LINE.matcher(line.trim());
                if (m.find()) {
                    result.add(new Documented(m.group(1), m.group(2), m.group(3), m.group(4), query(m.group(5))));
                }
            }
        }
        return result;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.substring(1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("action")) {
                    query.put("action", pair.substring(eq + 1));
                }
            }
        }
        return query;
    }

    @Test
    void everyDocumentedEndpointOfTheCoveredServicesIsServed() throws IOException {
        SimClient client = new SimClient(enos.simulator());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Documented d : documented()) {
            if (!COVERED.contains(d.folder()) || d.path().startsWith("/m/v1/")) {
                continue; // /m/v1/b is the signature example of the token docs, not an endpoint
            }
            checked++;
            String path = d.path().replaceAll("\\{[^}]+}", "sim-id");
            Map<String, String> query = new LinkedHashMap<>(d.query());
            query.put("orgId", enos.simulator().orgId());
            String method = d.method() == null ? "GET" : d.method();
            SimClient.Answer answer = client.send(method, path, query, method.equals("GET") ? null : "{}", true);
            String msg = answer.body().path("msg").asText(answer.body().path("message").asText(""));
            boolean unrouted = answer.status() == 404 || answer.status() == 405 || answer.code() == 99405
                    || msg.contains("unsupported action") || msg.contains("action is missing");
            if (unrouted) {
                missing.add(d.folder() + "/" + d.page() + " " + method + " " + d.path() + d.query() + " -> "
                        + answer.status() + " " + answer.body());
            }
        }
        assertTrue(checked > 0, "no documented endpoint was checked");
        assertEquals(List.of(), missing, "documented endpoints that are not served");
    }
}
