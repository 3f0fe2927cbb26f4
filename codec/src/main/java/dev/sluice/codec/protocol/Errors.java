package dev.sluice.codec.protocol;

/**
 * Every error code of the Kafka protocol as of Kafka 3.8.0 (codes -1 to 119): the wire code, the name Kafka
 * uses, whether a client may retry the same operation (Kafka maps the code to a retriable exception), and a
 * short description in our own words.
 *
 * <p>Codes are facts of the wire protocol and are never renumbered. {@link #forCode(short)} maps codes this
 * table does not know, such as ones added by newer brokers, to {@link #UNKNOWN_SERVER_ERROR}, as Kafka's
 * clients do. Immutable.
 */
public enum Errors {
    UNKNOWN_SERVER_ERROR(-1, false, "The server failed in a way it could not classify."),
    NONE(0, false, "No error."),
    OFFSET_OUT_OF_RANGE(1, false, "The requested offset lies outside the partition's log."),
    CORRUPT_MESSAGE(2, true, "Record data failed its CRC or size checks, or is otherwise malformed."),
    UNKNOWN_TOPIC_OR_PARTITION(3, true, "This server does not host the topic-partition."),
    INVALID_FETCH_SIZE(4, false, "The requested fetch size is not valid."),
    LEADER_NOT_AVAILABLE(5, true, "The partition has no leader right now; an election is probably running."),
    NOT_LEADER_OR_FOLLOWER(6, true, "This broker is neither leader nor follower of the partition asked for."),
    REQUEST_TIMED_OUT(7, true, "The request took longer than its timeout."),
    BROKER_NOT_AVAILABLE(8, false, "The broker is not available."),
    REPLICA_NOT_AVAILABLE(9, true, "The replica is not available for this partition."),
    MESSAGE_TOO_LARGE(10, false, "A batch or record is larger than the server accepts."),
    STALE_CONTROLLER_EPOCH(11, false, "The request came from a controller with an outdated epoch."),
    OFFSET_METADATA_TOO_LARGE(12, false, "The metadata string of a committed offset is too long."),
    NETWORK_EXCEPTION(13, true, "The connection dropped before a response arrived."),
    COORDINATOR_LOAD_IN_PROGRESS(14, true, "The coordinator is still loading its state."),
    COORDINATOR_NOT_AVAILABLE(15, true, "The coordinator is not available."),
    NOT_COORDINATOR(16, true, "This broker is not the coordinator for the given key."),
    INVALID_TOPIC_EXCEPTION(17, false, "The topic name is illegal, or the operation is not allowed on an internal topic."),
    RECORD_LIST_TOO_LARGE(18, false, "The batch is larger than the configured segment size."),
    NOT_ENOUGH_REPLICAS(19, true, "Fewer replicas are in sync than the topic requires."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true, "The records were written, but fewer replicas are in sync than required."),
    INVALID_REQUIRED_ACKS(21, false, "The acks value is not one the server allows."),
    ILLEGAL_GENERATION(22, false, "The group generation is stale or unknown."),
    INCONSISTENT_GROUP_PROTOCOL(23, false, "The member's protocol type or protocols do not match the group's."),
    INVALID_GROUP_ID(24, false, "The group id is empty or otherwise not valid."),
    UNKNOWN_MEMBER_ID(25, false, "The coordinator does not know this member id."),
    INVALID_SESSION_TIMEOUT(26, false, "The session timeout is outside the range the broker allows."),
    REBALANCE_IN_PROGRESS(27, false, "The group is rebalancing; the member should rejoin."),
    INVALID_COMMIT_OFFSET_SIZE(28, false, "The offset commit is too large."),
    TOPIC_AUTHORIZATION_FAILED(29, false, "The principal may not access this topic."),
    GROUP_AUTHORIZATION_FAILED(30, false, "The principal may not access this group."),
    CLUSTER_AUTHORIZATION_FAILED(31, false, "The principal may not perform this cluster operation."),
    INVALID_TIMESTAMP(32, false, "A record timestamp is outside the window the broker accepts."),
    UNSUPPORTED_SASL_MECHANISM(33, false, "The broker does not offer the requested SASL mechanism."),
    ILLEGAL_SASL_STATE(34, false, "This request is not allowed in the current SASL state."),
    UNSUPPORTED_VERSION(35, false, "The broker does not support this API version."),
    TOPIC_ALREADY_EXISTS(36, false, "A topic with this name already exists."),
    INVALID_PARTITIONS(37, false, "The partition count is not valid."),
    INVALID_REPLICATION_FACTOR(38, false, "The replication factor is not valid."),
    INVALID_REPLICA_ASSIGNMENT(39, false, "The replica assignment is not valid."),
    INVALID_CONFIG(40, false, "A configuration value is not valid."),
    NOT_CONTROLLER(41, true, "This broker is not the active controller."),
    INVALID_REQUEST(42, false, "The request is malformed or contradicts itself."),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false, "The log's message format version does not support this request."),
    POLICY_VIOLATION(44, false, "A configured policy rejected the request."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, false, "The producer's sequence number skipped ahead of what the broker expects."),
    DUPLICATE_SEQUENCE_NUMBER(46, false, "The producer sent a sequence number the broker has already seen."),
    INVALID_PRODUCER_EPOCH(47, false, "The producer epoch is older than the current one."),
    INVALID_TXN_STATE(48, false, "The transaction cannot move to the requested state."),
    INVALID_PRODUCER_ID_MAPPING(49, false, "The producer id does not belong to this transactional id."),
    INVALID_TRANSACTION_TIMEOUT(50, false, "The transaction timeout exceeds the broker's maximum."),
    CONCURRENT_TRANSACTIONS(51, true, "Another operation on this transaction is still in progress."),
    TRANSACTION_COORDINATOR_FENCED(52, false, "A newer transaction coordinator has taken over."),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false, "The principal may not use this transactional id."),
    SECURITY_DISABLED(54, false, "Security features are turned off on this broker."),
    OPERATION_NOT_ATTEMPTED(55, false, "The broker skipped this operation because a related one failed."),
    KAFKA_STORAGE_ERROR(56, true, "A disk or log directory on the broker failed."),
    LOG_DIR_NOT_FOUND(57, false, "The named log directory does not exist."),
    SASL_AUTHENTICATION_FAILED(58, false, "SASL authentication failed."),
    UNKNOWN_PRODUCER_ID(59, false, "The broker holds no state for this producer id."),
    REASSIGNMENT_IN_PROGRESS(60, false, "A partition reassignment is already running."),
    DELEGATION_TOKEN_AUTH_DISABLED(61, false, "Delegation token authentication is turned off."),
    DELEGATION_TOKEN_NOT_FOUND(62, false, "No such delegation token exists."),
    DELEGATION_TOKEN_OWNER_MISMATCH(63, false, "The principal does not own this delegation token."),
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED(64, false, "Delegation token requests are not allowed over this channel or with these credentials."),
    DELEGATION_TOKEN_AUTHORIZATION_FAILED(65, false, "The principal may not perform this delegation token operation."),
    DELEGATION_TOKEN_EXPIRED(66, false, "The delegation token has expired."),
    INVALID_PRINCIPAL_TYPE(67, false, "The principal type is not supported."),
    NON_EMPTY_GROUP(68, false, "The group still has members."),
    GROUP_ID_NOT_FOUND(69, false, "No such group exists."),
    FETCH_SESSION_ID_NOT_FOUND(70, true, "The broker does not know this fetch session."),
    INVALID_FETCH_SESSION_EPOCH(71, true, "The fetch session epoch is not the one the broker expects."),
    LISTENER_NOT_FOUND(72, true, "The leader has no endpoint for the listener the request came in on."),
    TOPIC_DELETION_DISABLED(73, false, "Topic deletion is turned off on this cluster."),
    FENCED_LEADER_EPOCH(74, true, "The request's leader epoch is older than the broker's."),
    UNKNOWN_LEADER_EPOCH(75, true, "The request's leader epoch is newer than the broker's."),
    UNSUPPORTED_COMPRESSION_TYPE(76, false, "This compression codec is not allowed at this request version."),
    STALE_BROKER_EPOCH(77, false, "The broker epoch is outdated."),
    OFFSET_NOT_AVAILABLE(78, true, "The leader's high watermark has not caught up yet."),
    MEMBER_ID_REQUIRED(79, false, "The member must rejoin with the member id the broker assigned."),
    PREFERRED_LEADER_NOT_AVAILABLE(80, true, "The preferred leader is not available."),
    GROUP_MAX_SIZE_REACHED(81, false, "The group already has the maximum number of members."),
    FENCED_INSTANCE_ID(82, false, "A newer member with the same static instance id has fenced this one."),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(83, true, "No replica eligible for leadership is available."),
    ELECTION_NOT_NEEDED(84, true, "The partition already has the leader the election would choose."),
    NO_REASSIGNMENT_IN_PROGRESS(85, false, "No partition reassignment is running."),
    GROUP_SUBSCRIBED_TO_TOPIC(86, false, "The group is still subscribed to this topic, so its offsets cannot be deleted."),
    INVALID_RECORD(87, false, "The broker's validation rejected a record."),
    UNSTABLE_OFFSET_COMMIT(88, true, "Transactional offsets are still pending for this partition."),
    THROTTLING_QUOTA_EXCEEDED(89, true, "The request exceeded a throttling quota."),
    PRODUCER_FENCED(90, false, "A newer producer with the same transactional id has fenced this one."),
    RESOURCE_NOT_FOUND(91, false, "The named resource does not exist."),
    DUPLICATE_RESOURCE(92, false, "The request names the same resource more than once."),
    UNACCEPTABLE_CREDENTIAL(93, false, "The credential does not meet the broker's requirements."),
    INCONSISTENT_VOTER_SET(94, false, "The voters in the request disagree with the voters the receiver knows."),
    INVALID_UPDATE_VERSION(95, false, "The update version is not valid."),
    FEATURE_UPDATE_FAILED(96, false, "The feature update could not be applied."),
    PRINCIPAL_DESERIALIZATION_FAILURE(97, false, "The forwarded principal could not be decoded."),
    SNAPSHOT_NOT_FOUND(98, false, "The requested snapshot does not exist."),
    POSITION_OUT_OF_RANGE(99, false, "The requested position lies outside the snapshot."),
    UNKNOWN_TOPIC_ID(100, true, "This server does not know the topic id."),
    DUPLICATE_BROKER_REGISTRATION(101, false, "A broker with this id is already registered under a different incarnation."),
    BROKER_ID_NOT_REGISTERED(102, false, "No broker with this id is registered."),
    INCONSISTENT_TOPIC_ID(103, true, "The topic id in the request does not match the log's topic id."),
    INCONSISTENT_CLUSTER_ID(104, false, "The cluster id in the request does not match this cluster's."),
    TRANSACTIONAL_ID_NOT_FOUND(105, false, "No such transactional id exists."),
    FETCH_SESSION_TOPIC_ID_ERROR(106, true, "The fetch session's topic ids are inconsistent with the request."),
    INELIGIBLE_REPLICA(107, false, "The new in-sync replica set names a replica that may not join it."),
    NEW_LEADER_ELECTED(108, false, "The in-sync replica update was dropped because a new leader was elected."),
    OFFSET_MOVED_TO_TIERED_STORAGE(109, false, "The requested offset now lives only in tiered storage."),
    FENCED_MEMBER_EPOCH(110, false, "The member epoch is fenced; the member must rejoin with epoch zero."),
    UNRELEASED_INSTANCE_ID(111, false, "The static instance id is still held by another member."),
    UNSUPPORTED_ASSIGNOR(112, false, "The group does not support the requested assignor."),
    STALE_MEMBER_EPOCH(113, false, "The member epoch is stale."),
    MISMATCHED_ENDPOINT_TYPE(114, false, "The request was sent to the wrong kind of endpoint."),
    UNSUPPORTED_ENDPOINT_TYPE(115, false, "This endpoint type does not support the request."),
    UNKNOWN_CONTROLLER_ID(116, false, "No controller with this id is known."),
    UNKNOWN_SUBSCRIPTION_ID(117, false, "The client telemetry subscription id is not known."),
    TELEMETRY_TOO_LARGE(118, false, "The client telemetry payload is larger than allowed."),
    INVALID_REGISTRATION(119, false, "The controller rejected the registration as not valid.");

    private static final int LOWEST_CODE = -1;
    private static final Errors[] BY_CODE;

    static {
        int highest = 0;
        for (final Errors error : values()) {
            highest = Math.max(highest, error.code);
        }
        BY_CODE = new Errors[highest - LOWEST_CODE + 1];
        for (final Errors error : values()) {
            if (BY_CODE[error.code - LOWEST_CODE] != null) {
                throw new IllegalStateException("error code " + error.code + " is used twice");
            }
            BY_CODE[error.code - LOWEST_CODE] = error;
        }
    }

    private final short code;
    private final boolean retriable;
    private final String message;

    Errors(final int code, final boolean retriable, final String message) {
        this.code = (short) code;
        this.retriable = retriable;
        this.message = message;
    }

    /** The code on the wire. */
    public short code() {
        return code;
    }

    /** Whether retrying the same request may succeed (the condition is expected to pass). */
    public boolean isRetriable() {
        return retriable;
    }

    /** A one-line description of what the code means. */
    public String message() {
        return message;
    }

    /** The error with this code, or {@link #UNKNOWN_SERVER_ERROR} when the code is not known. */
    public static Errors forCode(final short code) {
        final int index = code - LOWEST_CODE;
        if (index < 0 || index >= BY_CODE.length || BY_CODE[index] == null) {
            return UNKNOWN_SERVER_ERROR;
        }
        return BY_CODE[index];
    }
}
