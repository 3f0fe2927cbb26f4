package dev.sluice.client.impl;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.ByteArraySerializer;
import dev.sluice.testkit.ApacheKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch whose request hangs (the broker process is frozen with SIGSTOP) reaches
 * delivery.timeout.ms while in flight: the record fails at once, but its buffer must stay out of
 * the pool until the request itself ends, because the socket may still be reading from it.
 */
class SluiceProducerInFlightExpiryTest {
    private static final long BUFFER_MEMORY = 1024 * 1024;

    private static ApacheKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = ApacheKafkaBroker.builder().config("num.partitions", "1").start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void signal(final String signal) throws Exception {
        final Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(kafka.pid())).inheritIO().start();
        assertEquals(0, p.waitFor(), "kill -" + signal);
        if ("STOP".equals(signal)) {
            awaitStopped();
        }
    }

    /**
     * kill returns once the signal is queued, not once every broker thread has stopped; a broker
     * thread still on a CPU could answer one more request. Wait for the kernel to report the
     * process as stopped (state T in /proc/PID/stat) before sending what must not be answered.
     */
    private static void awaitStopped() throws Exception {
        final Path stat = Path.of("/proc", Long.toString(kafka.pid()), "stat");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            final String line = Files.readString(stat);
            // The state follows the command name, which is in parentheses and may contain spaces.
            final char state = line.charAt(line.lastIndexOf(')') + 2);
            if (state == 'T') {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("broker process " + kafka.pid() + " did not stop");
    }

    private static double availableBytes(final SluiceProducer<?, ?> producer) {
        for (final Map.Entry<MetricName, ? extends Metric> e : producer.metrics().entrySet()) {
            if (e.getKey().name().equals("buffer-available-bytes")) {
                return (Double) e.getValue().metricValue();
            }
        }
        throw new AssertionError("no buffer-available-bytes metric");
    }

    private static void awaitAllMemoryFree(final SluiceProducer<?, ?> producer) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (availableBytes(producer) < BUFFER_MEMORY && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals((double) BUFFER_MEMORY, availableBytes(producer), "every buffer back in the pool");
    }

    @Test
    void shouldFailExpiredInFlightBatchButKeepItsBufferUntilTheRequestEnds() throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("linger.ms", "0");
        props.put("request.timeout.ms", "3000");
        props.put("delivery.timeout.ms", "3000");
        props.put("buffer.memory", Long.toString(BUFFER_MEMORY));
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            // Warm up: connections, producer id and metadata are in place before the broker freezes.
            producer.send(new ProducerRecord<>("expiry", new byte[10])).get(1, TimeUnit.MINUTES);
            awaitAllMemoryFree(producer); // the buffer returns just after the callbacks ran
            signal("STOP");
            try {
                final CompletableFuture<Double> availableAtFailure = new CompletableFuture<>();
                final var future = producer.send(new ProducerRecord<>("expiry", new byte[100]), (md, error) ->
                    availableAtFailure.complete(availableBytes(producer)));
                final ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> future.get(1, TimeUnit.MINUTES));
                assertInstanceOf(TimeoutException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("in flight"), e.getCause().getMessage());
                assertTrue(availableAtFailure.get() < BUFFER_MEMORY,
                    "the expired batch's buffer is still referenced by its request");
                // The request itself times out a moment later and only then is the buffer released.
                awaitAllMemoryFree(producer);
            } finally {
                signal("CONT");
            }
            final RecordMetadata after = producer.send(new ProducerRecord<>("expiry", new byte[10])).get(1, TimeUnit.MINUTES);
            assertTrue(after.hasOffset(), "the producer recovers once the broker runs again");
        }
    }
}
