package io.camelenos.simulator.fault;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an answer's body the way a fault wants it: cut half-way with the connection closed (the client sees the
 * stream end before the announced Content-Length), or trickled out in small pieces.
 */
public final class FaultyBody {

    private static final int TRICKLE_PIECES = 16;

    private FaultyBody() {
    }

    /**
     * Writes the body; for {@link FaultKind#RESET_MID_BODY} throws after half of it, which makes the JDK server close
     * the connection.
     */
    public static void write(OutputStream out, byte[] bytes, FaultKind fault, long trickleMillis) throws IOException {
        if (fault == FaultKind.RESET_MID_BODY) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new IOException("injected fault: connection reset half-way through the body");
        }
        if (fault == FaultKind.TRICKLE && bytes.length > 1) {
            trickle(out, bytes, trickleMillis);
            return;
        }
        out.write(bytes);
    }

    private static void trickle(OutputStream out, byte[] bytes, long trickleMillis) throws IOException {
        int piece = Math.max(1, (bytes.length + TRICKLE_PIECES - 1) / TRICKLE_PIECES);
        long pause = trickleMillis / TRICKLE_PIECES;
        for (int offset = 0; offset < bytes.length; offset += piece) {
            out.write(bytes, offset, Math.min(piece, bytes.length - offset));
            out.flush();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while trickling", e);
            }
        }
    }
}
