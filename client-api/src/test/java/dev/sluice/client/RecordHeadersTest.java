package dev.sluice.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordHeadersTest {
    private static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> values(final Iterable<Header> headers) {
        final List<String> out = new ArrayList<>();
        headers.forEach(h -> out.add(h.key() + "=" + (h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8))));
        return out;
    }

    @Test
    void shouldKeepInsertionOrderAndAllowRepeatedKeys() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("trace", bytes("1")).add("user", bytes("ann")).add("trace", bytes("2"));
        assertEquals(List.of("trace=1", "user=ann", "trace=2"), values(headers));
        assertEquals(3, headers.size());
        assertEquals(List.of("trace=1", "trace=2"), values(headers.headers("trace")));
    }

    @Test
    void shouldReturnTheLastHeaderAddedForAKey() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("k", bytes("first")).add("k", bytes("second")).add("other", null);
        assertArrayEquals(bytes("second"), headers.lastHeader("k").value());
        assertNull(headers.lastHeader("other").value());
        assertNull(headers.lastHeader("missing"));
    }

    @Test
    void shouldRemoveEveryHeaderWithTheKey() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("a", bytes("1")).add("b", bytes("2")).add("a", bytes("3"));
        headers.remove("a");
        assertEquals(List.of("b=2"), values(headers));
        headers.remove("not-there");
        assertEquals(1, headers.size());
    }

    @Test
    void shouldReturnAnIndependentArray() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("a", bytes("1"));
        final Header[] array = headers.toArray();
        array[0] = null;
        assertEquals("a", headers.toArray()[0].key());
        assertEquals(0, new RecordHeaders().toArray().length);
    }

    @Test
    void shouldRefuseEveryChangeOnceReadOnly() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("a", bytes("1"));
        headers.setReadOnly();
        assertThrows(IllegalStateException.class, () -> headers.add("b", bytes("2")));
        assertThrows(IllegalStateException.class, () -> headers.add(new RecordHeader("b", null)));
        assertThrows(IllegalStateException.class, () -> headers.remove("a"));
        final Iterator<Header> it = headers.iterator();
        it.next();
        assertThrows(IllegalStateException.class, it::remove);
        assertEquals(List.of("a=1"), values(headers));
    }

    @Test
    void shouldAllowRemovalThroughIteratorWhileWritable() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add("a", bytes("1")).add("b", bytes("2"));
        final Iterator<Header> it = headers.iterator();
        it.next();
        it.remove();
        assertEquals(List.of("b=2"), values(headers));
    }

    @Test
    void shouldRejectNullKeys() {
        assertThrows(NullPointerException.class, () -> new RecordHeaders().add(null, bytes("x")));
        assertThrows(NullPointerException.class, () -> new RecordHeaders().remove(null));
    }

    @Test
    void shouldCopyInitialHeadersButNotTheirValues() {
        final byte[] value = bytes("v");
        final Header[] initial = {new RecordHeader("k", value)};
        final RecordHeaders headers = new RecordHeaders(initial);
        initial[0] = new RecordHeader("changed", null);
        assertEquals("k", headers.lastHeader("k").key());
        assertSame(value, headers.lastHeader("k").value());
        assertEquals(headers, new RecordHeaders(List.of(new RecordHeader("k", bytes("v")))));
    }

    @Test
    void shouldIterateNothingWhenEmpty() {
        final RecordHeaders headers = new RecordHeaders();
        assertFalse(headers.iterator().hasNext());
        assertFalse(headers.headers("x").iterator().hasNext());
        assertEquals(0, headers.size());
    }
}
