package io.camelenos.component.consumer;

import java.util.ArrayList;
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
 * The pages of a TSDB poll's chunks, with up to {@code parallel} requests in flight: one per chunk being read, as a
 * chunk's next page starts after its last timestamp (reference §4.6). Chunks cover disjoint (asset, point) pairs, so
 * their pages are handed out as they arrive, each chunk's in order. Memory holds at most {@code parallel} pages
 * fetched or being fetched, plus the one being routed. Without an executor each page is fetched in the caller's
 * thread, chunk after chunk. Not thread safe: one caller asks for the pages.
 */
final class TsdbPageSource implements AutoCloseable {

    /** Sends the request of a chunk's page and reads the answer (on a fetch thread). */
    interface Fetcher {
        TsdbPage fetch(TsdbChunkRead chunk, long from);
    }

    private final Iterator<TsdbChunkRead> chunks;
    private final ToLongFunction<TsdbChunkRead> start;
    private final Fetcher fetcher;
    private final ExecutorService executor;
    private final int parallel;
    private final BlockingQueue<Future<TsdbPage>> arrived = new LinkedBlockingQueue<>();
    private final List<Future<TsdbPage>> inFlight = new ArrayList<>();

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
        startChunks();
        if (inFlight.isEmpty()) {
            return null;
        }
        TsdbPage page = await(executor == null ? inFlight.get(0) : arrived.take());
        if (!page.isLastOfChunk()) {
            submit(page.read(), page.maxTimestamp() + 1); // the chunk goes on while this page is routed
        }
        startChunks();
        return page;
    }

    @Override
    public void close() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private void startChunks() {
        while (inFlight.size() < parallel && chunks.hasNext()) {
            TsdbChunkRead chunk = chunks.next();
            long from = start.applyAsLong(chunk);
            if (from <= chunk.end()) {
                submit(chunk, from);
            }
        }
    }

    private void submit(TsdbChunkRead chunk, long from) {
        FutureTask<TsdbPage> task = new FutureTask<>(() -> fetcher.fetch(chunk, from)) {
            @Override
            protected void done() {
                arrived.add(this);
            }
        };
        inFlight.add(task);
        if (executor != null) {
            executor.execute(task);
        }
    }

    private TsdbPage await(Future<TsdbPage> future) throws InterruptedException {
        if (executor == null) {
            ((FutureTask<TsdbPage>) future).run();
            arrived.clear();
        }
        inFlight.remove(future);
        return PageFutures.take(future, this::close, "EnOS TSDB request");
    }
}
