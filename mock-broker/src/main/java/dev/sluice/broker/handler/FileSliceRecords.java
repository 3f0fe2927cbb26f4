package dev.sluice.broker.handler;

import dev.sluice.broker.log.FileSlice;
import dev.sluice.broker.network.SendPart;
import dev.sluice.codec.protocol.RecordsPayload;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * The records of one Fetch response partition as a slice of a segment file: the codec frames it
 * (length prefix) and the network sends it with transferTo. Owns the slice's segment reference
 * until the part is written or dropped.
 */
final class FileSliceRecords implements RecordsPayload {
    private final FileSlice slice;

    FileSliceRecords(final FileSlice slice) {
        this.slice = slice;
    }

    @Override
    public long sizeInBytes() {
        return slice.sizeInBytes();
    }

    /** Releases the segment reference without sending (the response was never built). */
    void release() {
        slice.release();
    }

    SendPart toSendPart() {
        return new SendPart() {
            private long sent;

            @Override
            public long remaining() {
                return slice.sizeInBytes() - sent;
            }

            @Override
            public long writeTo(final SocketChannel channel) throws IOException {
                final long written = slice.transferTo(channel, sent, remaining());
                sent += written;
                return written;
            }

            @Override
            public boolean isFileTransfer() {
                return true;
            }

            @Override
            public void release() {
                slice.release();
            }
        };
    }

    @Override
    public String toString() {
        return "FileSliceRecords(" + slice + ")";
    }
}
