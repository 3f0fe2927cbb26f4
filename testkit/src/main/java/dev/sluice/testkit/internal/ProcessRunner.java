package dev.sluice.testkit.internal;

import dev.sluice.testkit.ChildProcessException;
import dev.sluice.testkit.ProcessResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived command to completion: feeds it stdin, collects stdout and stderr, enforces a
 * timeout. Stdout and stderr are drained on their own threads so a chatty child can never block on
 * a full pipe while we wait for it.
 */
public final class ProcessRunner {
    private static final long KILL_WAIT_MILLIS = 5_000;

    private ProcessRunner() {
    }

    /**
     * @param command    the command line, first element the executable
     * @param workingDir the child's working directory, or {@code null} for the current one
     * @param stdin      bytes written to the child's standard input, which is then closed
     * @param timeout    how long the child may run before it is killed
     * @throws ChildProcessException if the command cannot be started or exceeds {@code timeout};
     *                               the message carries whatever the child wrote so far
     */
    public static ProcessResult run(final List<String> command, final Path workingDir, final byte[] stdin,
                                    final Duration timeout) {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(timeout, "timeout");
        final ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        final Process process;
        try {
            process = builder.start();
        } catch (final IOException e) {
            throw new ChildProcessException("could not start " + command + ": " + e.getMessage(), e);
        }
        ChildProcesses.track(process);
        try {
            final Drain out = Drain.start(process.getInputStream(), "stdout");
            final Drain err = Drain.start(process.getErrorStream(), "stderr");
            final Thread feeder = feed(process.getOutputStream(), stdin);
            final boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                ChildProcesses.killAndWait(process, KILL_WAIT_MILLIS);
            }
            feeder.join(KILL_WAIT_MILLIS);
            final byte[] stdoutBytes = out.finish();
            final byte[] stderrBytes = err.finish();
            if (!exited) {
                throw new ChildProcessException("command " + command + " did not finish within " + timeout
                        + " and was killed; stdout so far: " + tail(stdoutBytes) + "; stderr so far: " + tail(stderrBytes));
            }
            return new ProcessResult(command, process.exitValue(), stdoutBytes, stderrBytes);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            ChildProcesses.killAndWait(process, KILL_WAIT_MILLIS);
            throw new ChildProcessException("interrupted while running " + command, e);
        } finally {
            if (process.isAlive()) {
                ChildProcesses.killAndWait(process, KILL_WAIT_MILLIS);
            }
            ChildProcesses.forget(process);
        }
    }

    private static String tail(final byte[] bytes) {
        final String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.length() <= 2_000 ? text : "..." + text.substring(text.length() - 2_000);
    }

    private static Thread feed(final OutputStream stdin, final byte[] bytes) {
        final Thread feeder = new Thread(() -> {
            try (OutputStream out = stdin) {
                out.write(bytes);
            } catch (final IOException e) {
                // The child exited or closed its stdin early; its exit status tells the story.
            }
        }, "sluice-testkit-stdin");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    /** Copies one output stream of the child into memory on a daemon thread. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile IOException failure;

        private Drain(final InputStream in, final String name) {
            this.in = in;
            this.thread = new Thread(this, "sluice-testkit-" + name);
            this.thread.setDaemon(true);
        }

        static Drain start(final InputStream in, final String name) {
            final Drain drain = new Drain(in, name);
            drain.thread.start();
            return drain;
        }

        @Override
        public void run() {
            try (InputStream source = in) {
                source.transferTo(bytes);
            } catch (final IOException e) {
                failure = e;
            }
        }

        byte[] finish() throws InterruptedException {
            thread.join(KILL_WAIT_MILLIS);
            if (failure != null) {
                throw new UncheckedIOException("reading child output", failure);
            }
            return bytes.toByteArray();
        }
    }
}
