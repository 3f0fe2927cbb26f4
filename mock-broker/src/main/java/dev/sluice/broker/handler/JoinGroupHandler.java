package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupProtocol;
import dev.sluice.broker.group.JoinGroupParams;
import dev.sluice.broker.group.JoinGroupResult;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.JoinGroupRequestSchema;
import dev.sluice.codec.protocol.message.JoinGroupRequestSchema.JoinGroupRequestProtocol;
import dev.sluice.codec.protocol.message.JoinGroupResponseSchema;
import dev.sluice.codec.protocol.message.JoinGroupResponseSchema.JoinGroupResponseMember;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * JoinGroup (API key 11), versions 0-9.
 *
 * <p>The response is usually parked: the coordinator answers when the rebalance's join phase
 * completes (all members rejoined, the rebalance timeout ran out, or the initial delay passed), so
 * {@code respond} may run later on another thread. v0 has no rebalance timeout; the session
 * timeout stands in, as in Kafka. From v4 a first join gets MEMBER_ID_REQUIRED with an id to
 * rejoin with. Protocol metadata is passed through untouched: the leader's client assigns. A static
 * member (v5+, group.instance.id) that restarts into a Stable group gets its old place back without a
 * rebalance (KIP-345); from v9 a leader in that case is told to skip assigning.
 */
public final class JoinGroupHandler implements ApiHandler {
    /** First version whose response carries SkipAssignment (KIP-814). */
    private static final short SKIP_ASSIGNMENT_VERSION = 9;

    private final GroupCoordinator coordinator;

    public JoinGroupHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.JOIN_GROUP;
    }

    @Override
    public void handle(final RequestContext request) {
        handle(request.body(), request.version(), request.header().clientId(), clientHost(request.clientAddress()), request::respond);
    }

    /**
     * Joins the member described by a JoinGroupRequest body of {@code version}.
     *
     * @param clientId from the request header
     * @param clientHost the peer address as Kafka reports it, e.g. {@code "/127.0.0.1"}
     * @param respond receives the JoinGroupResponse body, exactly once, possibly later
     */
    public void handle(final Struct request, final short version, final String clientId, final String clientHost,
                       final Consumer<Struct> respond) {
        final int sessionTimeoutMs = request.get(JoinGroupRequestSchema.SESSION_TIMEOUT_MS);
        final int rebalanceTimeoutMs = version >= 1 ? request.get(JoinGroupRequestSchema.REBALANCE_TIMEOUT_MS) : sessionTimeoutMs;
        final List<GroupProtocol> protocols = new ArrayList<>();
        for (final Struct protocol : request.get(JoinGroupRequestSchema.PROTOCOLS)) {
            protocols.add(new GroupProtocol(protocol.get(JoinGroupRequestProtocol.NAME),
                    protocol.get(JoinGroupRequestProtocol.METADATA)));
        }
        final JoinGroupParams params = new JoinGroupParams(
                request.get(JoinGroupRequestSchema.GROUP_ID),
                request.get(JoinGroupRequestSchema.MEMBER_ID),
                version >= 5 ? request.get(JoinGroupRequestSchema.GROUP_INSTANCE_ID) : null,
                clientId, clientHost, sessionTimeoutMs, rebalanceTimeoutMs,
                request.get(JoinGroupRequestSchema.PROTOCOL_TYPE), protocols, version >= 4);
        coordinator.joinGroup(params, result -> respond.accept(response(result, version)));
    }

    /** Kafka reports a member's host as {@code "/" + address}, without the port. */
    static String clientHost(final String clientAddress) {
        final int colon = clientAddress.lastIndexOf(':');
        return "/" + (colon < 0 ? clientAddress : clientAddress.substring(0, colon));
    }

    static Struct response(final JoinGroupResult result, final short version) {
        final Struct response = JoinGroupResponseSchema.SCHEMA.newStruct()
                .set(JoinGroupResponseSchema.ERROR_CODE, result.error().code())
                .set(JoinGroupResponseSchema.GENERATION_ID, result.generationId())
                // Before v7 the protocol name is not nullable: errors carry an empty one.
                .set(JoinGroupResponseSchema.PROTOCOL_NAME,
                        result.protocolName() == null && version < 7 ? "" : result.protocolName())
                .set(JoinGroupResponseSchema.LEADER, result.leaderId() == null ? "" : result.leaderId())
                .set(JoinGroupResponseSchema.MEMBER_ID, result.memberId())
                .set(JoinGroupResponseSchema.MEMBERS, new ArrayList<>());
        setIfPresent(response, JoinGroupResponseSchema.THROTTLE_TIME_MS, 0, version);
        setIfPresent(response, JoinGroupResponseSchema.PROTOCOL_TYPE, result.protocolType(), version);
        setIfPresent(response, JoinGroupResponseSchema.SKIP_ASSIGNMENT, result.skipAssignment(), version);
        // Before v9 a leader cannot be told to skip assigning: give it no members, as Kafka does, so
        // that it has nothing to assign (its SyncGroup in a Stable group returns its current share).
        final List<JoinGroupResult.Member> members =
                result.skipAssignment() && version < SKIP_ASSIGNMENT_VERSION ? List.of() : result.members();
        for (final JoinGroupResult.Member member : members) {
            final Struct out = response.add(JoinGroupResponseSchema.MEMBERS)
                    .set(JoinGroupResponseMember.MEMBER_ID, member.memberId())
                    .set(JoinGroupResponseMember.METADATA, member.metadata());
            setIfPresent(out, JoinGroupResponseMember.GROUP_INSTANCE_ID, member.groupInstanceId(), version);
        }
        return response;
    }
}
