package dev.sluice.client.errors;

import java.util.Set;

/** Not allowed to read or write these topics. Kafka error {@code TOPIC_AUTHORIZATION_FAILED} (29). */
public class TopicAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 29;
    public static final String ERROR_NAME = "TOPIC_AUTHORIZATION_FAILED";

    private final transient Set<String> topics;

    public TopicAuthorizationException(final Set<String> topics) {
        super(ERROR_CODE, ERROR_NAME, "Not authorized to access topics " + topics);
        this.topics = Set.copyOf(topics);
    }

    public Set<String> unauthorizedTopics() {
        return topics;
    }
}
