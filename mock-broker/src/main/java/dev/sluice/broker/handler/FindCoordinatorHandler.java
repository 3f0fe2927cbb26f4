package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.FindCoordinatorRequestSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorResponseSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorResponseSchema.Coordinator;
import java.util.ArrayList;

/**
 * FindCoordinator (key 10), versions 0-5. This single node coordinates every group and every
 * transactional id, so every key (one in v0-3, a batch in v4+) is answered with this node.
 */
public final class FindCoordinatorHandler implements ApiHandler {
    private static final short FIRST_BATCHED_VERSION = 4;

    private final BrokerContext broker;

    public FindCoordinatorHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.FIND_COORDINATOR;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = FindCoordinatorResponseSchema.SCHEMA.newStruct();
        final int port = broker.port().getAsInt();
        if (request.version() < FIRST_BATCHED_VERSION) {
            response.set(FindCoordinatorResponseSchema.ERROR_CODE, Errors.NONE.code())
                    .set(FindCoordinatorResponseSchema.NODE_ID, broker.nodeId())
                    .set(FindCoordinatorResponseSchema.HOST, broker.host())
                    .set(FindCoordinatorResponseSchema.PORT, port);
        } else {
            response.set(FindCoordinatorResponseSchema.COORDINATORS, new ArrayList<>());
            for (final String key : request.body().get(FindCoordinatorRequestSchema.COORDINATOR_KEYS)) {
                response.add(FindCoordinatorResponseSchema.COORDINATORS)
                        .set(Coordinator.KEY, key)
                        .set(Coordinator.NODE_ID, broker.nodeId())
                        .set(Coordinator.HOST, broker.host())
                        .set(Coordinator.PORT, port)
                        .set(Coordinator.ERROR_CODE, Errors.NONE.code());
            }
        }
        request.respond(response);
    }
}
