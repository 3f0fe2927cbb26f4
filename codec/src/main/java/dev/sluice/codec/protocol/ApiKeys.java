package dev.sluice.codec.protocol;

import dev.sluice.codec.protocol.message.ApiVersionsRequestSchema;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema;
import dev.sluice.codec.protocol.message.CreateTopicsResponseSchema;
import dev.sluice.codec.protocol.message.DeleteTopicsRequestSchema;
import dev.sluice.codec.protocol.message.DeleteTopicsResponseSchema;
import dev.sluice.codec.protocol.message.DescribeClusterRequestSchema;
import dev.sluice.codec.protocol.message.DescribeClusterResponseSchema;
import dev.sluice.codec.protocol.message.DescribeConfigsRequestSchema;
import dev.sluice.codec.protocol.message.DescribeConfigsResponseSchema;
import dev.sluice.codec.protocol.message.DescribeGroupsRequestSchema;
import dev.sluice.codec.protocol.message.DescribeGroupsResponseSchema;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorRequestSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorResponseSchema;
import dev.sluice.codec.protocol.message.HeartbeatRequestSchema;
import dev.sluice.codec.protocol.message.HeartbeatResponseSchema;
import dev.sluice.codec.protocol.message.InitProducerIdRequestSchema;
import dev.sluice.codec.protocol.message.InitProducerIdResponseSchema;
import dev.sluice.codec.protocol.message.JoinGroupRequestSchema;
import dev.sluice.codec.protocol.message.JoinGroupResponseSchema;
import dev.sluice.codec.protocol.message.LeaveGroupRequestSchema;
import dev.sluice.codec.protocol.message.LeaveGroupResponseSchema;
import dev.sluice.codec.protocol.message.ListGroupsRequestSchema;
import dev.sluice.codec.protocol.message.ListGroupsResponseSchema;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema;
import dev.sluice.codec.protocol.message.MetadataRequestSchema;
import dev.sluice.codec.protocol.message.MetadataResponseSchema;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import dev.sluice.codec.protocol.message.ProduceResponseSchema;
import dev.sluice.codec.protocol.message.SaslAuthenticateRequestSchema;
import dev.sluice.codec.protocol.message.SaslAuthenticateResponseSchema;
import dev.sluice.codec.protocol.message.SaslHandshakeRequestSchema;
import dev.sluice.codec.protocol.message.SaslHandshakeResponseSchema;
import dev.sluice.codec.protocol.message.SyncGroupRequestSchema;
import dev.sluice.codec.protocol.message.SyncGroupResponseSchema;

/**
 * The APIs this codec speaks: key, name, valid versions, first flexible version, and the request and response
 * schemas, plus the header-version rules that go with them.
 *
 * <p>Header versions (from Kafka's generated ApiMessageType, see FORMATS.md section 2): a request uses header
 * v2 when its API version is flexible and v1 otherwise; a response uses header v1 when flexible and v0
 * otherwise, except that an ApiVersions response always uses v0, so that a client can read the error code
 * even when the broker did not understand the version it asked for (KIP-511). Immutable.
 */
public enum ApiKeys {
    PRODUCE(0, "Produce", ProduceRequestSchema.SCHEMA, ProduceResponseSchema.SCHEMA),
    FETCH(1, "Fetch", FetchRequestSchema.SCHEMA, FetchResponseSchema.SCHEMA),
    LIST_OFFSETS(2, "ListOffsets", ListOffsetsRequestSchema.SCHEMA, ListOffsetsResponseSchema.SCHEMA),
    METADATA(3, "Metadata", MetadataRequestSchema.SCHEMA, MetadataResponseSchema.SCHEMA),
    OFFSET_COMMIT(8, "OffsetCommit", OffsetCommitRequestSchema.SCHEMA, OffsetCommitResponseSchema.SCHEMA),
    OFFSET_FETCH(9, "OffsetFetch", OffsetFetchRequestSchema.SCHEMA, OffsetFetchResponseSchema.SCHEMA),
    FIND_COORDINATOR(10, "FindCoordinator", FindCoordinatorRequestSchema.SCHEMA, FindCoordinatorResponseSchema.SCHEMA),
    JOIN_GROUP(11, "JoinGroup", JoinGroupRequestSchema.SCHEMA, JoinGroupResponseSchema.SCHEMA),
    HEARTBEAT(12, "Heartbeat", HeartbeatRequestSchema.SCHEMA, HeartbeatResponseSchema.SCHEMA),
    LEAVE_GROUP(13, "LeaveGroup", LeaveGroupRequestSchema.SCHEMA, LeaveGroupResponseSchema.SCHEMA),
    SYNC_GROUP(14, "SyncGroup", SyncGroupRequestSchema.SCHEMA, SyncGroupResponseSchema.SCHEMA),
    DESCRIBE_GROUPS(15, "DescribeGroups", DescribeGroupsRequestSchema.SCHEMA, DescribeGroupsResponseSchema.SCHEMA),
    LIST_GROUPS(16, "ListGroups", ListGroupsRequestSchema.SCHEMA, ListGroupsResponseSchema.SCHEMA),
    SASL_HANDSHAKE(17, "SaslHandshake", SaslHandshakeRequestSchema.SCHEMA, SaslHandshakeResponseSchema.SCHEMA),
    API_VERSIONS(18, "ApiVersions", ApiVersionsRequestSchema.SCHEMA, ApiVersionsResponseSchema.SCHEMA),
    CREATE_TOPICS(19, "CreateTopics", CreateTopicsRequestSchema.SCHEMA, CreateTopicsResponseSchema.SCHEMA),
    DELETE_TOPICS(20, "DeleteTopics", DeleteTopicsRequestSchema.SCHEMA, DeleteTopicsResponseSchema.SCHEMA),
    INIT_PRODUCER_ID(22, "InitProducerId", InitProducerIdRequestSchema.SCHEMA, InitProducerIdResponseSchema.SCHEMA),
    DESCRIBE_CONFIGS(32, "DescribeConfigs", DescribeConfigsRequestSchema.SCHEMA, DescribeConfigsResponseSchema.SCHEMA),
    SASL_AUTHENTICATE(36, "SaslAuthenticate", SaslAuthenticateRequestSchema.SCHEMA, SaslAuthenticateResponseSchema.SCHEMA),
    DESCRIBE_CLUSTER(60, "DescribeCluster", DescribeClusterRequestSchema.SCHEMA, DescribeClusterResponseSchema.SCHEMA);

    private static final ApiKeys[] BY_ID;

    static {
        int highest = 0;
        for (final ApiKeys api : values()) {
            highest = Math.max(highest, api.id);
        }
        BY_ID = new ApiKeys[highest + 1];
        for (final ApiKeys api : values()) {
            BY_ID[api.id] = api;
        }
    }

    private final short id;
    private final String apiName;
    private final MessageSchema request;
    private final MessageSchema response;

    ApiKeys(final int id, final String apiName, final MessageSchema request, final MessageSchema response) {
        this.id = (short) id;
        this.apiName = apiName;
        this.request = request;
        this.response = response;
        if (request.apiKey() != id || response.apiKey() != id
            || request.lowestVersion() != response.lowestVersion()
            || request.highestVersion() != response.highestVersion()
            || request.firstFlexibleVersion() != response.firstFlexibleVersion()) {
            throw new IllegalStateException(apiName + ": request and response schemas disagree");
        }
    }

    /** The API key on the wire. */
    public short id() {
        return id;
    }

    /** The API's name as Kafka spells it, e.g. {@code ListOffsets}. */
    public String apiName() {
        return apiName;
    }

    public MessageSchema requestSchema() {
        return request;
    }

    public MessageSchema responseSchema() {
        return response;
    }

    public short lowestVersion() {
        return request.lowestVersion();
    }

    public short highestVersion() {
        return request.highestVersion();
    }

    /** The first flexible version, {@link MessageSchema#NEVER_FLEXIBLE} when there is none. */
    public short firstFlexibleVersion() {
        return request.firstFlexibleVersion();
    }

    public boolean isVersionSupported(final short version) {
        return request.isVersionSupported(version);
    }

    /** Whether {@code version} is flexible; also answers for versions beyond the supported range. */
    public boolean isFlexible(final short version) {
        return request.isFlexible(version);
    }

    /** The request header version that goes with {@code version} of this API: 2 if flexible, else 1. */
    public short requestHeaderVersion(final short version) {
        return (short) (isFlexible(version) ? 2 : 1);
    }

    /** The response header version that goes with {@code version}: 1 if flexible, else 0; ApiVersions always 0. */
    public short responseHeaderVersion(final short version) {
        if (this == API_VERSIONS) {
            return 0;
        }
        return (short) (isFlexible(version) ? 1 : 0);
    }

    /** The API with this key, or null when this codec does not know it. */
    public static ApiKeys forId(final short id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
