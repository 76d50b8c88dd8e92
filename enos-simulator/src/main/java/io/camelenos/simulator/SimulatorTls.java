package io.camelenos.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificate the emulator serves HTTPS with: a self-signed one made for the given host names (with the JDK's
 * {@code keytool}, so no extra library), or one from a PKCS12 keystore. Clients trust it through
 * {@link #writeTrustStore}, a PKCS12 truststore holding only the certificate.
 */
public final class SimulatorTls {

    private static final String ALIAS = "enos-simulator";

    private final KeyStore keyStore;
    private final char[] password;

    private SimulatorTls(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    /**
     * A new self-signed certificate for these names (DNS names, or IP addresses), valid for a year; by default
     * {@code localhost} and {@code 127.0.0.1}.
     */
    public static SimulatorTls selfSigned(String... names) {
        List<String> san = new ArrayList<>();
        for (String name : names.length == 0 ? new String[] { "localhost", "127.0.0.1" } : names) {
            san.add((name.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + name);
        }
        try {
            Path dir = Files.createTempDirectory("enos-simulator-tls");
            Path file = dir.resolve("keystore.p12");
            String pass = Long.toHexString(Double.doubleToLongBits(Math.random()));
            keytool(file, pass, names.length == 0 ? "localhost" : names[0], String.join(",", san));
            SimulatorTls tls = keyStore(file, pass);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            return tls;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** The first key entry of a PKCS12 keystore. */
    public static SimulatorTls keyStore(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return new SimulatorTls(store, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The server side: this certificate and its key. */
    public SSLContext sslContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The served certificate. */
    public X509Certificate certificate() {
        try {
            String alias = keyStore.aliases().nextElement();
            return (X509Certificate) keyStore.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PKCS12 truststore that trusts this certificate (and nothing else). */
    public Path writeTrustStore(Path file, String password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate());
            trust.store(out, password.toCharArray());
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the truststore " + file + ": " + e.getMessage(), e);
        }
    }

    private static void keytool(Path file, String pass, String commonName, String san) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-validity", "365",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", pass, "-keypass", pass)
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
