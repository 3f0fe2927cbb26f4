package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.SyncGroupParams;
import dev.sluice.broker.group.SyncGroupResult;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.SyncGroupRequestSchema;
import dev.sluice.codec.protocol.message.SyncGroupRequestSchema.SyncGroupRequestAssignment;
import dev.sluice.codec.protocol.message.SyncGroupResponseSchema;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * SyncGroup (API key 14), versions 0-5.
 *
 * <p>The leader brings every member's assignment; followers' responses are parked until it does
 * (or until the rebalance restarts, which answers them REBALANCE_IN_PROGRESS), so
 * {@code respond} may run later on another thread. Assignments are opaque bytes.
 */
public final class SyncGroupHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public SyncGroupHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.SYNC_GROUP;
    }

    @Override
    public void handle(final RequestContext request) {
        handle(request.body(), request.version(), request::respond);
    }

    /** @param respond receives the SyncGroupResponse body, exactly once, possibly later */
    public void handle(final Struct request, final short version, final Consumer<Struct> respond) {
        final Map<String, byte[]> assignments = new HashMap<>();
        for (final Struct assignment : request.get(SyncGroupRequestSchema.ASSIGNMENTS)) {
            assignments.put(assignment.get(SyncGroupRequestAssignment.MEMBER_ID), assignment.get(SyncGroupRequestAssignment.ASSIGNMENT));
        }
        final SyncGroupParams params = new SyncGroupParams(
                request.get(SyncGroupRequestSchema.GROUP_ID),
                request.get(SyncGroupRequestSchema.GENERATION_ID),
                request.get(SyncGroupRequestSchema.MEMBER_ID),
                version >= 3 ? request.get(SyncGroupRequestSchema.GROUP_INSTANCE_ID) : null,
                version >= 5 ? request.get(SyncGroupRequestSchema.PROTOCOL_TYPE) : null,
                version >= 5 ? request.get(SyncGroupRequestSchema.PROTOCOL_NAME) : null,
                assignments);
        coordinator.syncGroup(params, result -> respond.accept(response(result, version)));
    }

    static Struct response(final SyncGroupResult result, final short version) {
        final Struct response = SyncGroupResponseSchema.SCHEMA.newStruct()
                .set(SyncGroupResponseSchema.ERROR_CODE, result.error().code())
                .set(SyncGroupResponseSchema.ASSIGNMENT, result.assignment());
        setIfPresent(response, SyncGroupResponseSchema.THROTTLE_TIME_MS, 0, version);
        setIfPresent(response, SyncGroupResponseSchema.PROTOCOL_TYPE, result.protocolType(), version);
        return setIfPresent(response, SyncGroupResponseSchema.PROTOCOL_NAME, result.protocolName(), version);
    }
}
