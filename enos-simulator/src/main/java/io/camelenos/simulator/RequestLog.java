package io.camelenos.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camelenos.simulator.wire.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The last requests the emulator answered (bounded), for tests that count calls, retries and token requests. */
public final class RequestLog {

    /** One answered request. {@code apiCode} is the envelope's code/status, null when there was none. */
    public record Entry(long seq, long timeMillis, String method, String path, String query, int httpStatus,
                        Integer apiCode, String fault, long micros) {

        public String action() {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("action=")) {
                    return pair.substring(7);
                }
            }
            return null;
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong seq = new AtomicLong();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    void add(String method, String path, String query, int status, Integer apiCode, String fault, long micros) {
        Entry entry = new Entry(seq.incrementAndGet(), System.currentTimeMillis(), method, path, query, status,
                apiCode, fault, micros);
        synchronized (entries) {
            entries.addLast(entry);
            if (entries.size() > capacity) {
                entries.pollFirst();
            }
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public List<Entry> entries(Predicate<Entry> filter) {
        return entries().stream().filter(filter).toList();
    }

    /** Requests to a path (exact match), in order. */
    public List<Entry> forPath(String path) {
        return entries(e -> e.path().equals(path));
    }

    public long count(Predicate<Entry> filter) {
        return entries(filter).size();
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** The entries after the given sequence number, as the admin path shows them. */
    public ArrayNode toJson(long sinceSeq) {
        ArrayNode array = Json.array();
        for (Entry e : entries(e -> e.seq() > sinceSeq)) {
            array.add(Json.tree(e));
        }
        return array;
    }
}
