package dev.sluice.benchmarks.broker;

/** A broker in its own process, serving the load of a comparison. */
interface RunningBroker extends AutoCloseable {
    /** The name in the result table. */
    String name();

    /** {@code 127.0.0.1:PORT}. */
    String bootstrapServers();

    /** The operating-system process id of the broker's JVM. */
    long pid();

    /** Stops the process and deletes its data. */
    @Override
    void close();
}
