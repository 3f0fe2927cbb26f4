package dev.sluice.testkit;

import dev.sluice.testkit.internal.ProcessRunner;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs {@code kcat} (formerly {@code kafkacat}), librdkafka's command-line client: a Kafka client
 * written independently of both the JVM clients and Sluice, which makes it the second opinion on
 * what the protocol means.
 *
 * <p>The binary is looked up once: the system property {@code sluice.kcat} (a path) if set, else
 * {@code kcat} then {@code kafkacat} on {@code PATH}. Tests that need it start with
 * {@code assumeTrue(Kcat.isAvailable())}; CI installs it ({@code .ci/run}), so there they run.
 *
 * <p>Thread-safe: every call runs its own process.
 */
public final class Kcat {
    /** Names of the binary, newest first (Debian ships both, older distributions only kafkacat). */
    private static final List<String> BINARY_NAMES = List.of("kcat", "kafkacat");
    private static final Optional<Path> EXECUTABLE = locate();

    private Kcat() {
    }

    /** Whether a kcat binary was found. */
    public static boolean isAvailable() {
        return EXECUTABLE.isPresent();
    }

    /** The kcat binary, if found. */
    public static Optional<Path> executable() {
        return EXECUTABLE;
    }

    /** {@link #run(byte[], Duration, List)} with empty stdin. */
    public static ProcessResult run(final Duration timeout, final String... args) {
        return run(new byte[0], timeout, List.of(args));
    }

    /** {@link #run(byte[], Duration, List)} with UTF-8 text as stdin. */
    public static ProcessResult run(final String stdin, final Duration timeout, final String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), timeout, List.of(args));
    }

    /**
     * Runs kcat with {@code args}, writes {@code stdin} to it and closes its stdin, and waits for it
     * to exit. A non-zero exit status is returned, not thrown: tests may expect one.
     *
     * @throws IllegalStateException  if kcat is not installed (check {@link #isAvailable()} first)
     * @throws ChildProcessException  if kcat cannot be started or runs longer than {@code timeout}
     */
    public static ProcessResult run(final byte[] stdin, final Duration timeout, final List<String> args) {
        Objects.requireNonNull(args, "args");
        final Path kcat = EXECUTABLE.orElseThrow(() -> new IllegalStateException(
                "kcat is not installed: tried system property sluice.kcat and " + BINARY_NAMES + " on PATH"));
        final List<String> command = new ArrayList<>(args.size() + 1);
        command.add(kcat.toString());
        command.addAll(args);
        return ProcessRunner.run(command, null, stdin, timeout);
    }

    private static Optional<Path> locate() {
        final String configured = System.getProperty("sluice.kcat");
        if (configured != null && !configured.isBlank()) {
            final Path path = Paths.get(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        final String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (final String name : BINARY_NAMES) {
            for (final String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                final Path candidate = Paths.get(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
