package dev.sluice.broker.group;

import dev.sluice.broker.MockBroker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupConfigTest {

    @Test
    void shouldNameTheKeyOfAnOutOfRangeValue() {
        final IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> GroupConfig.defaults().withMaxSize(0));
        assertTrue(tooSmall.getMessage().contains(GroupConfig.MAX_SIZE), tooSmall.getMessage());
        final IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> GroupConfig.defaults().withSessionTimeoutBoundsMs(10_000, 9_000));
        assertTrue(inverted.getMessage().contains(GroupConfig.MAX_SESSION_TIMEOUT_MS), inverted.getMessage());
        final IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> GroupConfig.defaults().withOffsetMetadataMaxBytes(40_000));
        assertTrue(huge.getMessage().contains(GroupConfig.OFFSET_METADATA_MAX_BYTES), huge.getMessage());
    }

    @Test
    void shouldRejectABadGroupSettingWhenTheBrokerIsBuilt() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockBroker.builder().config(GroupConfig.INITIAL_REBALANCE_DELAY_MS, "soon").build());
        assertTrue(e.getMessage().contains(GroupConfig.INITIAL_REBALANCE_DELAY_MS), e.getMessage());
    }

    @Test
    void shouldDefaultToKafkasValues() {
        assertEquals(new GroupConfig(3_000, 6_000, 1_800_000, Integer.MAX_VALUE, 4096), GroupConfig.defaults());
    }
}
