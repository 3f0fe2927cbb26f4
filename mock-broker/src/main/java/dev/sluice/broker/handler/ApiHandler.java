package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;

/**
 * The broker's behaviour for one API key. Implementations open with the versions they support and
 * how they behave; the dispatcher only calls {@link #handle} with a version inside
 * [{@link #lowestVersion()}, {@link #highestVersion()}] and a body that parsed.
 *
 * <p>Called on the network processor thread that owns the connection; an implementation that
 * cannot answer at once (a parked fetch) completes the context later from another thread.
 */
public interface ApiHandler {
    ApiKeys api();

    /** Lowest version this handler answers; advertised in ApiVersions. */
    default short lowestVersion() {
        return api().lowestVersion();
    }

    /** Highest version this handler answers; advertised in ApiVersions. */
    default short highestVersion() {
        return api().highestVersion();
    }

    void handle(RequestContext request);
}
