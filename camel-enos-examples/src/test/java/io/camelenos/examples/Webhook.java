package io.camelenos.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook for the tests (the JDK's HTTP server on a free port): it answers each POST 204, or 503 when
 * the {@code fails} predicate says so for the call's number (1, 2, ...), and keeps every call.
 */
final class Webhook implements AutoCloseable {

    /** One call as the webhook received it. */
    record Call(int number, int status, String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final IntPredicate fails;

    private Webhook(IntPredicate fails) throws IOException {
        this.fails = fails;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A webhook that fails the calls for which {@code fails} is true. */
    static Webhook failing(IntPredicate fails) throws IOException {
        return new Webhook(fails);
    }

    /** The URL to post to, with a path that stands for the secret some webhook URLs carry. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/s3cret-path-token";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The bodies of the calls answered with success. */
    List<String> delivered() {
        return calls.stream().filter(c -> c.status() < 300).map(Call::body).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int number = count.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = !"POST".equals(exchange.getRequestMethod()) ? 405 : fails.test(number) ? 503 : 204;
        calls.add(new Call(number, status, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
