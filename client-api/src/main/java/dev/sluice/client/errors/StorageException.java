package dev.sluice.client.errors;

/** The broker could not read or write the log on disk (Kafka's {@code KafkaStorageException}). Retriable: another replica may take over. Kafka error {@code KAFKA_STORAGE_ERROR} (56). */
public class StorageException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 56;
    public static final String ERROR_NAME = "KAFKA_STORAGE_ERROR";

    public StorageException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public StorageException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
