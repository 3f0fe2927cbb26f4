package dev.sluice.client.internal.metrics;

import dev.sluice.client.MetricName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Publishes one group of a client's metrics as a single MBean, e.g.
 * {@code dev.sluice:type=producer-metrics,client-id=producer-1}, one attribute per metric name.
 */
public final class JmxReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmxReporter.class);

    private final ObjectName name;

    /** Registers the MBean; failures are logged, never thrown (metrics must not stop a client). */
    public JmxReporter(final Metrics metrics, final String group, final String clientId) {
        ObjectName objectName = null;
        try {
            final String id = clientId.matches("[A-Za-z0-9._-]+") ? clientId : ObjectName.quote(clientId);
            objectName = new ObjectName("dev.sluice:type=" + group + ",client-id=" + id);
        } catch (final JMException e) {
            LOG.warn("Cannot name MBean for client {}", clientId, e);
        }
        this.name = objectName;
        if (name == null) {
            return;
        }
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new GroupBean(metrics, group), name);
        } catch (final JMException e) {
            LOG.warn("Cannot register MBean {}", name, e);
        }
    }

    public ObjectName objectName() {
        return name;
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (final JMException e) {
            LOG.debug("Cannot unregister MBean {}", name, e);
        }
    }

    private static final class GroupBean implements DynamicMBean {
        private final Metrics metrics;
        private final String group;

        GroupBean(final Metrics metrics, final String group) {
            this.metrics = metrics;
            this.group = group;
        }

        private DoubleSupplier find(final String attribute) {
            for (final Map.Entry<MetricName, DoubleSupplier> e : metrics.all().entrySet()) {
                if (e.getKey().group().equals(group) && e.getKey().name().equals(attribute)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public Object getAttribute(final String attribute) throws AttributeNotFoundException {
            final DoubleSupplier s = find(attribute);
            if (s == null) {
                throw new AttributeNotFoundException("No metric " + attribute + " in " + group);
            }
            return s.getAsDouble();
        }

        @Override
        public void setAttribute(final Attribute attribute) {
            throw new UnsupportedOperationException("metrics are read-only");
        }

        @Override
        public AttributeList getAttributes(final String[] attributes) {
            final AttributeList list = new AttributeList();
            for (final String a : attributes) {
                final DoubleSupplier s = find(a);
                if (s != null) {
                    list.add(new Attribute(a, s.getAsDouble()));
                }
            }
            return list;
        }

        @Override
        public AttributeList setAttributes(final AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(final String actionName, final Object[] params, final String[] signature) {
            throw new UnsupportedOperationException("no operations");
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            final List<MBeanAttributeInfo> attrs = new ArrayList<>();
            for (final MetricName key : metrics.all().keySet()) {
                if (key.group().equals(group)) {
                    attrs.add(new MBeanAttributeInfo(key.name(), "double", key.description(), true, false, false));
                }
            }
            return new MBeanInfo(getClass().getName(), "Sluice " + group, attrs.toArray(new MBeanAttributeInfo[0]),
                null, null, null);
        }
    }
}
