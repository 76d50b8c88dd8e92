package io.camelenos.simulator.wire;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** EnOS's comma-separated parameters ({@code assetIds=a,b}, {@code valueFilter=1,5}): split once, the same way everywhere. */
public final class CommaSeparated {

    private CommaSeparated() {
    }

    /** The items in order, trimmed, blanks dropped; duplicates kept (a range may be {@code 5,5}). Null reads as empty. */
    public static List<String> list(String text) {
        List<String> result = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    result.add(item.trim());
                }
            }
        }
        return result;
    }

    /** As {@link #list(String)}, with each item once (the first time it appears). */
    public static List<String> distinct(String text) {
        return new ArrayList<>(new LinkedHashSet<>(list(text)));
    }
}
