package io.camelenos.simulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The batch service's parameter checks (62102 naming the parameter), its paging and its time format. */
final class BatchParams {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<String> CYCLES = Set.of("M", "W", "D", "H", "mi");

    private BatchParams() {
    }

    static int parseId(String value, String field) {
        if (!value.trim().matches("\\d{1,9}")) {
            throw ApiError.of(62102, "param: " + field + " must be an integer");
        }
        return Integer.parseInt(value.trim());
    }

    static int intParam(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || !v.trim().matches("-?\\d{1,9}")) {
            throw ApiError.of(62102, "param: " + field + " must be an integer");
        }
        return Integer.parseInt(v.trim());
    }

    static long longParam(JsonNode body, String field) {
        String v = Json.text(body, field);
        if (v == null || !v.trim().matches("-?\\d{1,18}")) {
            throw ApiError.of(62102, "param: " + field + " must be epoch milliseconds");
        }
        return Long.parseLong(v.trim());
    }

    static void checkSchedule(String cycle, String freq) {
        if (!CYCLES.contains(cycle)) {
            throw ApiError.of(62102, "param: cycle must be one of M, W, D, H, mi");
        }
        if (freq == null || freq.trim().split("\\s+").length != 7) {
            throw ApiError.of(62102, "param: freq must be a 7-field cron expression");
        }
    }

    static String textOr(JsonNode node, String field, String fallback) {
        String v = Json.text(node, field);
        return v == null ? fallback : v;
    }

    /**
     * [pageNo, pageSize] of the body's pagination (pages from 0, 10 by default), after sorting the list by the
     * sorters (62102 for a field the API does not sort by).
     */
    static <T> int[] page(JsonNode body, Set<String> sortable, List<T> list,
                                  Map<String, Function<T, Comparable>> keys) {
        JsonNode p = body.get("pagination");
        if (p == null || !p.isObject()) {
            return new int[] {0, 10};
        }
        int pageNo = p.has("pageNo") ? intParam(p, "pageNo") : 0;
        int pageSize = p.has("pageSize") ? intParam(p, "pageSize") : 10;
        if (pageNo < 0 || pageSize < 1) {
            throw ApiError.of(62102, "param: pagination pageNo must be 0 or more and pageSize more than 0");
        }
        List<JsonNode> sorters = new ArrayList<>();
        p.path("sorters").forEach(sorters::add);
        for (int s = sorters.size() - 1; s >= 0; s--) {
            String field = sorters.get(s).path("field").asText();
            if (!sortable.contains(field)) {
                throw ApiError.of(62102, "illegal sorted by field");
            }
            @SuppressWarnings("unchecked")
            Comparator<T> order = Comparator.comparing(t -> (Comparable<Object>) keys.get(field).apply(t));
            list.sort("DESC".equalsIgnoreCase(sorters.get(s).path("order").asText()) ? order.reversed() : order);
        }
        return new int[] {pageNo, pageSize};
    }

    static <T> List<T> slice(List<T> list, int[] page) {
        long from = (long) page[0] * page[1];
        if (from >= list.size()) {
            return List.of();
        }
        return list.subList((int) from, (int) Math.min(list.size(), from + page[1]));
    }

    static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }
}
