package dev.sluice.benchmarks.broker;

import dev.sluice.broker.MockBrokerMain;
import dev.sluice.testkit.FreePorts;
import dev.sluice.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Sluice broker as its own JVM ({@link MockBrokerMain}, from this JVM's classpath), so that its
 * resident memory and CPU time are its own, as they are for the Apache Kafka child. Output goes to
 * {@code broker.log} beside the data directory, which {@link #close()} deletes.
 */
final class SluiceBrokerProcess implements RunningBroker {
    private static final long STOP_WAIT_SECONDS = 30;

    private final String name;
    private final Process process;
    private final Path workDir;
    private final int port;

    private SluiceBrokerProcess(final String name, final Process process, final Path workDir, final int port) {
        this.name = name;
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    /**
     * Launches the broker and returns once it accepts TCP connections.
     *
     * @param name       the name in the result tables
     * @param jvmOptions the child's JVM options (heap, collector)
     * @param config     broker settings, passed as {@code --config key=value}
     * @throws IllegalStateException if it exits or does not accept connections within {@code timeout}
     */
    static SluiceBrokerProcess start(final String name, final List<String> jvmOptions, final Map<String, String> config,
                                     final Duration timeout) {
        final Path workDir = TempDirs.create("sluice-bench-");
        final int port = FreePorts.one();
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MockBrokerMain.class.getName());
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data-dir", workDir.resolve("data").toString()));
        config.forEach((key, value) -> command.addAll(List.of("--config", key + "=" + value)));
        final Process process = launch(command, workDir);
        final SluiceBrokerProcess broker = new SluiceBrokerProcess(name, process, workDir, port);
        if (PortProbe.awaitAccepting(port, process, timeout) < 0) {
            broker.close();
            throw new IllegalStateException("Sluice broker did not accept connections on port " + port + " within "
                    + timeout + "; see " + workDir.resolve("broker.log"));
        }
        return broker;
    }

    static Process launch(final List<String> command, final Path workDir) {
        try {
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("broker.log").toFile())
                    .start();
        } catch (final IOException e) {
            throw new UncheckedIOException("could not launch " + command.get(0), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop(process);
        TempDirs.deleteRecursively(workDir);
    }

    /** SIGTERM (the broker's shutdown hook closes its logs), then SIGKILL if it lingers. */
    static void stop(final Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
