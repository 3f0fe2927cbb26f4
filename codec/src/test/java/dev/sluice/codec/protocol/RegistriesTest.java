package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;
import dev.sluice.codec.protocol.message.ConsumerProtocolSubscriptionSchema;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistriesTest {
    @Test
    void shouldAgreeWithKafkaOnEveryErrorCodeNameAndRetriability() {
        assertEquals(121, Errors.values().length, "Kafka 3.8.0 defines codes -1 to 119");
        for (final Errors ours : Errors.values()) {
            final org.apache.kafka.common.protocol.Errors kafka = org.apache.kafka.common.protocol.Errors.forCode(ours.code());
            assertEquals(kafka.name(), ours.name(), "code " + ours.code());
            assertEquals(kafka.exception() instanceof RetriableException, ours.isRetriable(), ours.name());
            assertEquals(ours, Errors.forCode(ours.code()));
        }
    }

    @Test
    void shouldMapUnknownCodesToUnknownServerError() {
        assertEquals(Errors.UNKNOWN_SERVER_ERROR, Errors.forCode((short) 9999));
        assertEquals(Errors.UNKNOWN_SERVER_ERROR, Errors.forCode((short) -2));
        assertEquals(Errors.UNKNOWN_SERVER_ERROR, Errors.forCode((short) 120));
    }

    @Test
    void shouldAnswerUnsupportedApiVersionsInV0FormatThatKafkaClientsUnderstand() {
        final ByteBuffer frame = ApiVersionsResponses.unsupportedVersionFrame(99);
        assertEquals(frame.remaining() - 4, frame.getInt());
        assertEquals(99, org.apache.kafka.common.requests.ResponseHeader.parse(frame, (short) 0).correlationId());
        // A client that asked for v3 reads this with its v3 parser, which falls back to v0.
        final ApiVersionsResponse parsed = ApiVersionsResponse.parse(new ByteBufferAccessor(frame), (short) 3);
        assertEquals(org.apache.kafka.common.protocol.Errors.UNSUPPORTED_VERSION.code(), parsed.data().errorCode());
        final ApiVersionsResponseData.ApiVersion entry = parsed.data().apiKeys().find((short) 18);
        assertEquals(0, entry.minVersion());
        assertEquals(3, entry.maxVersion());
        assertEquals(1, parsed.data().apiKeys().size());
    }

    @Test
    void shouldBuildTheSameFallbackBodyAsKafkaApartFromTheVersionRange() throws Exception {
        final ApiVersionsResponse kafka = new ApiVersionsRequest(new ApiVersionsRequestData(), (short) 3)
            .getErrorResponse(0, org.apache.kafka.common.protocol.Errors.UNSUPPORTED_VERSION.exception());
        final ApiVersionsResponseData kafkaData = kafka.data();
        kafkaData.apiKeys().find((short) 18).setMaxVersion((short) 3);
        final ByteBuffer ours = ApiVersionsResponseSchema.SCHEMA.serialize(ApiVersionsResponses.unsupportedVersion(), (short) 0);
        assertEquals(KafkaMirror.hex(KafkaMirror.kafkaSerialize(kafkaData, (short) 0)), KafkaMirror.hex(ours));
    }

    @Test
    void shouldListEverySupportedApiSoKafkaClientsCanNegotiate() {
        final ByteBuffer frame = Frames.response(ApiKeys.API_VERSIONS, (short) 3, 5, ApiVersionsResponses.allSupported());
        frame.getInt();
        org.apache.kafka.common.requests.ResponseHeader.parse(frame, (short) 0);
        final ApiVersionsResponseData data = ApiVersionsResponse.parse(new ByteBufferAccessor(frame), (short) 3).data();
        assertEquals(0, data.errorCode());
        assertEquals(ApiKeys.values().length, data.apiKeys().size());
        assertEquals(11, data.apiKeys().find((short) 0).maxVersion());
        assertEquals(16, data.apiKeys().find((short) 1).maxVersion());
    }

    @Test
    void shouldReadFallbackResponseAsV0WhenClientAskedForNewerVersion() {
        final ByteBuffer body = ApiVersionsResponseSchema.SCHEMA.serialize(ApiVersionsResponses.unsupportedVersion(), (short) 0);
        final Struct read = ApiVersionsResponses.read(body, (short) 3);
        assertEquals(Errors.UNSUPPORTED_VERSION.code(), read.get(ApiVersionsResponseSchema.ERROR_CODE));
        assertEquals(1, read.get(ApiVersionsResponseSchema.API_KEYS).size());
    }

    @Test
    void shouldReadNewerSubscriptionVersionAsTheHighestKnown() {
        final Struct subscription = ConsumerProtocolSubscriptionSchema.SCHEMA.newStruct()
            .set(ConsumerProtocolSubscriptionSchema.TOPICS, List.of("a", "b"))
            .set(ConsumerProtocolSubscriptionSchema.RACK_ID, "rack-1");
        final ByteBuffer v3 = ConsumerProtocol.serializeSubscription(subscription, (short) 3);
        final ByteBuffer v9 = ByteBuffer.allocate(v3.remaining() + 6);
        v9.putShort((short) 9).put(v3.duplicate().position(2)).putInt(0xfeedface).flip();
        final ConsumerProtocol.Versioned read = ConsumerProtocol.readSubscription(v9);
        assertEquals(9, read.version());
        assertEquals(subscription, read.data());
    }

    @Test
    void shouldWriteVersionPrefixedSubscriptionLikeKafka() {
        final ConsumerProtocolSubscription kafka = new ConsumerProtocolSubscription()
            .setTopics(List.of("x")).setUserData(ByteBuffer.wrap(new byte[] {1})).setGenerationId(4);
        final Struct ours = ConsumerProtocolSubscriptionSchema.SCHEMA.newStruct()
            .set(ConsumerProtocolSubscriptionSchema.TOPICS, List.of("x"))
            .set(ConsumerProtocolSubscriptionSchema.USER_DATA, new byte[] {1})
            .set(ConsumerProtocolSubscriptionSchema.GENERATION_ID, 4);
        for (short v = 0; v <= 3; v++) {
            assertEquals(KafkaMirror.hex(MessageUtil.toVersionPrefixedByteBuffer(v, kafka)),
                KafkaMirror.hex(ConsumerProtocol.serializeSubscription(ours, v)), "v" + v);
        }
    }

    @Test
    void shouldRejectNegativeConsumerProtocolVersion() {
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> ConsumerProtocol.readAssignment(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff})));
        assertEquals("ConsumerProtocolAssignment.Version", e.field());
    }
}
