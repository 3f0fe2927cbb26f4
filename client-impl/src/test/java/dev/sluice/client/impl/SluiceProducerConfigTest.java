package dev.sluice.client.impl;

import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Construction and the failures a producer reports without any broker answering. */
class SluiceProducerConfigTest {

    /** An address nothing listens on: a port we bound and released. */
    private static String deadAddress() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void shouldRejectBadValueNamingTheKey() {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", "127.0.0.1:9092");
        props.put("linger.ms", "-5");
        final ConfigException e = assertThrows(ConfigException.class,
            () -> new SluiceProducer<>(props, new StringSerializer(), new StringSerializer()));
        assertTrue(e.getMessage().contains("linger.ms"), e.getMessage());
    }

    @Test
    void shouldRequireSerializersWhenNoneArePassed() {
        final ConfigException e = assertThrows(ConfigException.class,
            () -> new SluiceProducer<String, String>(Map.of("bootstrap.servers", "127.0.0.1:9092")));
        assertTrue(e.getMessage().contains("key.serializer"), e.getMessage());
    }

    @Test
    void shouldFailSendThroughCallbackWhenMetadataNeverArrivesWithinMaxBlock() throws Exception {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", deadAddress());
        props.put("max.block.ms", "200");
        props.put("some.unknown.key", "is only logged");
        try (SluiceProducer<String, String> producer = new SluiceProducer<>(props, new StringSerializer(),
            new StringSerializer())) {
            final CompletableFuture<Exception> reported = new CompletableFuture<>();
            final Future<RecordMetadata> f = producer.send(new ProducerRecord<>("nowhere", "v"),
                (md, e) -> reported.complete(e));
            final ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.MINUTES));
            assertInstanceOf(TimeoutException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("not present in metadata after 200 ms"),
                e.getCause().getMessage());
            assertInstanceOf(TimeoutException.class, reported.get(1, TimeUnit.MINUTES));
            producer.close(Duration.ZERO);
            assertThrows(IllegalStateException.class, () -> producer.send(new ProducerRecord<>("nowhere", "v")));
        }
    }
}
