package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.DescribeClusterResponseSchema;
import dev.sluice.codec.protocol.message.DescribeClusterResponseSchema.DescribeClusterBroker;
import java.util.ArrayList;

/**
 * DescribeCluster (key 60), versions 0-1: the cluster id, and this node as the only broker and
 * the controller. Endpoint type is echoed as "brokers" (1), the only kind there is.
 */
public final class DescribeClusterHandler implements ApiHandler {
    private final BrokerContext broker;

    public DescribeClusterHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = DescribeClusterResponseSchema.SCHEMA.newStruct()
                .set(DescribeClusterResponseSchema.ERROR_CODE, Errors.NONE.code())
                .set(DescribeClusterResponseSchema.CLUSTER_ID, broker.clusterId())
                .set(DescribeClusterResponseSchema.CONTROLLER_ID, broker.nodeId())
                .set(DescribeClusterResponseSchema.BROKERS, new ArrayList<>());
        response.add(DescribeClusterResponseSchema.BROKERS)
                .set(DescribeClusterBroker.BROKER_ID, broker.nodeId())
                .set(DescribeClusterBroker.HOST, broker.host())
                .set(DescribeClusterBroker.PORT, broker.port().getAsInt());
        request.respond(response);
    }
}
