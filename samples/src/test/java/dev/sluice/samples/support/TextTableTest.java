package dev.sluice.samples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void shouldAlignLabelsLeftAndNumbersRight() {
        final String table = new TextTable("codec", "ratio").row("zstd", "4.25").row("none", "1.00").row("gzip 9", "12.5")
            .render();
        assertEquals("""
            codec   ratio
            ------  -----
            zstd     4.25
            none     1.00
            gzip 9   12.5
            """, table);
    }

    @Test
    void shouldRejectARowWithTheWrongNumberOfCells() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("1"));
    }
}
