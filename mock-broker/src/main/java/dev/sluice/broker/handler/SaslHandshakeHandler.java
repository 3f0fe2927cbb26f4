package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.SaslHandshakeResponseSchema;
import java.util.List;

/**
 * SaslHandshake (key 17), versions 0-1: this broker has only a plaintext listener, so every
 * mechanism gets UNSUPPORTED_SASL_MECHANISM with an empty list of enabled mechanisms.
 */
public final class SaslHandshakeHandler implements ApiHandler {
    @Override
    public ApiKeys api() {
        return ApiKeys.SASL_HANDSHAKE;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = SaslHandshakeResponseSchema.SCHEMA.newStruct()
                .set(SaslHandshakeResponseSchema.ERROR_CODE, Errors.UNSUPPORTED_SASL_MECHANISM.code())
                .set(SaslHandshakeResponseSchema.MECHANISMS, List.of());
        request.respond(response);
    }
}
