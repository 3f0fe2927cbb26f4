/**
 * Kafka's request/response protocol: primitives, message schemas, headers, frames, API keys and error codes.
 *
 * <h2>Design: declarative schemas, one interpreter</h2>
 * Each message is described once, in Java, as data: a {@link dev.sluice.codec.protocol.StructSchema} listing
 * {@link dev.sluice.codec.protocol.Field}s with their wire types, version ranges, nullable ranges, tags and
 * defaults; nested structs are schemas of their own. One generic interpreter (in {@code StructSchema} and
 * {@link dev.sluice.codec.protocol.FieldType}) reads, writes and sizes any message at any version from that
 * description. The alternative, hand-written code per message and version, would repeat the same few rules
 * across some forty messages and about two hundred versions, thousands of lines in which a single slip (a
 * wrong compact flag in one version) hides until a peer trips over it; here each rule exists once and the
 * interop tests check every message and version against kafka-clients.
 *
 * <p>Callers stay typed: fields are handles with a Java value type,
 * {@code short acks = request.get(ProduceRequestSchema.ACKS)}, and a handle from another schema is refused.
 * Values live in a {@link dev.sluice.codec.protocol.Struct} (an object array indexed by field position, so a
 * lookup is an identity check and an array load).
 *
 * <p>The schema classes in {@code dev.sluice.codec.protocol.message} transcribe the facts (names, types,
 * versions, tags, defaults) of Apache Kafka 3.8.0's JSON message definitions; they were produced once by a
 * throwaway script and are maintained as ordinary source. Kafka's explanatory text is not carried over.
 *
 * <h2>Bad input</h2>
 * Every length, count and size read off the wire is checked against the bytes remaining before anything is
 * allocated, and arrays are checked against the fewest bytes their elements could take, so a hostile count
 * fails at once. Decoding errors are {@link dev.sluice.codec.MalformedDataException}s naming the field by its
 * schema path ({@code ProduceRequest.TopicData.Name}); misuse when encoding (a null in a non-nullable field, a
 * version the message does not have) is an {@link java.lang.IllegalArgumentException}.
 *
 * <h2>Records and zero copy</h2>
 * Reading a RECORDS field yields a {@link dev.sluice.codec.protocol.ByteBufferRecords} around a slice of the
 * frame; nothing is copied. For writing, a records value is any {@link dev.sluice.codec.protocol.RecordsPayload};
 * {@link dev.sluice.codec.protocol.MessageSchema#writeParts} and {@link dev.sluice.codec.protocol.Frames}
 * return {@link dev.sluice.codec.protocol.MessageParts}, heap buffers for what the codec encodes with each
 * payload in its place, so a broker can send header bytes, then a file region, then more header bytes.
 *
 * <h2>Typical use</h2>
 * <pre>{@code
 * // Broker: one frame (size prefix already consumed) in, one response out.
 * RequestHeader header = RequestHeader.read(frame);
 * ApiKeys api = header.api();                              // null: unknown key, close the connection
 * if (!api.isVersionSupported(header.apiVersion())) {      // ApiVersions: answer in v0 instead
 *     send(ApiVersionsResponses.unsupportedVersionFrame(header.correlationId()));
 * }
 * Struct request = api.requestSchema().read(frame, header.apiVersion());
 * short acks = request.get(ProduceRequestSchema.ACKS);
 * for (Struct topic : request.get(ProduceRequestSchema.TOPIC_DATA)) { ... }
 *
 * Struct response = api.responseSchema().newStruct();
 * response.add(FetchResponseSchema.RESPONSES).set(FetchResponseSchema.FetchableTopicResponse.TOPIC, "t");
 * MessageParts parts = Frames.responseParts(api, header.apiVersion(), header.correlationId(), response);
 * // write each Encoded part's bytes, transferTo each Payload part
 * }</pre>
 *
 * <p>Nothing here keeps state, logs, or starts threads; schemas are immutable and shared.
 */
package dev.sluice.codec.protocol;
