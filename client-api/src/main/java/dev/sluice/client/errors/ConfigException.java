package dev.sluice.client.errors;

/**
 * A configuration value is missing, of the wrong type, out of range, or conflicts with another.
 * Thrown when a client is built, never later. The message always names the key; for a bad value it
 * reads {@code Invalid value <value> for configuration <key>: <what is allowed>}.
 */
public class ConfigException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final String configName;
    private final transient Object value;

    /** A bad value for one key. */
    public ConfigException(final String configName, final Object value, final String allowed) {
        super("Invalid value " + abbreviate(value) + " for configuration " + configName + ": " + allowed);
        this.configName = configName;
        this.value = value;
    }

    /** A problem not tied to a single value, such as two keys that conflict. The message must name the keys. */
    public ConfigException(final String message) {
        super(message);
        this.configName = null;
        this.value = null;
    }

    /** Longest rendering of a rejected value in a message; a pasted blob must not flood the log. */
    static final int MAX_VALUE_CHARS = 200;

    private static String abbreviate(final Object value) {
        final String text = String.valueOf(value);
        return text.length() <= MAX_VALUE_CHARS ? text
            : text.substring(0, MAX_VALUE_CHARS) + "... (" + text.length() + " characters)";
    }

    /** The key whose value was rejected, or {@code null} when the problem involves several keys. */
    public String configName() {
        return configName;
    }

    /** The rejected value as given by the user, or {@code null}. */
    public Object value() {
        return value;
    }
}
