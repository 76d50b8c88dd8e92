package io.camelenos.simulator;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar enos-simulator.jar [flags]}: runs the emulator until the process is stopped. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar enos-simulator.jar [flags]
              --port N            port to listen on; 0 = any free port (default 0)
              --host H            address to bind (default 127.0.0.1)
              --app-key K         the app key (AccessKey) clients sign with (default sim-app-key)
              --app-secret S      the app secret (SecretKey) (default sim-app-secret)
              --org-id O          the organisation id (default o15589290244611)
              --assets N          how many assets the org holds in all (default 100)
              --seed S            seed of the generated data set (default 42)
              --auth MODE         strict | lenient (default strict)
              --token-ttl SECONDS access token lifetime (default 7200)
              --threads N         worker threads (default 16)
              --help              this text
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnosSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.print(USAGE);
            return;
        }
        EnosSimulator simulator;
        try {
            simulator = builder.build().start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("EnOS simulator listening on " + simulator.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The builder for the flags, or null when --help was asked for. */
    static EnosSimulator.Builder parse(String[] args) {
        EnosSimulator.Builder b = EnosSimulator.builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> b.port(number(flag, value));
                case "--host" -> b.host(value);
                case "--app-key" -> b.appKey(value);
                case "--app-secret" -> b.appSecret(value);
                case "--org-id" -> b.orgId(value);
                case "--assets" -> b.assets(number(flag, value));
                case "--seed" -> b.seed(longNumber(flag, value));
                case "--auth" -> b.authMode(authMode(value));
                case "--token-ttl" -> b.tokenTtlSeconds(longNumber(flag, value));
                case "--threads" -> b.threads(number(flag, value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        b.config(); // fails here, naming the flag's option, rather than after binding the port
        return b;
    }

    private static AuthMode authMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> AuthMode.STRICT;
            case "lenient" -> AuthMode.LENIENT;
            default -> throw new IllegalArgumentException("--auth must be strict or lenient, was " + value);
        };
    }

    private static int number(String flag, String value) {
        return (int) longNumber(flag, value);
    }

    private static long longNumber(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was " + value);
        }
    }
}
