package io.camelenos.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
            HTTPS:
              --tls                         serve HTTPS with a new self-signed certificate (localhost, 127.0.0.1)
              --tls-keystore FILE           serve HTTPS with the key of this PKCS12 keystore
              --tls-keystore-password P     its password
              --tls-truststore-out FILE     write a PKCS12 truststore (password changeit) trusting the certificate
            Faults on every API call (also settable at run time on POST /__sim/faults):
              --latency MS                  added before each answer (default 0)
              --latency-jitter MS           up to this much more, drawn for each call (default 0)
              --error-rate R                share answered HTTP 503, 0..1 (default 0)
              --rate-limit-rate R           share answered HTTP 429 with Retry-After (default 0)
              --retry-after S               the Retry-After of those answers, seconds (default 1)
              --drop-rate R                 share whose connection closes before any answer byte (default 0)
              --malformed-rate R            share answered with JSON cut in half (default 0)
              --reset-rate R                share whose connection closes half-way through the body (default 0)
              --trickle-rate R              share whose body trickles out slowly (default 0)
              --trickle-ms MS               how long a trickled body takes (default 200)
              --help                        this text
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Flags flags;
        try {
            flags = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (flags == null) {
            System.out.print(USAGE);
            return;
        }
        EnosSimulator simulator;
        try {
            simulator = flags.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        if (flags.trustStoreOut != null) {
            simulator.tls().writeTrustStore(Path.of(flags.trustStoreOut), "changeit");
            System.out.println("Truststore trusting the emulator's certificate: " + flags.trustStoreOut);
        }
        System.out.println("EnOS simulator listening on " + simulator.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** What the flags ask for: the emulator, the faults to set once it runs, where to write a truststore. */
    static final class Flags {
        final EnosSimulator.Builder builder = EnosSimulator.builder();
        final List<Consumer<EnosSimulator>> faults = new ArrayList<>();
        String trustStoreOut;
        private String keyStore;
        private String keyStorePassword;
        private boolean selfSigned;

        /** Starts the emulator the flags describe, its faults set. */
        EnosSimulator start() {
            EnosSimulator simulator = builder.build().start();
            faults.forEach(fault -> fault.accept(simulator));
            return simulator;
        }
    }

    /** The flags, or null when --help was asked for. */
    static Flags parse(String[] args) {
        Flags flags = new Flags();
        EnosSimulator.Builder b = flags.builder;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (flag.equals("--tls")) {
                flags.selfSigned = true;
                continue;
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
                case "--tls-keystore" -> flags.keyStore = value;
                case "--tls-keystore-password" -> flags.keyStorePassword = value;
                case "--tls-truststore-out" -> flags.trustStoreOut = value;
                default -> flags.faults.add(fault(flag, value));
            }
        }
        b.config(); // fails here, naming the flag's option, rather than after binding the port
        tls(flags);
        return flags;
    }

    private static void tls(Flags flags) {
        if (flags.keyStore != null) {
            if (flags.keyStorePassword == null) {
                throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
            }
            flags.builder.tls(SimulatorTls.keyStore(Path.of(flags.keyStore), flags.keyStorePassword));
        } else if (flags.selfSigned) {
            flags.builder.tls(SimulatorTls.selfSigned());
        } else if (flags.trustStoreOut != null) {
            throw new IllegalArgumentException("--tls-truststore-out needs --tls or --tls-keystore");
        }
    }

    /** A fault flag, checked now (the Faults setters name the option on a bad value), applied once started. */
    private static Consumer<EnosSimulator> fault(String flag, String value) {
        Consumer<EnosSimulator> fault = switch (flag) {
            case "--latency" -> s -> s.faults().latencyMillis(longNumber(flag, value));
            case "--latency-jitter" -> s -> s.faults().latencyJitterMillis(longNumber(flag, value));
            case "--error-rate" -> s -> s.faults().serverErrorRate(rate(flag, value));
            case "--rate-limit-rate" -> s -> s.faults().rateLimitRate(rate(flag, value));
            case "--retry-after" -> s -> s.faults().retryAfterSeconds(number(flag, value));
            case "--drop-rate" -> s -> s.faults().dropRate(rate(flag, value));
            case "--malformed-rate" -> s -> s.faults().malformedRate(rate(flag, value));
            case "--reset-rate" -> s -> s.faults().resetRate(rate(flag, value));
            case "--trickle-rate" -> s -> s.faults().trickleRate(rate(flag, value));
            case "--trickle-ms" -> s -> s.faults().trickleMillis(longNumber(flag, value));
            default -> throw new IllegalArgumentException("unknown flag " + flag);
        };
        fault.accept(PROBE); // a bad value fails before the port is bound
        return fault;
    }

    /** Faults of an emulator that never starts: where fault flags are tried before the real one runs. */
    private static final EnosSimulator PROBE = EnosSimulator.builder().build();

    private static double rate(String flag, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(flag + " needs a share between 0 and 1, was " + value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a share between 0 and 1, was " + value);
        }
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
