package io.camelenos.simulator.tsdb;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that TSDB answers are written into directly (a 640,000-record answer would otherwise be
 * millions of tree nodes). Numbers are written without going through strings where the value allows.
 */
final class JsonOut {

    private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int len;

    JsonOut() {
        this(16 * 1024);
    }

    JsonOut(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    JsonOut raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** ASCII text with no characters to escape (keys the emulator chose, digits). */
    JsonOut raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** A JSON string, escaped as needed. */
    JsonOut str(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        }
        if (plain) {
            ensure(s.length() + 2);
            buf[len++] = '"';
            raw(s);
            buf[len++] = '"';
            return this;
        }
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(s);
        ensure(escaped.length + 2);
        buf[len++] = '"';
        System.arraycopy(escaped, 0, buf, len, escaped.length);
        len += escaped.length;
        buf[len++] = '"';
        return this;
    }

    /** {@code "key":} */
    JsonOut key(String key) {
        str(key);
        return raw(':');
    }

    JsonOut num(long v) {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return raw(Long.toString(v));
            }
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = DIGITS[(int) (v % 10)];
            v /= 10;
        } while (v > 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /**
     * A double as JSON: values with at most three decimals (what the time series produce) are written from a
     * scaled long, others through {@link Double#toString}; NaN and infinities as null.
     */
    JsonOut num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return raw("null");
        }
        if (Math.abs(v) < 1e12) {
            long scaled = Math.round(v * 1000);
            if (scaled / 1000.0 == v) {
                if (scaled < 0) {
                    raw('-');
                    scaled = -scaled;
                }
                num(scaled / 1000);
                raw('.');
                int frac = (int) (scaled % 1000);
                if (frac == 0) {
                    return raw('0');
                }
                ensure(3);
                buf[len++] = DIGITS[frac / 100];
                if (frac % 100 != 0) {
                    buf[len++] = DIGITS[frac / 10 % 10];
                    if (frac % 10 != 0) {
                        buf[len++] = DIGITS[frac % 10];
                    }
                }
                return this;
            }
        }
        return raw(Double.toString(v));
    }

    /** Two digits, zero-padded (for dates). */
    void two(int v) {
        ensure(2);
        buf[len++] = DIGITS[v / 10];
        buf[len++] = DIGITS[v % 10];
    }

    void three(int v) {
        ensure(3);
        buf[len++] = DIGITS[v / 100];
        buf[len++] = DIGITS[v / 10 % 10];
        buf[len++] = DIGITS[v % 10];
    }

    /** Removes a trailing comma, if any (after the last element of a list written with a comma after each). */
    JsonOut dropComma() {
        if (len > 0 && buf[len - 1] == ',') {
            len--;
        }
        return this;
    }

    int length() {
        return len;
    }

    /** The bytes written, as a raw JSON value that Jackson copies to its output without decoding. */
    SerializableString serializable() {
        return new SerializedBytes(Arrays.copyOf(buf, len));
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
