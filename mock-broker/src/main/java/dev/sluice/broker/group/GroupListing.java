package dev.sluice.broker.group;

/** A group as ListGroups reports it; {@code protocolType} is empty when none. */
public record GroupListing(String groupId, String protocolType, GroupState state) {
}
