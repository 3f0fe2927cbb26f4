package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupError;
import dev.sluice.broker.group.GroupListing;
import dev.sluice.broker.group.GroupState;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ListGroupsRequestSchema;
import dev.sluice.codec.protocol.message.ListGroupsResponseSchema;
import dev.sluice.codec.protocol.message.ListGroupsResponseSchema.ListedGroup;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * ListGroups (API key 16), versions 0-5. v4+ may filter by state names (case-insensitive; a name
 * that is no state matches nothing); v5+ by group type, and every group here is "classic".
 */
public final class ListGroupsHandler implements ApiHandler {

    static final String CLASSIC = "classic";

    private final GroupCoordinator coordinator;

    public ListGroupsHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_GROUPS;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the ListGroupsResponse body */
    public Struct handle(final Struct request, final short version) {
        final Struct response = ListGroupsResponseSchema.SCHEMA.newStruct()
                .set(ListGroupsResponseSchema.ERROR_CODE, GroupError.NONE.code())
                .set(ListGroupsResponseSchema.GROUPS, new ArrayList<>());
        setIfPresent(response, ListGroupsResponseSchema.THROTTLE_TIME_MS, 0, version);
        final List<String> stateNames = version >= 4 ? request.get(ListGroupsRequestSchema.STATES_FILTER) : List.of();
        final List<String> types = version >= 5 ? request.get(ListGroupsRequestSchema.TYPES_FILTER) : List.of();
        if (types != null && !types.isEmpty() && types.stream().noneMatch(CLASSIC::equalsIgnoreCase)) {
            return response;
        }
        final Set<GroupState> states = EnumSet.noneOf(GroupState.class);
        if (stateNames != null) {
            for (final String name : stateNames) {
                final GroupState state = GroupState.fromDisplayName(name);
                if (state != null) {
                    states.add(state);
                }
            }
            if (!stateNames.isEmpty() && states.isEmpty()) {
                return response;
            }
        }
        for (final GroupListing group : coordinator.listGroups(states)) {
            final Struct listed = response.add(ListGroupsResponseSchema.GROUPS)
                    .set(ListedGroup.GROUP_ID, group.groupId())
                    .set(ListedGroup.PROTOCOL_TYPE, group.protocolType());
            setIfPresent(listed, ListedGroup.GROUP_STATE, group.state().displayName(), version);
            setIfPresent(listed, ListedGroup.GROUP_TYPE, CLASSIC, version);
        }
        return response;
    }
}
