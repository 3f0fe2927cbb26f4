package dev.sluice.client.impl;

import dev.sluice.broker.MockBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** The round trip against the Sluice broker (kafka-clients' producer writes, the Sluice consumer reads). */
class SluiceConsumerMockBrokerTest extends AbstractConsumerRoundTripTest {
    private static MockBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = MockBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
