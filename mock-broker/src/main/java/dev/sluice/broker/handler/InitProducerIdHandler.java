package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.InitProducerIdRequestSchema;
import dev.sluice.codec.protocol.message.InitProducerIdResponseSchema;

/**
 * InitProducerId (key 22), versions 0-5, for idempotent producers.
 *
 * <p>A producer without an id gets a fresh one (never reused, see {@link ProducerIdManager}) with
 * epoch 0. A producer that sends its current id and epoch (v3+, KIP-360, after a sequence error)
 * gets the same id with the epoch bumped, or a fresh id when the epoch would overflow.
 * Transactions are not supported: a transactional id gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED, so
 * the producer fails fast with a clear error instead of waiting on a coordinator that never comes.
 */
public final class InitProducerIdHandler implements ApiHandler {
    private final BrokerContext broker;

    public InitProducerIdHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct body = request.body();
        final Struct response = InitProducerIdResponseSchema.SCHEMA.newStruct()
                .set(InitProducerIdResponseSchema.PRODUCER_EPOCH, (short) -1);
        if (body.get(InitProducerIdRequestSchema.TRANSACTIONAL_ID) != null) {
            response.set(InitProducerIdResponseSchema.ERROR_CODE, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
            request.respond(response);
            return;
        }
        final long currentId = body.get(InitProducerIdRequestSchema.PRODUCER_ID);
        final short currentEpoch = body.get(InitProducerIdRequestSchema.PRODUCER_EPOCH);
        final boolean bump = currentId >= 0 && currentEpoch >= 0 && currentEpoch < Short.MAX_VALUE - 1;
        response.set(InitProducerIdResponseSchema.ERROR_CODE, Errors.NONE.code())
                .set(InitProducerIdResponseSchema.PRODUCER_ID, bump ? currentId : broker.producerIds().nextProducerId())
                .set(InitProducerIdResponseSchema.PRODUCER_EPOCH, bump ? (short) (currentEpoch + 1) : (short) 0);
        request.respond(response);
    }
}
