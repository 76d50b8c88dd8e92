package io.camelenos.component.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import javax.net.ssl.SSLException;

import io.camelenos.component.LogSafe;

/**
 * Says what went wrong on the way to the gateway, naming host and port and the underlying cause: the JDK client's
 * ConnectException often has no message at all.
 */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    static String describe(URI uri, IOException e) {
        String where = uri.getHost() + ":" + port(uri);
        String what;
        if (e instanceof HttpConnectTimeoutException) {
            what = "connecting to " + where + " timed out";
        } else if (e instanceof HttpTimeoutException) {
            what = "no answer from " + where + " within the request timeout";
        } else if (root(e) instanceof UnknownHostException || root(e) instanceof UnresolvedAddressException) {
            what = "unknown host " + uri.getHost();
        } else if (root(e) instanceof SSLException || e instanceof SSLException) {
            what = "TLS handshake with " + where + " failed";
        } else if (String.valueOf(e.getMessage()).contains("authentication attempts")) {
            // the JDK gives up after the proxy answered 407 to the credentials three times
            what = "the HTTP proxy refused the proxyUsername/proxyPassword (HTTP 407) on the way to " + where;
        } else if (e instanceof ConnectException || root(e) instanceof ConnectException) {
            what = "cannot connect to " + where;
        } else {
            what = "connection to " + where + " failed";
        }
        return what + " (" + causes(e) + ")";
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Each exception of the chain, class and message, e.g. "ConnectException <- Connection refused". */
    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String one = t.getClass().getSimpleName()
                         + (t.getMessage() == null || t.getMessage().isBlank() ? "" : " " + t.getMessage());
            if (!one.equals(previous)) { // the JDK client wraps an exception in one of the same class
                out.append(out.length() > 0 ? ": " : "").append(LogSafe.abbreviate(one));
            }
            previous = one;
        }
        return out.toString();
    }
}
