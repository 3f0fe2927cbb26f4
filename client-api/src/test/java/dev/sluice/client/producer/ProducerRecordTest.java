package dev.sluice.client.producer;

import dev.sluice.client.RecordHeader;
import dev.sluice.client.RecordHeaders;
import dev.sluice.client.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerRecordTest {
    @Test
    void shouldLeavePartitionAndTimestampToTheProducerWhenNotGiven() {
        final ProducerRecord<String, String> record = new ProducerRecord<>("t", "k", "v");
        assertNull(record.partition());
        assertNull(record.timestamp());
        assertEquals(0, record.headers().size());
        assertNull(new ProducerRecord<String, String>("t", "v").key());
    }

    @Test
    void shouldRejectNegativePartitionNamingTopic() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ProducerRecord<>("orders", -1, "k", "v"));
        assertEquals("Invalid partition -1 for topic orders: must be at least 0", e.getMessage());
    }

    @Test
    void shouldRejectNegativeTimestamp() {
        assertThrows(IllegalArgumentException.class, () -> new ProducerRecord<>("t", 0, -5L, "k", "v"));
    }

    @Test
    void shouldRejectNullTopic() {
        assertThrows(NullPointerException.class, () -> new ProducerRecord<>(null, "v"));
    }

    @Test
    void shouldCopyGivenHeadersIntoItsOwnList() {
        final List<dev.sluice.client.Header> given = new ArrayList<>();
        given.add(new RecordHeader("a", new byte[] {1}));
        final ProducerRecord<String, String> record = new ProducerRecord<>("t", null, "k", "v", given);
        given.clear();
        assertEquals(1, record.headers().size());
        record.headers().add("b", null);
        assertEquals(2, record.headers().size());
    }

    @Test
    void shouldFreezeHeadersWhenTheProducerTakesTheRecord() {
        final ProducerRecord<String, String> record = new ProducerRecord<>("t", "v");
        final RecordHeaders headers = (RecordHeaders) record.headers();
        assertFalse(headers.isReadOnly());
        headers.setReadOnly();
        assertTrue(headers.isReadOnly());
        assertThrows(IllegalStateException.class, () -> record.headers().add("late", null));
    }

    @Test
    void shouldDescribeMetadataWithoutOffsetForAcksZero() {
        final RecordMetadata metadata = new RecordMetadata(new TopicPartition("t", 2), RecordMetadata.UNKNOWN_OFFSET,
            RecordMetadata.NO_TIMESTAMP, -1, 10);
        assertFalse(metadata.hasOffset());
        assertFalse(metadata.hasTimestamp());
        assertEquals("t", metadata.topic());
        assertEquals(2, metadata.partition());
        assertEquals(-1, metadata.serializedKeySize());
        assertEquals(10, metadata.serializedValueSize());
    }

    @Test
    void shouldMapCompressionNamesInAnyCase() {
        assertEquals(CompressionType.LZ4, CompressionType.forConfigName("LZ4"));
        assertEquals(4, CompressionType.ZSTD.id());
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forConfigName("brotli"));
    }
}
