package io.camelenos.component.client;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How the component reaches a gateway: TLS settings and proxy. Endpoints with equal settings share one JDK HttpClient
 * (its connection pool); equal means the same SSLContext object and the same proxy and credentials, compared through a
 * digest of the password so that the password is never part of a key or a string.
 *
 * @param sslContext    the TLS context, or null for the JVM's default (its trusted CAs)
 * @param proxyHost     the HTTP proxy, or null for none
 * @param proxyPort     its port
 * @param proxyUsername the proxy user, or null
 * @param proxyPassword the proxy password (not in toString)
 */
public record HttpTransport(SSLContext sslContext, String proxyHost, int proxyPort, String proxyUsername,
        String proxyPassword) {

    /** A new JDK client for this transport; hostname verification stays on, as the JDK always has it for HTTPS. */
    public HttpClient newClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (proxyHost != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort)));
            if (proxyUsername != null) {
                builder.authenticator(new ProxyCredentials(proxyUsername, proxyPassword));
            }
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpTransport t && sslContext == t.sslContext && Objects.equals(proxyHost, t.proxyHost)
               && proxyPort == t.proxyPort && Objects.equals(proxyUsername, t.proxyUsername)
               && Objects.equals(digest(proxyPassword), digest(t.proxyPassword));
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(sslContext), proxyHost, proxyPort, proxyUsername);
    }

    @Override
    public String toString() {
        return "HttpTransport[tls=" + (sslContext == null ? "default" : "custom") + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + "]";
    }

    private static String digest(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the proxy's authentication request only: never a server's. */
    private static final class ProxyCredentials extends Authenticator {
        private final String user;
        private final String password;

        ProxyCredentials(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(user, password == null ? new char[0] : password.toCharArray());
        }
    }
}
