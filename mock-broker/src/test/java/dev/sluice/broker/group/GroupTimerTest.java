package dev.sluice.broker.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timer against a real coordinator and the system clock. Its longest sleep is set to an hour, so
 * every deadline below can only be enforced because the timer planned its sleep by the coordinator's
 * next deadline and was woken by the JoinGroup that set it: a timer that only polled would never run
 * within the tests' waits.
 */
class GroupTimerTest {

    private static final String GROUP = "timed";
    private static final long NEVER_MS = TimeUnit.HOURS.toMillis(1);
    /** How long a test waits for the timer before failing; generous for a loaded machine. */
    private static final long PATIENCE_MS = 20_000;

    private final Clock clock = Clock.systemUTC();
    private GroupCoordinator coordinator;
    private GroupTimer timer;

    private void start(final GroupConfig config) {
        coordinator = new GroupCoordinator(config.withSessionTimeoutBoundsMs(1, 60_000), OffsetStore.inMemory(), clock);
        timer = GroupTimer.start(coordinator, clock, NEVER_MS);
    }

    @AfterEach
    void stop() throws Exception {
        if (timer != null) {
            timer.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
    }

    private static JoinGroupParams params(final String memberId, final int sessionMs) {
        return new JoinGroupParams(GROUP, memberId, null, "client", "/127.0.0.1", sessionMs, 30_000, "consumer",
                List.of(new GroupProtocol("range", "meta".getBytes(StandardCharsets.UTF_8))), true);
    }

    private CompletableFuture<JoinGroupResult> join(final JoinGroupParams params) {
        final CompletableFuture<JoinGroupResult> result = new CompletableFuture<>();
        coordinator.joinGroup(params, result::complete);
        return result;
    }

    @Test
    void shouldRemoveAMemberWhoseSessionRunsOutWithoutAnyFurtherRequest() throws Exception {
        start(GroupConfig.defaults().withInitialRebalanceDelayMs(0));
        final String memberId = join(params("", 1_000)).get(PATIENCE_MS, TimeUnit.MILLISECONDS).memberId();
        final JoinGroupResult joined = join(params(memberId, 1_000)).get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertEquals(GroupError.NONE, joined.error());
        final CompletableFuture<SyncGroupResult> synced = new CompletableFuture<>();
        coordinator.syncGroup(new SyncGroupParams(GROUP, joined.generationId(), memberId, null, "consumer", null,
                Map.of(memberId, new byte[] {1})), synced::complete);
        assertEquals(GroupError.NONE, synced.get(PATIENCE_MS, TimeUnit.MILLISECONDS).error());
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());

        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        while (coordinator.describeGroup(GROUP).state() != GroupState.EMPTY && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(GroupState.EMPTY, coordinator.describeGroup(GROUP).state(), "a member silent past its session");
        assertTrue(coordinator.describeGroup(GROUP).members().isEmpty());
        assertEquals(Long.MAX_VALUE, coordinator.nextDeadlineMs(), "nothing left to time");
    }

    @Test
    void shouldEndTheInitialRebalanceDelayOnItsOwn() throws Exception {
        start(GroupConfig.defaults().withInitialRebalanceDelayMs(200));
        final String memberId = join(params("", 10_000)).get(PATIENCE_MS, TimeUnit.MILLISECONDS).memberId();

        final CompletableFuture<JoinGroupResult> parked = join(params(memberId, 10_000));

        final JoinGroupResult joined = parked.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        assertEquals(GroupError.NONE, joined.error());
        assertEquals(1, joined.generationId());
        assertEquals(GroupState.COMPLETING_REBALANCE, coordinator.describeGroup(GROUP).state());
    }

    @Test
    void shouldRejectASleepShorterThanAMillisecond() {
        start(GroupConfig.defaults());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupTimer.start(coordinator, clock, 0));
        assertTrue(e.getMessage().contains("maxSleepMs"), e.getMessage());
    }
}
