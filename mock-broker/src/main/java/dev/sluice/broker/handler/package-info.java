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
 * <p>Seams for the group coordinator: FindCoordinator already answers this node for every key.
 * JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups and
 * ListGroups are not registered by default; a coordinator supplies one {@link
 * dev.sluice.broker.handler.ApiHandler} per key through {@code MockBroker.Builder.handler(...)}
 * (given the {@link dev.sluice.broker.handler.BrokerContext}), and ApiVersions advertises them.
 * Until then clients using groups see those APIs as unsupported.
 */
package dev.sluice.broker.handler;
