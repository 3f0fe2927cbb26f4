package dev.sluice.testkit;

import java.nio.file.Path;

/**
 * The Apache Kafka child broker could not be formatted, launched or did not become ready in time.
 * The message names the child's log file and quotes its last lines.
 */
public final class ApacheKafkaStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path logFile;

    public ApacheKafkaStartException(final String message, final Path logFile, final Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
    }

    /** The file holding the child's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }
}
