/**
 * The broker's on-disk log.
 *
 * <p>Layout under the data directory: {@code .topics/<topic>.properties} (topic id, partition count,
 * config overrides) and one directory per partition, {@code <topic>-<partition>}, holding
 * {@code <20-digit base offset>.log} segments of RecordBatch v2 batches exactly as producers sent them,
 * a sparse {@code .index} per segment (INT32 relative offset, INT32 file position, one entry per
 * {@code index.interval.bytes}), the latest producer-state {@code .snapshot}, and a
 * {@code .clean-shutdown} marker while the log is closed.
 *
 * <p>Entry points: {@link dev.sluice.broker.log.LogManager} (topics) and
 * {@link dev.sluice.broker.log.PartitionLog} (append, read, list offsets, retention). Reads return a
 * {@link dev.sluice.broker.log.FileSlice} to be sent with {@code transferTo} and then released.
 */
package dev.sluice.broker.log;
