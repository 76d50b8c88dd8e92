package io.camelenos.component.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.ToLongFunction;

import io.camelenos.component.client.PageFutures;

/**
 * The pages of a TSDB poll's chunks, with up to {@code parallel} requests in flight or answered and waiting.
 * Chunks cover disjoint (asset, point) pairs, so their pages are handed out as they arrive. Within a chunk a page
 * continues after the last timestamp of the one before (reference §4.6), so a chunk alone would be read one request at
 * a time: once its first page shows how long a time span one page covers, the rest of its range is cut into segments
 * of about that span, read in parallel, and handed out in time order (a segment's pages, continued as needed, before
 * the next segment's). Each (asset, point) thus gets its samples in time order, as from a sequential read, and its
 * watermark moves the same way. Memory holds at most {@code parallel} pages fetched or being fetched, plus the one
 * being routed. Without an executor each page is fetched in the caller's thread, chunk after chunk, without segments.
 * Not thread safe: one caller asks for the pages.
 */
final class TsdbPageSource implements AutoCloseable {

    /** A segment spans this share of what the chunk's first page covered, so that one page mostly reads it whole. */
    private static final double SEGMENT_SHARE = 0.9;

    /** Sends the request of a chunk's page over [from, end] and reads the answer (on a fetch thread). */
    interface Fetcher {
        TsdbPage fetch(TsdbChunkRead chunk, long from, long end);
    }

    private final Iterator<TsdbChunkRead> chunks;
    private final ToLongFunction<TsdbChunkRead> start;
    private final Fetcher fetcher;
    private final ExecutorService executor;
    private final int parallel;
    private final BlockingQueue<Future<TsdbPage>> arrived = new LinkedBlockingQueue<>();
    private final List<ChunkStream> reading = new ArrayList<>();
    private int slots;

    /** One chunk being read: its segments started and not yet handed out whole, in time order. */
    private static final class ChunkStream {
        final TsdbChunkRead read;
        final Deque<Segment> segments = new ArrayDeque<>();
        /** What one segment spans, once the first page told; 0 before. */
        long span;
        /** Where the next segment starts (past the chunk's end when every segment has started). */
        long nextFrom;

        ChunkStream(TsdbChunkRead read) {
            this.read = read;
        }

        boolean done() {
            return segments.isEmpty() && (span == 0 || nextFrom > read.end());
        }
    }

    /** A time range of a chunk, read page after page; {@code request} is its page in flight or answered. */
    private static final class Segment {
        long end;
        FutureTask<TsdbPage> request;

        Segment(long end) {
            this.end = end;
        }
    }

    /**
     * @param start where a chunk's read starts (called in the caller's thread, when the chunk's turn comes)
     */
    TsdbPageSource(List<TsdbChunkRead> chunks, ToLongFunction<TsdbChunkRead> start, Fetcher fetcher,
                   ExecutorService executor, int parallel) {
        this.chunks = chunks.iterator();
        this.start = start;
        this.fetcher = fetcher;
        this.executor = executor;
        this.parallel = executor == null ? 1 : Math.max(1, parallel);
    }

    /** The next page to route, waiting for one if need be; null when every chunk has been read. */
    TsdbPage next() throws InterruptedException {
        fill();
        while (!reading.isEmpty()) {
            for (ChunkStream stream : reading) {
                Segment head = stream.segments.peekFirst();
                if (head != null && (executor == null || head.request.isDone())) {
                    return handOut(stream, head);
                }
            }
            arrived.take(); // a request finished: look again for a chunk whose earliest segment is answered
        }
        return null;
    }

    @Override
    public void close() {
        for (ChunkStream stream : reading) {
            stream.segments.forEach(s -> s.request.cancel(true));
        }
        reading.clear();
    }

    private TsdbPage handOut(ChunkStream stream, Segment head) throws InterruptedException {
        slots--;
        TsdbPage page = await(head.request);
        if (stream.span == 0 && executor != null && page.isFull() && page.maxTimestamp() < head.end) {
            // the chunk's first full page: its span sizes the segments the rest of the range is cut into
            stream.span = Math.max(1, (long) ((page.maxTimestamp() - page.from()) * SEGMENT_SHARE));
            head.end = Math.min(stream.read.end(), page.maxTimestamp() + stream.span);
            stream.nextFrom = head.end + 1;
        }
        if (page.isLastOfRange()) {
            stream.segments.removeFirst();
        } else {
            submit(head, stream.read, page.maxTimestamp() + 1); // the segment goes on while this page is routed
        }
        if (stream.done()) {
            reading.remove(stream);
        }
        page.lastOfChunk(stream.done());
        fill();
        return page;
    }

    /** Starts requests while slots are free: new chunks first, then the next segments of chunks being read. */
    private void fill() {
        while (slots < parallel && chunks.hasNext()) {
            TsdbChunkRead chunk = chunks.next();
            long from = start.applyAsLong(chunk);
            if (from <= chunk.end()) {
                ChunkStream stream = new ChunkStream(chunk);
                startSegment(stream, from, chunk.end());
                reading.add(stream);
            }
        }
        for (ChunkStream stream : reading) {
            while (slots < parallel && stream.span > 0 && stream.nextFrom <= stream.read.end()) {
                long end = Math.min(stream.read.end(), stream.nextFrom + stream.span - 1);
                startSegment(stream, stream.nextFrom, end);
                stream.nextFrom = end + 1;
            }
        }
    }

    private void startSegment(ChunkStream stream, long from, long end) {
        Segment segment = new Segment(end);
        stream.segments.addLast(segment);
        submit(segment, stream.read, from);
    }

    private void submit(Segment segment, TsdbChunkRead chunk, long from) {
        long end = segment.end;
        segment.request = new FutureTask<>(() -> fetcher.fetch(chunk, from, end)) {
            @Override
            protected void done() {
                arrived.add(this);
            }
        };
        slots++;
        if (executor != null) {
            executor.execute(segment.request);
        }
    }

    private TsdbPage await(FutureTask<TsdbPage> request) throws InterruptedException {
        if (executor == null) {
            request.run();
            arrived.clear();
        }
        return PageFutures.take(request, this::close, "EnOS TSDB request");
    }
}
