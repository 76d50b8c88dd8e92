package io.camelenos.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.simulator.http.Reply;
import io.camelenos.simulator.wire.ApiError;
import io.camelenos.simulator.wire.Json;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Page-number pagination as the DM services do it: request {@code pagination {pageNo, pageSize, sorters}} in the
 * body, response {@code pagination {pageNo, pageSize, totalSize, sortedBy}} beside {@code data}. Each API has its
 * own default and maximum page size and may refuse sorters; page numbers start at 1.
 */
public final class Paging {

    private final int pageNo;
    private final int pageSize;
    private final JsonNode sorters;

    private Paging(int pageNo, int pageSize, JsonNode sorters) {
        this.pageNo = pageNo;
        this.pageSize = pageSize;
        this.sorters = sorters;
    }

    /** Reads and checks the body's pagination block. */
    public static Paging from(JsonNode body, int defaultSize, int maxSize, boolean sortersAllowed) {
        JsonNode p = body == null ? null : body.get("pagination");
        if (p == null || p.isNull()) {
            return new Paging(1, defaultSize, null);
        }
        int pageNo = intField(p, "pageNo", 1);
        int pageSize = intField(p, "pageSize", defaultSize);
        if (pageNo < 1) {
            throw ApiError.invalidArgument("pagination.pageNo", "must be at least 1, was " + pageNo);
        }
        if (pageSize < 1 || pageSize > maxSize) {
            throw ApiError.invalidArgument("pagination.pageSize",
                    "must be between 1 and " + maxSize + ", was " + pageSize);
        }
        JsonNode sorters = p.get("sorters");
        boolean sorted = sorters != null && sorters.isArray() && !sorters.isEmpty();
        if (sorted && !sortersAllowed) {
            throw ApiError.invalidArgument("pagination.sorters", "sorting is not supported by this API");
        }
        return new Paging(pageNo, pageSize, sorted ? sorters : null);
    }

    private static int intField(JsonNode p, String name, int fallback) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().matches("-?\\d{1,9}"))) {
            return v.asInt();
        }
        throw ApiError.invalidArgument("pagination." + name, "not an integer: " + v);
    }

    public int pageNo() {
        return pageNo;
    }

    public int pageSize() {
        return pageSize;
    }

    public JsonNode sorters() {
        return sorters;
    }

    /** Index of the first record of the page. */
    public long offset() {
        return (long) (pageNo - 1) * pageSize;
    }

    public ObjectNode toJson(long totalSize) {
        ObjectNode node = Json.object().put("pageNo", pageNo).put("pageSize", pageSize).put("totalSize", totalSize);
        if (sorters == null) {
            node.putNull("sortedBy");
        } else {
            node.set("sortedBy", sorters.deepCopy());
        }
        return node;
    }

    /** The page of an in-memory list, with projection, as a reply. */
    public Reply page(List<? extends JsonNode> all, Projection projection) {
        Collector collector = collector(r -> true, projection);
        all.forEach(collector);
        return collector.reply();
    }

    /** A visitor that counts every matching record and keeps only those of this page: memory is one page. */
    public Collector collector(Predicate<JsonNode> filter, Projection projection) {
        return new Collector(filter, projection);
    }

    /** See {@link #collector}. */
    public final class Collector implements Consumer<JsonNode> {
        private final Predicate<JsonNode> filter;
        private final Projection projection;
        private final ArrayNode items = Json.array();
        private long matched;

        private Collector(Predicate<JsonNode> filter, Projection projection) {
            this.filter = filter;
            this.projection = projection;
        }

        @Override
        public void accept(JsonNode record) {
            if (!filter.test(record)) {
                return;
            }
            long position = matched++;
            if (position >= offset() && position < offset() + pageSize) {
                items.add(Projection.apply(projection, record));
            }
        }

        public long totalSize() {
            return matched;
        }

        public Reply reply() {
            return Reply.page(items, toJson(matched));
        }
    }
}
