package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.producer.Callback;
import dev.sluice.client.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future {@code send} returns and the user's callback, completed together: the callback runs
 * first (on the sender thread), then waiters on the future wake up. Cancellation is not
 * supported, as in kafka-clients: a record handed to the producer cannot be taken back.
 */
public final class FutureRecordMetadata implements Future<RecordMetadata>, RecordCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(FutureRecordMetadata.class);

    private final TopicPartition partition;
    private final int keySize;
    private final int valueSize;
    private final Callback callback;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RecordMetadata metadata;
    private volatile Exception error;

    /**
     * @param keySize   serialized key bytes, -1 for a null key
     * @param valueSize serialized value bytes, -1 for a null value
     * @param callback  the user's callback, or null
     */
    public FutureRecordMetadata(final TopicPartition partition, final int keySize, final int valueSize,
                                final Callback callback) {
        this.partition = partition;
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.callback = callback;
    }

    @Override
    public void complete(final long offset, final long timestampMs, final RuntimeException failure) {
        final RecordMetadata result = new RecordMetadata(partition, failure == null ? offset : RecordMetadata.UNKNOWN_OFFSET,
            timestampMs, keySize, valueSize);
        this.metadata = result;
        this.error = failure;
        try {
            if (callback != null) {
                callback.onCompletion(result, failure);
            }
        } catch (final RuntimeException e) {
            LOG.error("Error in the callback of a record sent to {}", partition, e);
        } finally {
            done.countDown();
        }
    }

    @Override
    public boolean cancel(final boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return done.getCount() == 0;
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        done.await();
        return result();
    }

    @Override
    public RecordMetadata get(final long timeout, final TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
        if (!done.await(timeout, unit)) {
            throw new TimeoutException("Record for " + partition + " not completed within "
                + unit.toMillis(timeout) + " ms");
        }
        return result();
    }

    private RecordMetadata result() throws ExecutionException {
        if (error != null) {
            throw new ExecutionException(error);
        }
        return metadata;
    }

    /** A future that is already failed, for records rejected before they were queued. */
    public static FutureRecordMetadata failed(final TopicPartition partition, final Callback callback,
                                              final RuntimeException failure) {
        final FutureRecordMetadata f = new FutureRecordMetadata(partition, -1, -1, callback);
        f.complete(RecordMetadata.UNKNOWN_OFFSET, RecordMetadata.NO_TIMESTAMP, failure);
        return f;
    }
}
