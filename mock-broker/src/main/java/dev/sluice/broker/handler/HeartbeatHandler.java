package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupError;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.HeartbeatRequestSchema;
import dev.sluice.codec.protocol.message.HeartbeatResponseSchema;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * Heartbeat (API key 12), versions 0-4. Answered at once: NONE keeps the member's session alive,
 * REBALANCE_IN_PROGRESS asks it to rejoin, ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID /
 * FENCED_INSTANCE_ID tell it that it is no longer part of the current generation.
 */
public final class HeartbeatHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public HeartbeatHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.HEARTBEAT;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the HeartbeatResponse body */
    public Struct handle(final Struct request, final short version) {
        final GroupError error = coordinator.heartbeat(
                request.get(HeartbeatRequestSchema.GROUP_ID),
                request.get(HeartbeatRequestSchema.MEMBER_ID),
                version >= 3 ? request.get(HeartbeatRequestSchema.GROUP_INSTANCE_ID) : null,
                request.get(HeartbeatRequestSchema.GENERATION_ID));
        final Struct response = HeartbeatResponseSchema.SCHEMA.newStruct().set(HeartbeatResponseSchema.ERROR_CODE, error.code());
        return setIfPresent(response, HeartbeatResponseSchema.THROTTLE_TIME_MS, 0, version);
    }
}
