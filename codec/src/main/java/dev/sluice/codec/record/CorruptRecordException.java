package dev.sluice.codec.record;

import dev.sluice.codec.MalformedDataException;

/**
 * A record batch, or a record inside one, that does not hold together: bad checksum, a length
 * that runs past its data, an unknown codec id, a compressed stream that is garbage or inflates
 * past the allowed cap. The message names the field that was wrong.
 */
public class CorruptRecordException extends MalformedDataException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(final String field, final String detail) {
        super(field, detail);
    }

    public CorruptRecordException(final String field, final String detail, final Throwable cause) {
        super(field, detail, cause);
    }
}
