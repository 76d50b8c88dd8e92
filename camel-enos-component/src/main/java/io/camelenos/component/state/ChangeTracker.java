package io.camelenos.component.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.camel.spi.StateRepository;

/**
 * Change detection over the records of a search, kept in a Camel {@link StateRepository}: one entry per record
 * (key → hash of its content), written only once the record's exchange completed, and one index entry listing the
 * keys, written at the end of each poll. The index is what finds deletions after a restart.
 * <p>
 * A pass over every record: {@link #begin()}, then {@link #classify} each record; {@link #committed} or
 * {@link #failed} as its exchange ends; {@link #checkpoint()} when a poll ends before the last page (the next poll
 * goes on); after a complete pass {@link #missing()} are the deletions, each {@link #deletion} then committed or
 * failed; finally {@link #end(boolean)}.
 */
public final class ChangeTracker {

    private static final String DELETED = "";
    private static final String INDEX = "#index";

    private final StateRepository<String, String> repository;
    private final String prefix;
    private Set<String> known = new HashSet<>();
    private Set<String> index = new LinkedHashSet<>();

    /**
     * @param prefix the consumer's state key; must not contain '=' or a line break (FileStateRepository)
     */
    public ChangeTracker(StateRepository<String, String> repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** Starts a poll from the keys the last poll left in the index. */
    public void begin() {
        String stored = repository.getState(prefix + INDEX);
        known = new HashSet<>();
        if (stored != null && !stored.isEmpty()) {
            known.addAll(Arrays.asList(stored.split(",")));
        }
        index = new LinkedHashSet<>();
    }

    /** What happened to this record, with its new hash; null when it has not changed. */
    public Change classify(String key, String content) {
        known.remove(key);
        String hash = hash(content);
        String stored = repository.getState(prefix + ":" + key);
        if (stored == null || stored.equals(DELETED)) {
            return new Change(key, ChangeType.CREATED, hash);
        }
        if (stored.equals(hash)) {
            index.add(key);
            return null;
        }
        return new Change(key, ChangeType.UPDATED, hash);
    }

    /**
     * Like {@link #classify}, for records whose identity never changes (alerts): the value is stored as given, and
     * a known key is never UPDATED.
     */
    public Change classifyKnown(String key, String value) {
        known.remove(key);
        String stored = stored(key);
        if (stored == null) {
            return new Change(key, ChangeType.CREATED, value);
        }
        index.add(key);
        return null;
    }

    /** The value stored for a key by its last completed change, or null when none (or deleted). */
    public String stored(String key) {
        String stored = repository.getState(prefix + ":" + key);
        return stored == null || stored.equals(DELETED) ? null : stored;
    }

    /** Whether a completed change was ever recorded for this key, a deletion included. */
    public boolean seen(String key) {
        return repository.getState(prefix + ":" + key) != null;
    }

    /** The change's exchange completed: its state is now the record's. */
    public void committed(Change change) {
        switch (change.kind()) {
            case CREATED, UPDATED -> {
                repository.setState(prefix + ":" + change.key(), change.hash());
                index.add(change.key());
            }
            case DELETED -> repository.setState(prefix + ":" + change.key(), DELETED);
        }
    }

    /** The change's exchange failed: the old state stays, so the next poll reports the change again. */
    public void failed(Change change) {
        if (change.kind() != ChangeType.CREATED) {
            index.add(change.key());
        }
    }

    /** The keys known before this poll that it has not seen: deletions, once the poll saw every record. */
    public Set<String> missing() {
        return Set.copyOf(known);
    }

    /** A deletion to report. */
    public Change deletion(String key) {
        known.remove(key);
        return new Change(key, ChangeType.DELETED, DELETED);
    }

    /**
     * Saves the index mid-pass (a poll that ends before the last page): the keys seen so far and those not seen yet,
     * which may still exist. The pass goes on with what it has seen, so that its end still finds the deletions.
     */
    public void checkpoint() {
        Set<String> all = new LinkedHashSet<>(index);
        all.addAll(known);
        repository.setState(prefix + INDEX, String.join(",", all));
    }

    /** Ends the pass; an incomplete one keeps the keys it did not see, since they may still exist. */
    public void end(boolean complete) {
        if (!complete) {
            index.addAll(known);
        }
        repository.setState(prefix + INDEX, String.join(",", index));
    }

    /** A 64-bit FNV-1a hash of the record's JSON text: enough to notice a change, short to store. */
    static String hash(String content) {
        long h = 0xcbf29ce484222325L;
        for (byte b : content.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    /** A change of one record, and the hash to store once its exchange completed. */
    public record Change(String key, ChangeType kind, String hash) {
    }
}
