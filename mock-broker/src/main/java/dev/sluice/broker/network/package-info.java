/**
 * The broker's non-blocking socket layer: one acceptor thread and {@code num.network.threads}
 * processor threads (default 2), each a single-threaded duty cycle that owns its connections.
 *
 * <p><b>Framing and hostile input.</b> Every request is an INT32 size then that many bytes. The
 * size is checked against {@code socket.request.max.bytes} (default 104857600) before any buffer is
 * allocated; a negative or oversized size, a frame shorter than a request header, or anything the
 * handler layer cannot parse closes that connection only, with a WARN line naming the client's
 * address (and client id once one was seen) and the reason.
 *
 * <p><b>Frame buffers.</b> Request frames are read into heap buffers from a pool owned by each
 * processor thread ({@link dev.sluice.broker.network.FrameBufferPool}), so steady produce traffic
 * allocates nothing per request. A frame's buffer is recycled only after its request completed and
 * the answer was written: Produce's records are slices of the frame until they are appended, and a
 * parked request may read its frame late. Handlers that keep request bytes past completion must copy
 * them (the codec copies BYTES and STRING fields already).
 *
 * <p><b>Order.</b> A connection is muted (OP_READ off) from the moment a request frame is complete
 * until its response has been written in full (or the request completed without one, acks=0), as
 * Kafka does: pipelined requests wait in the socket buffer, so answers come back in request order.
 *
 * <p><b>Writes.</b> A response is a queue of {@link dev.sluice.broker.network.SendPart}s: heap
 * buffers go out with {@code write}, file slices with {@code FileChannel.transferTo} (sendfile).
 * A partial write registers OP_WRITE and the processor moves on to other connections; it resumes
 * where it stopped. {@link dev.sluice.broker.network.NetworkCounters} counts bytes by path.
 *
 * <p><b>Send buffer.</b> Each accepted socket gets {@code socket.send.buffer.bytes} of SO_SNDBUF
 * (Kafka's name; default -1, which keeps the OS's self-tuning buffer, on Linux growing to
 * {@code net.ipv4.tcp_wmem}'s maximum; Kafka's default is 102400). Measured with 8-partition, 8 MiB fetch responses to a reader
 * with a 64 KiB window over loopback (2026-12-06, see docs/benchmarks-consumer.md): the size does not
 * change throughput, because the broker is not what paces such a transfer; with the OS buffer one
 * {@code transferTo} queues a whole 1 MiB slice and the broker waits for the next request with its
 * answer already in the kernel, while with 100 KiB (the kernel doubles it) it calls sendfile about 35
 * times per response, resuming on OP_WRITE. The small buffer moves TCP work from the reader to the
 * broker: the Sluice consumer spent 7-9 % less CPU per record, the broker 35-60 % more per GiB served.
 * Since the broker's CPU per GiB is what it is measured by, and the readers' saving is smaller than the
 * broker's cost, the default leaves the buffer to the OS; 102400 gives Apache Kafka's behaviour.
 *
 * <p><b>Where handlers run: on the processor thread.</b> Measured while kafka-clients 4.1.0 produced
 * and consumed 1 000 000 records per codec through this broker (8 partitions, linger 5 ms,
 * batch.size 64 KiB; 300-670 Produce requests per million records), on a 2-core machine with a load
 * average of about 17 from other builds: time inside the Produce handler (CRC validation, offset
 * patching, append to the page cache, no fsync) was p50 0.22-0.63 ms, p99 1.3-34 ms, max 56 ms;
 * Fetch p50 0.16-1.4 ms (building the response only: the bytes go later with sendfile). At those
 * costs a hand-off to a handler pool would add two thread switches per request on two cores for
 * little isolation, so handlers run inline and a slow append delays only the connections of the
 * same processor. The exceptions are long waits, which never block a processor: fetches waiting for
 * {@code min_bytes} park in the purgatory thread. Not measured: the pool alternative itself; one
 * slow operation did show up (CreateTopics, 6-228 ms, creating segment and index files), which is
 * rare enough to accept. Change this if appends start to fsync per request.
 */
package dev.sluice.broker.network;
