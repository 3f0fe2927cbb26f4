package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRateTest {
    @Test
    void shouldAskHalfOfKafkaClientsUnthrottledRateRoundedDownToTwoDigits() {
        final LatencyRate auto = LatencyRate.parse("auto", "0.5");
        assertTrue(auto.auto());
        assertEquals(110_000, auto.askedRate(233_354.0));
        assertEquals(52_000, auto.askedRate(104_795.0));
        assertEquals(99, auto.askedRate(199.0));
        assertEquals(1, auto.askedRate(1.5));
    }

    @Test
    void shouldApplyTheGivenFraction() {
        assertEquals(70_000, LatencyRate.parse("auto", "0.3").askedRate(233_354.0));
        assertEquals(230_000, LatencyRate.parse("auto", "1").askedRate(233_354.0));
    }

    @Test
    void shouldAskAFixedRateWhateverKafkaClientsReached() {
        final LatencyRate fixed = LatencyRate.parse("40000", "0.5");
        assertFalse(fixed.auto());
        assertEquals(40_000, fixed.askedRate(0));
        assertEquals(40_000, fixed.askedRate(1_000_000));
    }

    @Test
    void shouldSendForTheGivenSecondsAtTheAskedRate() {
        assertEquals(750_000, LatencyRate.records(150_000, 5));
        assertEquals(2, LatencyRate.records(3, 0.5));
        assertEquals(1, LatencyRate.records(1, 0.1));
    }

    @Test
    void shouldCountARunWithinFivePercentOfTheAskedRateAsReached() {
        assertTrue(LatencyRate.reached(99_000, 100_000));
        assertTrue(LatencyRate.reached(95_000, 100_000));
        assertFalse(LatencyRate.reached(94_999, 100_000));
    }

    @Test
    void shouldNameTheFlagOfABadValue() {
        for (final String rate : new String[] {"fast", "0", "-5", "1.5e5", ""}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyRate.parse(rate, "0.5"));
            assertTrue(e.getMessage().startsWith("--latency-rate takes auto or a positive whole number"),
                e.getMessage());
        }
        for (final String fraction : new String[] {"half", "0", "-0.5", "1.5", "NaN"}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatencyRate.parse("auto", fraction));
            assertTrue(e.getMessage().startsWith("--latency-fraction takes a number above 0 and at most 1"),
                e.getMessage());
        }
    }

    @Test
    void shouldNameTheSecondsOrToleranceFlagOfABadValue() {
        final BenchOptions opts = BenchOptions.parse(new String[] {"--latency-seconds", "0", "--p99-tolerance-ms",
            "-1"}, java.util.Set.of("latency-seconds", "p99-tolerance-ms"));
        final IllegalArgumentException seconds = assertThrows(IllegalArgumentException.class,
            () -> opts.positiveDouble("latency-seconds", 5));
        assertEquals("option --latency-seconds takes a positive number, not 0", seconds.getMessage());
        final IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
            () -> opts.nonNegativeLong("p99-tolerance-ms", 1));
        assertEquals("option --p99-tolerance-ms takes a whole number of 0 or more, not -1", tolerance.getMessage());
        assertEquals(2.5, BenchOptions.parse(new String[] {"--latency-seconds", "2.5"},
            java.util.Set.of("latency-seconds")).positiveDouble("latency-seconds", 5));
        final BenchOptions warmup = BenchOptions.parse(new String[] {"--latency-warmup-seconds", "-2"},
            java.util.Set.of("latency-warmup-seconds"));
        assertEquals("option --latency-warmup-seconds takes a number of 0 or more, not -2",
            assertThrows(IllegalArgumentException.class,
                () -> warmup.nonNegativeDouble("latency-warmup-seconds", 2)).getMessage());
        assertEquals(0.0, BenchOptions.parse(new String[] {"--latency-warmup-seconds", "0"},
            java.util.Set.of("latency-warmup-seconds")).nonNegativeDouble("latency-warmup-seconds", 2));
    }

    @Test
    void shouldRefuseAnAutoRateWithoutAMeasuredKafkaClientsRate() {
        assertThrows(IllegalArgumentException.class, () -> LatencyRate.parse("auto", "0.5").askedRate(0));
    }
}
