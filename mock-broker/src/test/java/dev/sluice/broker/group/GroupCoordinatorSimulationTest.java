package dev.sluice.broker.group;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random runs of members that behave like kafka-clients (join, MEMBER_ID_REQUIRED, sync,
 * heartbeat, rejoin on REBALANCE_IN_PROGRESS, start over on UNKNOWN_MEMBER_ID), some of them static,
 * while others arrive, leave, crash or (static ones) restart, and the clock jumps. Then the survivors keep going until the group
 * settles. Checks that no parked request is lost or answered twice, that every member gets the
 * assignment its leader made for it, and that the group converges on exactly the live members.
 */
class GroupCoordinatorSimulationTest {

    private static final String GROUP = "sim";
    private static final int SESSION_MS = 10_000;
    private static final int REBALANCE_MS = 20_000;

    private enum Phase { NEED_JOIN, WAIT_JOIN, WAIT_SYNC, STABLE }

    /** A request whose answer must arrive exactly once. */
    private static final class Pending<T> implements Consumer<T> {
        T value;
        int calls;

        @Override
        public void accept(final T result) {
            calls++;
            value = result;
        }
    }

    private final class SimMember {
        final String name;
        /** group.instance.id of a static member, else null. */
        final String instanceId;
        String memberId = "";
        int generation = -1;
        Phase phase = Phase.NEED_JOIN;
        boolean crashed;
        Pending<JoinGroupResult> join;
        Pending<SyncGroupResult> sync;

        SimMember(final String name, final String instanceId) {
            this.name = name;
            this.instanceId = instanceId;
        }

        void step() {
            switch (phase) {
                case NEED_JOIN -> {
                    join = track(new Pending<>());
                    coordinator.joinGroup(new JoinGroupParams(GROUP, memberId, instanceId, name, "/127.0.0.1", SESSION_MS,
                            REBALANCE_MS, "consumer", List.of(new GroupProtocol("range", new byte[] {1})), true), join);
                    phase = Phase.WAIT_JOIN;
                }
                case WAIT_JOIN -> {
                    if (join.calls == 0) {
                        return;
                    }
                    final JoinGroupResult r = join.value;
                    switch (r.error()) {
                        case MEMBER_ID_REQUIRED -> {
                            memberId = r.memberId();
                            phase = Phase.NEED_JOIN;
                        }
                        case NONE -> {
                            // Static members skip MEMBER_ID_REQUIRED: their id arrives here.
                            memberId = r.memberId();
                            generation = r.generationId();
                            final Map<String, byte[]> assignments = new HashMap<>();
                            for (final JoinGroupResult.Member m : r.members()) {
                                assignments.put(m.memberId(), assignmentFor(owner(m.memberId(), m.groupInstanceId()),
                                        generation));
                            }
                            sync = track(new Pending<>());
                            coordinator.syncGroup(new SyncGroupParams(GROUP, generation, memberId, instanceId, "consumer", "range",
                                    assignments), sync);
                            phase = Phase.WAIT_SYNC;
                        }
                        case UNKNOWN_MEMBER_ID -> startOver();
                        case REBALANCE_IN_PROGRESS -> phase = Phase.NEED_JOIN;
                        default -> fail(name + ": unexpected join error " + r.error());
                    }
                }
                case WAIT_SYNC -> {
                    if (sync.calls == 0) {
                        return;
                    }
                    switch (sync.value.error()) {
                        case NONE -> {
                            assertArrayEquals(assignmentFor(owner(memberId, instanceId), generation),
                                    sync.value.assignment(), name + " got someone else's assignment");
                            phase = Phase.STABLE;
                        }
                        case REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION -> phase = Phase.NEED_JOIN;
                        case UNKNOWN_MEMBER_ID -> startOver();
                        default -> fail(name + ": unexpected sync error " + sync.value.error());
                    }
                }
                case STABLE -> {
                    final GroupError error = coordinator.heartbeat(GROUP, memberId, instanceId, generation);
                    switch (error) {
                        case NONE -> {
                        }
                        case REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION -> phase = Phase.NEED_JOIN;
                        case UNKNOWN_MEMBER_ID -> startOver();
                        default -> fail(name + ": unexpected heartbeat error " + error);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        void startOver() {
            memberId = "";
            generation = -1;
            phase = Phase.NEED_JOIN;
        }

        /** Leaving in any phase, as an admin removing the member would: parked requests are answered at once. */
        void leave() {
            if (memberId.isEmpty()) {
                return;
            }
            coordinator.leaveGroup(GROUP, List.of(new LeaveGroupResult.Member(memberId, instanceId)));
            if (phase == Phase.WAIT_JOIN) {
                assertEquals(1, join.calls, name + ": parked join not answered on leave");
            } else if (phase == Phase.WAIT_SYNC) {
                assertEquals(1, sync.calls, name + ": parked sync not answered on leave");
            }
            startOver();
        }
    }

    private final ManualClock clock = new ManualClock(0);
    private GroupCoordinator coordinator;
    private final List<Pending<?>> requests = new ArrayList<>();

    private <T extends Pending<?>> T track(final T pending) {
        requests.add(pending);
        return pending;
    }

    private static byte[] assignmentFor(final String owner, final int generation) {
        return (owner + "@" + generation).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Who an assignment belongs to: a static member's instance id, since a restarted incarnation takes
     * over its predecessor's assignment without a rebalance (KIP-345); else the member id.
     */
    private static String owner(final String memberId, final String instanceId) {
        return instanceId != null ? instanceId : memberId;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void shouldAnswerEveryRequestOnceAndSettleOnTheLiveMembers(final long seed) throws Exception {
        final Random random = new Random(seed);
        final int initialDelay = random.nextBoolean() ? 0 : 3_000;
        coordinator = new GroupCoordinator(GroupConfig.defaults().withInitialRebalanceDelayMs(initialDelay),
                OffsetStore.inMemory(), clock);
        final List<SimMember> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(newMember(members.size(), random));
        }
        for (int event = 0; event < 3_000; event++) {
            final int dice = random.nextInt(100);
            final List<SimMember> live = members.stream().filter(m -> !m.crashed).toList();
            if (dice < 75 && !live.isEmpty()) {
                live.get(random.nextInt(live.size())).step();
            } else if (dice < 88) {
                clock.advance(random.nextInt(3_000));
                coordinator.tick();
            } else if (dice < 92 && !live.isEmpty()) {
                live.get(random.nextInt(live.size())).leave();
            } else if (dice < 94 && live.size() > 1) {
                live.get(random.nextInt(live.size())).crashed = true;
            } else if (dice < 97 && members.size() < 12) {
                members.add(newMember(members.size(), random));
            } else if (dice < 99 && members.size() < 12) {
                // A static member's process restarts: the new incarnation rejoins under the same
                // instance id with no member id, fencing the old one, whose parked requests must
                // still be answered.
                final List<SimMember> statics = live.stream().filter(m -> m.instanceId != null).toList();
                if (!statics.isEmpty()) {
                    final SimMember old = statics.get(random.nextInt(statics.size()));
                    old.crashed = true;
                    members.add(new SimMember("m" + members.size(), old.instanceId));
                }
            }
        }

        final List<SimMember> survivors = members.stream().filter(m -> !m.crashed).toList();
        for (int round = 0; round < 3_000 && !settled(survivors); round++) {
            for (final SimMember member : survivors) {
                member.step();
            }
            clock.advance(100);
            coordinator.tick();
        }

        assertTrue(settled(survivors), "group did not settle: " + coordinator.describeGroup(GROUP));
        final Set<String> expected = new TreeSet<>();
        survivors.forEach(m -> expected.add(m.memberId));
        final Set<String> actual = new TreeSet<>();
        coordinator.describeGroup(GROUP).members().forEach(m -> actual.add(m.memberId()));
        assertEquals(expected, actual, "crashed members must have been expired");
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(1, requests.get(i).calls, "request #" + i + " answered " + requests.get(i).calls + " times");
        }
        coordinator.close();
    }

    /** One member in three is static. */
    private SimMember newMember(final int index, final Random random) {
        return new SimMember("m" + index, random.nextInt(3) == 0 ? "instance-" + index : null);
    }

    private boolean settled(final List<SimMember> survivors) {
        final GroupDescription group = coordinator.describeGroup(GROUP);
        if (group.state() != GroupState.STABLE || group.members().size() != survivors.size()) {
            return false;
        }
        final int generation = survivors.get(0).generation;
        for (final SimMember member : survivors) {
            if (member.phase != Phase.STABLE || member.generation != generation) {
                return false;
            }
        }
        for (final Pending<?> request : requests) {
            if (request.calls == 0) {
                return false;
            }
        }
        return true;
    }
}
