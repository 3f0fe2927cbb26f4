package dev.sluice.client.errors;

import dev.sluice.client.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionsTest {
    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void shouldNameTopicPartitionAndOffsetOfCorruptRecord() {
        final CorruptRecordException e = new CorruptRecordException(new TopicPartition("orders", 4), 1234L,
            "stored CRC 0x0000abcd, computed 0x12345678");
        assertEquals("Corrupt record in orders-4 at offset 1234: stored CRC 0x0000abcd, computed 0x12345678", e.getMessage());
        assertInstanceOf(RetriableException.class, e);
        assertEquals(2, e.errorCode());
        assertEquals("CORRUPT_MESSAGE", e.errorName());
    }

    @Test
    void shouldCarryKafkaErrorCodes() {
        assertEquals(6, new NotLeaderOrFollowerException("x").errorCode());
        assertEquals("NOT_LEADER_OR_FOLLOWER", new NotLeaderOrFollowerException("x").errorName());
        assertEquals(3, new UnknownTopicOrPartitionException("x").errorCode());
        assertEquals(10, new RecordTooLargeException("x").errorCode());
        assertEquals(18, new RecordBatchTooLargeException("x").errorCode());
        assertEquals(56, new StorageException("x").errorCode());
        assertEquals(90, new ProducerFencedException("x").errorCode());
        assertEquals(30, new GroupAuthorizationException("g").errorCode());
        assertEquals(-1, new ApiException("unmapped").errorCode());
    }

    @Test
    void shouldClassifyRetriableErrorsAsKafkaDoes() {
        assertInstanceOf(RetriableException.class, new TimeoutException("x"));
        assertInstanceOf(TimeoutException.class, new BufferExhaustedException("x"));
        assertInstanceOf(RetriableException.class, new DisconnectException("x"));
        assertInstanceOf(RetriableException.class, new NotCoordinatorException("x"));
        assertInstanceOf(RetriableException.class, new CoordinatorNotAvailableException("x"));
    }

    @Test
    void shouldRestoreInterruptFlag() {
        final InterruptException e = new InterruptException(new InterruptedException());
        assertTrue(Thread.currentThread().isInterrupted());
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @Test
    void shouldListPartitionsOfInvalidOffsets() {
        final TopicPartition tp = new TopicPartition("t", 0);
        assertEquals(Set.of(tp), new OffsetOutOfRangeException(Map.of(tp, 99L)).partitions());
        assertEquals(Map.of(tp, 99L), new OffsetOutOfRangeException(Map.of(tp, 99L)).offsetOutOfRangePartitions());
        assertEquals(Set.of(tp), new NoOffsetForPartitionException(Set.of(tp)).partitions());
    }

    @Test
    void shouldFormatConfigErrorWithKeyValueAndAllowed() {
        final ConfigException e = new ConfigException("linger.ms", -1, "must be at least 0");
        assertEquals("Invalid value -1 for configuration linger.ms: must be at least 0", e.getMessage());
        assertEquals("linger.ms", e.configName());
    }
    @Test
    void shouldAbbreviateHugeRejectedValues() {
        final String blob = "x".repeat(100_000);
        final ConfigException e = new ConfigException("client.id", blob, "too long");
        assertEquals("Invalid value " + "x".repeat(200) + "... (100000 characters) for configuration client.id: too long",
            e.getMessage());
        assertEquals(blob, e.value());
    }
}
