package io.camelenos.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import io.camelenos.app.EtlConfig;
import io.camelenos.app.enos.EnosGateway;
import io.camelenos.app.text.UntrustedText;
import io.quarkus.runtime.Startup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the app's API, from configuration: the writer ({@code camel-enos.api.writer.username|password}, roles
 * writer and reader) and the reader ({@code camel-enos.api.reader.*}, role reader). There is no default user, except
 * in the embedded (demo) mode, where a writer {@value #DEMO_USER}:{@value #DEMO_PASSWORD} exists when none is
 * configured, so that the README's update example works on the emulator's demo data. Bad settings fail the start.
 */
@Singleton
@Startup
public class ApiUsers {

    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger LOG = LoggerFactory.getLogger(ApiUsers.class);

    private final List<ApiUser> users = new ArrayList<>();
    private final boolean embedded;

    ApiUsers(EtlConfig config, EnosGateway gateway) {
        embedded = gateway.isEmbeddedEmulator();
        configured("writer", config.api().writer(), Set.of(Roles.WRITER, Roles.READER)).ifPresent(users::add);
        configured("reader", config.api().reader(), Set.of(Roles.READER)).ifPresent(users::add);
        if (embedded && !hasWriter()) {
            users.add(new ApiUser(DEMO_USER, DEMO_PASSWORD, Set.of(Roles.WRITER, Roles.READER)));
            LOG.info("Embedded mode: the update API takes the demo user {}:{} (a deployment with a gateway URL has no "
                     + "default user; set CAMEL_ENOS_API_WRITER_USERNAME and CAMEL_ENOS_API_WRITER_PASSWORD)",
                    DEMO_USER, DEMO_PASSWORD);
        } else if (!hasWriter()) {
            LOG.info("No writer configured: the update API answers 401 until CAMEL_ENOS_API_WRITER_USERNAME and "
                     + "CAMEL_ENOS_API_WRITER_PASSWORD are set");
        }
    }

    /** The user with this name and password. */
    public Optional<ApiUser> authenticate(String name, char[] password) {
        return users.stream().filter(user -> user.matches(name, password)).findFirst();
    }

    /** Whether a user with the writer role exists. */
    public boolean hasWriter() {
        return users.stream().anyMatch(user -> user.roles().contains(Roles.WRITER));
    }

    /** Whether a user with the reader role exists. */
    public boolean hasReader() {
        return users.stream().anyMatch(user -> user.roles().contains(Roles.READER));
    }

    /** Whether data reads are open to anyone: only in the embedded mode (emulator data, loopback address). */
    public boolean openReads() {
        return embedded;
    }

    private static Optional<ApiUser> configured(String kind, EtlConfig.Credentials credentials, Set<String> roles) {
        String prefix = "camel-enos.api." + kind + ".";
        Optional<String> name = credentials.username().filter(n -> !n.isBlank());
        Optional<String> password = credentials.password().filter(p -> !p.isEmpty());
        if (name.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (name.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException(prefix + "username and " + prefix + "password must be set together; "
                    + (name.isEmpty() ? "username" : "password") + " is missing");
        }
        if (UntrustedText.hasControlCharacters(name.get()) || name.get().contains(":")) {
            throw new IllegalArgumentException(prefix + "username must not contain ':' or control characters, was "
                    + UntrustedText.forLog(name.get()));
        }
        if (password.get().length() < MIN_PASSWORD_LENGTH) {
            // the value is a secret: only its length goes into the message
            throw new IllegalArgumentException(prefix + "password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters, has " + password.get().length());
        }
        return Optional.of(new ApiUser(name.get(), password.get(), roles));
    }
}
