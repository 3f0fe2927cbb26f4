package dev.sluice.client.internal.network;

import dev.sluice.client.errors.ApiException;
import dev.sluice.client.errors.CorruptRecordException;
import dev.sluice.client.errors.InvalidProducerEpochException;
import dev.sluice.client.errors.InvalidTopicException;
import dev.sluice.client.errors.NetworkException;
import dev.sluice.client.errors.NotLeaderOrFollowerException;
import dev.sluice.client.errors.OutOfOrderSequenceException;
import dev.sluice.client.errors.ProducerFencedException;
import dev.sluice.client.errors.RecordBatchTooLargeException;
import dev.sluice.client.errors.RecordTooLargeException;
import dev.sluice.client.errors.RetriableException;
import dev.sluice.client.errors.StorageException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.errors.TopicAuthorizationException;
import dev.sluice.client.errors.UnknownTopicOrPartitionException;
import dev.sluice.client.errors.UnsupportedVersionException;
import dev.sluice.codec.protocol.Errors;

import java.util.Set;

/**
 * Turns a protocol error code into the client-api exception a user catches. Codes without a class
 * of their own become a plain {@link ApiException} or {@link RetriableException} carrying the code
 * and name, so nothing is lost. Stateless.
 */
public final class ErrorMapping {
    private ErrorMapping() {
    }

    /**
     * @param error   the code from the response
     * @param context what failed, e.g. the partition; prefixed to the message
     * @param detail  the broker's error message, or null
     */
    public static ApiException exception(final Errors error, final String context, final String detail) {
        final String message = context + ": " + error.name() + " (" + error.code() + ") "
            + (detail != null ? detail : error.message());
        switch (error) {
            case NOT_LEADER_OR_FOLLOWER:
                return new NotLeaderOrFollowerException(message);
            case UNKNOWN_TOPIC_OR_PARTITION:
                return new UnknownTopicOrPartitionException(message);
            case REQUEST_TIMED_OUT:
                return new TimeoutException(message);
            case NETWORK_EXCEPTION:
                return new NetworkException(message);
            case MESSAGE_TOO_LARGE:
                return new RecordTooLargeException(message);
            case RECORD_LIST_TOO_LARGE:
                return new RecordBatchTooLargeException(message);
            case CORRUPT_MESSAGE:
                return new CorruptRecordException(message);
            case OUT_OF_ORDER_SEQUENCE_NUMBER:
                return new OutOfOrderSequenceException(message);
            case INVALID_PRODUCER_EPOCH:
                return new InvalidProducerEpochException(message);
            case PRODUCER_FENCED:
                return new ProducerFencedException(message);
            case INVALID_TOPIC_EXCEPTION:
                return new InvalidTopicException(message);
            case UNSUPPORTED_VERSION:
                return new UnsupportedVersionException(message);
            case KAFKA_STORAGE_ERROR:
                return new StorageException(message);
            case TOPIC_AUTHORIZATION_FAILED:
                return new TopicAuthorizationException(Set.of(context));
            default:
                return error.isRetriable()
                    ? new RetriableException(error.code(), error.name(), message)
                    : new ApiException(error.code(), error.name(), message);
        }
    }
}
