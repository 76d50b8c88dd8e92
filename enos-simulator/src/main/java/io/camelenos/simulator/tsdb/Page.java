package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;

/** The records of one (asset, column) in an answer, in answer order, held in arrays rather than objects. */
final class Page {

    private final int limit;
    long[] time;
    double[] number;
    JsonNode[] text;
    byte[] quality;
    int size;

    Page(int limit) {
        this.limit = limit;
        int capacity = Math.min(limit, 256);
        time = new long[capacity];
        number = new double[capacity];
        quality = new byte[capacity];
    }

    boolean full() {
        return size >= limit;
    }

    void add(long t, double n, JsonNode textValue, int q) {
        if (size == time.length) {
            int capacity = (int) Math.min(limit, time.length * 2L);
            time = Arrays.copyOf(time, capacity);
            number = Arrays.copyOf(number, capacity);
            quality = Arrays.copyOf(quality, capacity);
            if (text != null) {
                text = Arrays.copyOf(text, capacity);
            }
        }
        if (textValue != null) {
            if (text == null) {
                text = new JsonNode[time.length];
            }
            text[size] = textValue;
        }
        time[size] = t;
        number[size] = n;
        quality[size] = (byte) q;
        size++;
    }

    JsonNode text(int i) {
        return text == null ? null : text[i];
    }

    long last() {
        return time[size - 1];
    }

    /** Drops the records past {@code cut} in answer order (after it when ascending, before it when descending). */
    void cutAt(long cut, boolean desc) {
        while (size > 0 && (desc ? time[size - 1] < cut : time[size - 1] > cut)) {
            size--;
        }
    }
}
