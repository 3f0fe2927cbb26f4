package dev.sluice.broker.group;

import java.io.IOException;

/** A frame of the committed-offsets file could not be decoded; the message names the field. */
public final class CorruptOffsetFileException extends IOException {

    public CorruptOffsetFileException(final String message) {
        super(message);
    }
}
