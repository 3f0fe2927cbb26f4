package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupError;
import dev.sluice.broker.group.LeaveGroupResult;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.LeaveGroupRequestSchema;
import dev.sluice.codec.protocol.message.LeaveGroupRequestSchema.MemberIdentity;
import dev.sluice.codec.protocol.message.LeaveGroupResponseSchema;
import dev.sluice.codec.protocol.message.LeaveGroupResponseSchema.MemberResponse;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * LeaveGroup (API key 13), versions 0-5. v0-2 name one member and report its outcome as the
 * top-level error; v3+ name a batch (by member id or static instance id) and report one outcome
 * per member. The group rebalances if anyone left.
 */
public final class LeaveGroupHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public LeaveGroupHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LEAVE_GROUP;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the LeaveGroupResponse body */
    public Struct handle(final Struct request, final short version) {
        final List<LeaveGroupResult.Member> leaving = new ArrayList<>();
        if (version >= 3) {
            for (final Struct member : request.get(LeaveGroupRequestSchema.MEMBERS)) {
                leaving.add(new LeaveGroupResult.Member(member.get(MemberIdentity.MEMBER_ID),
                        member.get(MemberIdentity.GROUP_INSTANCE_ID)));
            }
        } else {
            leaving.add(new LeaveGroupResult.Member(request.get(LeaveGroupRequestSchema.MEMBER_ID), null));
        }
        final LeaveGroupResult result = coordinator.leaveGroup(request.get(LeaveGroupRequestSchema.GROUP_ID), leaving);
        final Struct response = LeaveGroupResponseSchema.SCHEMA.newStruct();
        setIfPresent(response, LeaveGroupResponseSchema.THROTTLE_TIME_MS, 0, version);
        GroupError error = result.error();
        if (version >= 3) {
            response.set(LeaveGroupResponseSchema.MEMBERS, new ArrayList<>());
            for (final LeaveGroupResult.MemberResult member : result.members()) {
                response.add(LeaveGroupResponseSchema.MEMBERS)
                        .set(MemberResponse.MEMBER_ID, member.memberId())
                        .set(MemberResponse.GROUP_INSTANCE_ID, member.groupInstanceId())
                        .set(MemberResponse.ERROR_CODE, member.error().code());
            }
        } else if (error == GroupError.NONE && !result.members().isEmpty()) {
            error = result.members().get(0).error();
        }
        return response.set(LeaveGroupResponseSchema.ERROR_CODE, error.code());
    }
}
