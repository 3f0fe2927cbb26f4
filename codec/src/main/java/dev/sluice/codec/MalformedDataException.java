package dev.sluice.codec;

/**
 * Bytes read off the wire or from disk that do not form what they claim to be: a length that
 * points past the end of its buffer, a negative count, an unknown enum value, a checksum that
 * does not match.
 *
 * <p>Every decoder in this module throws this type (or a subtype) for bad input and nothing
 * else, so callers can reject one frame or batch and carry on. The message always names the
 * field that was wrong, which {@link #field()} also returns.
 */
public class MalformedDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  the name of the field that was wrong, as the protocol spec names it
     * @param detail what was wrong with it
     */
    public MalformedDataException(final String field, final String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    public MalformedDataException(final String field, final String detail, final Throwable cause) {
        super(field + ": " + detail, cause);
        this.field = field;
    }

    /** The name of the field that was wrong. */
    public String field() {
        return field;
    }
}
