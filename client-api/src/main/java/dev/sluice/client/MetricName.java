package dev.sluice.client;

import java.util.Map;
import java.util.Objects;

/**
 * Identifies a metric: a name, a group (e.g. {@code producer-metrics}) and tags (e.g.
 * {@code client-id}). The description is documentation only and takes no part in equality. Immutable.
 */
public final class MetricName {
    private final String name;
    private final String group;
    private final String description;
    private final Map<String, String> tags;
    private final int hash;

    public MetricName(final String name, final String group, final String description, final Map<String, String> tags) {
        this.name = Objects.requireNonNull(name, "name");
        this.group = Objects.requireNonNull(group, "group");
        this.description = description == null ? "" : description;
        this.tags = Map.copyOf(tags);
        this.hash = Objects.hash(name, group, this.tags);
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricName)) {
            return false;
        }
        final MetricName other = (MetricName) o;
        return name.equals(other.name) && group.equals(other.group) && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "MetricName(name = " + name + ", group = " + group + ", tags = " + tags + ")";
    }
}
