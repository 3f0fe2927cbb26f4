package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.Struct;
import java.util.List;

/**
 * Fits a response to the version it is written at. Handlers fill in every field they know (a
 * topic id, a log start offset, an error message) whatever the request's version; this resets the
 * fields that version does not have to their defaults, recursively, so that the codec, which
 * refuses to drop a real value on its own, writes exactly the version's fields. Dropping is
 * deliberate here: an older client simply does not get the newer facts.
 */
final class ResponseVersions {
    private ResponseVersions() {
    }

    static Struct fit(final Struct response, final short version) {
        for (final Field<?> field : response.schema().fields()) {
            if (!field.isPresentIn(version)) {
                reset(response, field);
                continue;
            }
            final Object value = response.get(field);
            if (value instanceof Struct nested) {
                fit(nested, version);
            } else if (value instanceof List<?> list) {
                for (final Object element : list) {
                    if (element instanceof Struct nested) {
                        fit(nested, version);
                    }
                }
            }
        }
        return response;
    }

    private static <T> void reset(final Struct struct, final Field<T> field) {
        struct.set(field, field.newDefault());
    }
}
