/**
 * One handler class per Kafka API key, each opening with the versions it answers and how it
 * behaves, plus the {@link dev.sluice.broker.handler.RequestDispatcher} that routes frames to them.
 *
 * <p>Handlers run on the network processor thread that read the request (see the network package
 * notes for why and what was measured). A handler that cannot answer at once (a Fetch waiting for
 * {@code min_bytes}) parks in the {@link dev.sluice.broker.handler.FetchPurgatory} and answers
 * later from its thread; the connection stays muted meanwhile, which keeps per-connection order.
 *
 * <p>Responses are built version-agnostic and fitted to the request's version in one place
 * ({@code ResponseVersions}). Fetch records are {@code FileSliceRecords}: the codec writes their
 * length prefix, the network sends the slice with {@code transferTo}.
 *
 * <p>Group APIs: FindCoordinator answers this node for every key. The group APIs (JoinGroup,
 * SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups) are
 * handlers like the others, one class per key over the coordinator in {@code dev.sluice.broker.group},
 * listed in {@code MockBroker.start}; {@code MockBroker.Builder.handler(...)} adds a handler from
 * outside. ApiVersions advertises exactly the registered handlers, so an API without one is
 * "unsupported" to clients rather than answered wrongly.
 */
package dev.sluice.broker.handler;
