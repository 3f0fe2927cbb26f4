package dev.sluice.client.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPortTest {
    @Test
    void shouldParseHostNameAndPort() {
        final HostPort hp = HostPort.parse(" broker-1.example.com:9092 ");
        assertEquals("broker-1.example.com", hp.host());
        assertEquals(9092, hp.port());
    }

    @Test
    void shouldParseBracketedIpv6() {
        final HostPort hp = HostPort.parse("[fe80::1]:29092");
        assertEquals("fe80::1", hp.host());
        assertEquals(29092, hp.port());
        assertEquals("[fe80::1]:29092", hp.toString());
    }

    @Test
    void shouldNameTheBadEntry() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse("broker:x"));
        assertTrue(e.getMessage().contains("'broker:x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("[::1:9092"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(":9092"));
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:65536"));
    }
}
