package io.camelenos.component.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP forward proxy for tests, on loopback: absolute-form requests (plain HTTP) and CONNECT tunnels
 * (HTTPS), with optional Basic authentication. It counts what it forwarded and what it refused.
 */
final class TestHttpProxy implements AutoCloseable {

    final AtomicInteger forwarded = new AtomicInteger();
    final AtomicInteger tunnels = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    private final ServerSocket server;
    private final String expectedAuthorization;

    /** @param user null for a proxy that asks for no credentials */
    TestHttpProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "test-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            if (expectedAuthorization != null && !head.contains("\r\nProxy-Authorization: " + expectedAuthorization
                                                                  + "\r\n")
                && !head.contains("\r\nproxy-authorization: " + expectedAuthorization + "\r\n")) {
                refused.incrementAndGet();
                client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                                + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n"
                                                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (requestLine[0].equals("CONNECT")) {
                String[] hostPort = requestLine[1].split(":");
                try (Socket target = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    tunnels.incrementAndGet();
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    pipe(client, target, new byte[0]);
                }
                return;
            }
            URI uri = URI.create(requestLine[1]);
            try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
                forwarded.incrementAndGet();
                pipe(client, target, head.getBytes(StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // a connection closed by either side
        }
    }

    /** Sends what was read already to the target, then copies both ways until either side closes. */
    private static void pipe(Socket client, Socket target, byte[] first) throws IOException {
        target.getOutputStream().write(first);
        Thread up = new Thread(() -> copy(client, target), "test-proxy-up");
        up.setDaemon(true);
        up.start();
        copy(target, client);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}
