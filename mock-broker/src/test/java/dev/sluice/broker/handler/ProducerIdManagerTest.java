package dev.sluice.broker.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerIdManagerTest {
    @TempDir
    Path dir;

    @Test
    void shouldHandOutIncreasingIdsThatSurviveReopening() throws IOException {
        final ProducerIdManager first = ProducerIdManager.open(dir);
        final long a = first.nextProducerId();
        final long b = first.nextProducerId();
        assertEquals(a + 1, b);
        final ProducerIdManager reopened = ProducerIdManager.open(dir);
        assertTrue(reopened.nextProducerId() > b);
    }

    @Test
    void shouldReserveANewBlockWhenOneRunsOut() throws IOException {
        final ProducerIdManager ids = ProducerIdManager.open(dir);
        long last = -1;
        for (int i = 0; i < ProducerIdManager.BLOCK_SIZE + 5; i++) {
            final long id = ids.nextProducerId();
            assertTrue(id > last);
            last = id;
        }
        assertEquals(Long.toString(2 * ProducerIdManager.BLOCK_SIZE), Files.readString(dir.resolve("producer-ids")));
    }

    @Test
    void shouldRejectCorruptCounterFileNamingIt() throws IOException {
        Files.writeString(dir.resolve("producer-ids"), "twelve");
        final IOException e = assertThrows(IOException.class, () -> ProducerIdManager.open(dir));
        assertTrue(e.getMessage().contains("producer-ids") && e.getMessage().contains("twelve"), e.getMessage());
    }
}
