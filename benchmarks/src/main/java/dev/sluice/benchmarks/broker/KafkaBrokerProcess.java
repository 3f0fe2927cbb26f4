package dev.sluice.benchmarks.broker;

import dev.sluice.testkit.ApacheKafkaBroker;

/** An {@link ApacheKafkaBroker} child JVM seen as a {@link RunningBroker}. */
final class KafkaBrokerProcess implements RunningBroker {
    private final ApacheKafkaBroker broker;

    KafkaBrokerProcess(final ApacheKafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public String name() {
        return BrokerComparison.KAFKA;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public long pid() {
        return broker.pid();
    }

    @Override
    public void close() {
        broker.close();
    }
}
