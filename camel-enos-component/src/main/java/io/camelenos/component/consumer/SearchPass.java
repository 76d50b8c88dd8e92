package io.camelenos.component.consumer;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelenos.component.catalog.EnosOperation;
import io.camelenos.component.client.PageCursor;
import io.camelenos.component.client.Pages;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of a search consumer over every page of its search. A pass may take several polls: a poll that fails or
 * stops part-way leaves the pass open at the page after the last one it routed, and the next poll (or the next start of
 * the route, since the position is kept in the state repository) resumes it there instead of at page 1. What the pass
 * saw so far (the total, whether the result drifted, how many exchanges it routed) travels with it.
 */
final class SearchPass {

    private static final Logger LOG = LoggerFactory.getLogger(SearchPass.class);
    private static final String SUFFIX = "#pass";

    private final StateRepository<String, String> repository;
    private final String key;
    private final ObjectMapper mapper;
    private final PageCursor first;
    private PageCursor cursor;
    private long total = -1;
    private boolean drift;
    private int sent;
    private boolean resumed;
    private boolean restored;

    private SearchPass(StateRepository<String, String> repository, String key, ObjectMapper mapper, PageCursor first) {
        this.repository = repository;
        this.key = key + SUFFIX;
        this.mapper = mapper;
        this.first = first;
        this.cursor = first;
    }

    /**
     * The pass a consumer starting now continues: the one left open in the repository by an earlier run with the same
     * page size, else a new pass from the first page.
     */
    static SearchPass restore(StateRepository<String, String> repository, String stateKey, ObjectMapper mapper,
                              EnosOperation op, Integer pageSize) {
        SearchPass pass = new SearchPass(repository, stateKey, mapper, Pages.first(op, pageSize));
        String stored = repository.getState(pass.key);
        if (stored == null || stored.isEmpty()) {
            return pass;
        }
        try {
            JsonNode node = mapper.readTree(stored);
            PageCursor cursor = new PageCursor(node.hasNonNull("pageNo") ? node.get("pageNo").intValue() : null,
                    pageSize, node.hasNonNull("pageToken") ? node.get("pageToken").asText() : null);
            Integer storedSize = node.hasNonNull("pageSize") ? node.get("pageSize").intValue() : null;
            if (Objects.equals(storedSize, pageSize)) {
                pass.cursor = cursor;
                pass.total = node.path("total").asLong(-1);
                pass.drift = node.path("drift").asBoolean();
                pass.sent = node.path("sent").asInt();
                pass.resumed = true;
                pass.restored = true;
            }
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring the unreadable search position kept under {}; the pass starts again at the first page",
                    pass.key);
        }
        return pass;
    }

    /** The page the next poll asks for first. */
    PageCursor cursor() {
        return cursor;
    }

    /** True when this poll continues a pass an earlier poll (or run) left open. */
    boolean isResumed() {
        return resumed;
    }

    /**
     * True when the pass was resumed from the repository at start: the records routed before the restart are not
     * known, so the pass cannot tell deletions.
     */
    boolean isRestored() {
        return restored;
    }

    long total() {
        return total;
    }

    boolean drift() {
        return drift;
    }

    int sent() {
        return sent;
    }

    /** A page of the pass was seen, announcing this total; a change of the total mid-pass is drift. */
    void see(long pageTotal) {
        if (total != -1 && pageTotal != total) {
            drift = true;
        }
        total = pageTotal;
    }

    void drifted() {
        drift = true;
    }

    /**
     * Every exchange of a page has been routed: the pass continues after it, and the position is saved, so that a
     * crash re-delivers at most the page being routed.
     *
     * @param next  the page after it, null when it was the last
     * @param count the exchanges routed in all so far
     */
    void routed(PageCursor next, int count) {
        cursor = next;
        sent = count;
        if (next != null) {
            save();
        }
    }

    /** True once the last page has been routed. */
    boolean isOver() {
        return cursor == null;
    }

    /** The poll ended: an open pass is kept for the next poll; after a finished one, the next poll starts anew. */
    void endPoll() {
        if (isOver()) {
            repository.setState(key, "");
            cursor = first;
            total = -1;
            drift = false;
            sent = 0;
            resumed = false;
            restored = false;
        } else {
            resumed = true;
            save();
        }
    }

    private void save() {
        ObjectNode node = mapper.createObjectNode();
        node.put("pageNo", cursor.pageNo());
        node.put("pageSize", cursor.pageSize());
        node.put("pageToken", cursor.pageToken());
        node.put("total", total);
        node.put("drift", drift);
        node.put("sent", sent);
        repository.setState(key, node.toString());
    }
}
