package io.camelenos.component.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelenos.component.EnosOptionCheck;

/**
 * One partition of the assets, from the {@code partition} option {@code k/n} (0 &lt;= k &lt; n): the assets whose
 * stable hash modulo n is k. The hash is the first 8 bytes of the SHA-256 of the asset id's UTF-8 bytes, read as an
 * unsigned big-endian number: the same on every JVM and in every language, so that processes, and tools outside Java,
 * agree on which partition an asset belongs to.
 */
public final class AssetPartition {

    /** More partitions than this is a typo, not a deployment. */
    public static final int MAX_PARTITIONS = 4096;

    private static final Pattern K_OF_N = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    private final int index;
    private final int count;

    private AssetPartition(int index, int count) {
        this.index = index;
        this.count = count;
    }

    /**
     * The partition {@code k/n}, or null for none.
     *
     * @throws IllegalArgumentException naming the option and the value when it is not {@code k/n} with 0 &lt;= k &lt; n
     */
    public static AssetPartition parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = K_OF_N.matcher(text.trim());
        if (!m.matches()) {
            throw invalid(text, "must be k/n, the partition k of n counted from 0, such as 3/8");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > MAX_PARTITIONS) {
            throw invalid(text, "the number of partitions n must be between 1 and " + MAX_PARTITIONS);
        }
        if (k >= n) {
            throw invalid(text, "the partition k must be between 0 and n-1 = " + (n - 1));
        }
        return new AssetPartition(k, n);
    }

    /** The partition (0..count-1) of an asset id among {@code count}. */
    public static int of(String assetId, int count) {
        byte[] digest = sha256(assetId.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = hash << 8 | digest[i] & 0xFF;
        }
        return (int) Long.remainderUnsigned(hash, count);
    }

    /** True when the asset id falls in this partition. */
    public boolean takes(String assetId) {
        return of(assetId, count) == index;
    }

    public int index() {
        return index;
    }

    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static IllegalArgumentException invalid(String text, String rule) {
        return EnosOptionCheck.invalid("partition", text, rule);
    }
}
