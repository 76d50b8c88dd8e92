package io.camelenos.simulator.data;

import java.math.BigInteger;

/**
 * Turns an asset's index in the generated fleet into an EnOS-looking asset id and back, with no table: the id is a
 * two-letter tag of the seed and the index scrambled by an affine map modulo 36^8, written in base 36.
 */
final class AssetIds {

    private static final long MODULUS = 2_821_109_907_456L; // 36^8
    private static final long MULTIPLIER = 2_654_435_761L; // prime, so invertible modulo 36^8
    private static final long INVERSE = BigInteger.valueOf(MULTIPLIER)
            .modInverse(BigInteger.valueOf(MODULUS)).longValue();

    private final String tag;
    private final long offset;

    AssetIds(long seed) {
        long mixed = Math.floorMod(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L, 676L);
        this.tag = "" + (char) ('a' + mixed / 26) + (char) ('a' + mixed % 26);
        this.offset = Math.floorMod(seed * 1_000_003L + 12_345L, MODULUS);
    }

    String id(long index) {
        long scrambled = Math.floorMod(mulMod(index, MULTIPLIER) + offset, MODULUS);
        String digits = Long.toString(scrambled, 36);
        return tag + "0".repeat(8 - digits.length()) + digits;
    }

    /** The index of a generated id, or -1 when the text is not one of this seed's ids. */
    long index(String id) {
        if (id == null || id.length() != 10 || !id.startsWith(tag)) {
            return -1;
        }
        long scrambled;
        try {
            scrambled = Long.parseLong(id.substring(2), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
        if (scrambled < 0 || scrambled >= MODULUS || !id.substring(2).equals(id.substring(2).toLowerCase())) {
            return -1;
        }
        return mulMod(Math.floorMod(scrambled - offset, MODULUS), INVERSE);
    }

    /** a*b mod 36^8 for a, b below 2^42, in longs: split a into 21-bit halves so no product overflows. */
    static long mulMod(long a, long b) {
        long high = ((a >>> 21) * b) % MODULUS;
        long low = ((a & 0x1FFFFFL) * b) % MODULUS;
        return ((high << 21) % MODULUS + low) % MODULUS;
    }
}
