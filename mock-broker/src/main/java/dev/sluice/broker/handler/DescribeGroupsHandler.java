package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupDescription;
import dev.sluice.broker.group.GroupError;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.DescribeGroupsRequestSchema;
import dev.sluice.codec.protocol.message.DescribeGroupsResponseSchema;
import dev.sluice.codec.protocol.message.DescribeGroupsResponseSchema.DescribedGroup;
import dev.sluice.codec.protocol.message.DescribeGroupsResponseSchema.DescribedGroupMember;

import java.util.ArrayList;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * DescribeGroups (API key 15), versions 0-5. Unknown groups are reported as state "Dead" with no
 * error, as Kafka does up to v5. Member metadata and assignments are filled in only for Stable
 * groups. There is no authorizer, so authorized operations keep their "not requested" value.
 */
public final class DescribeGroupsHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public DescribeGroupsHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_GROUPS;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the DescribeGroupsResponse body */
    public Struct handle(final Struct request, final short version) {
        final Struct response = DescribeGroupsResponseSchema.SCHEMA.newStruct()
                .set(DescribeGroupsResponseSchema.GROUPS, new ArrayList<>());
        setIfPresent(response, DescribeGroupsResponseSchema.THROTTLE_TIME_MS, 0, version);
        for (final String groupId : request.get(DescribeGroupsRequestSchema.GROUPS)) {
            final GroupDescription group = coordinator.describeGroup(groupId);
            final Struct out = response.add(DescribeGroupsResponseSchema.GROUPS)
                    .set(DescribedGroup.ERROR_CODE, GroupError.NONE.code())
                    .set(DescribedGroup.GROUP_ID, groupId)
                    .set(DescribedGroup.GROUP_STATE, group.state().displayName())
                    .set(DescribedGroup.PROTOCOL_TYPE, group.protocolType())
                    .set(DescribedGroup.PROTOCOL_DATA, group.protocolName())
                    .set(DescribedGroup.MEMBERS, new ArrayList<>());
            for (final GroupDescription.Member member : group.members()) {
                final Struct described = out.add(DescribedGroup.MEMBERS)
                        .set(DescribedGroupMember.MEMBER_ID, member.memberId())
                        .set(DescribedGroupMember.CLIENT_ID, member.clientId())
                        .set(DescribedGroupMember.CLIENT_HOST, member.clientHost())
                        .set(DescribedGroupMember.MEMBER_METADATA, member.metadata())
                        .set(DescribedGroupMember.MEMBER_ASSIGNMENT, member.assignment());
                setIfPresent(described, DescribedGroupMember.GROUP_INSTANCE_ID, member.groupInstanceId(), version);
            }
        }
        return response;
    }
}
