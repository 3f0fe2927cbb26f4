package dev.sluice.client.errors;

/** Thrown from a blocking consumer call when another thread called {@code Consumer.wakeup()}. */
public class WakeupException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public WakeupException() {
        super("The consumer was woken up by Consumer.wakeup()");
    }
}
