package dev.sluice.testkit.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the command line of a child JVM that runs with the same JDK and the same classpath as the
 * current JVM. Using the caller's classpath means whatever versions of Kafka the caller's build
 * resolved are the versions the child runs: no second download, no separate distribution.
 *
 * <p>Not thread-safe; build on one thread, then hand the command to a {@link ProcessBuilder}.
 */
public final class ChildJvm {
    /**
     * The child formats numbers with the default locale (Kafka's perf tools use
     * {@code String.format}); pin it so that results parse the same on every machine.
     */
    private static final List<String> FIXED_OPTIONS =
            List.of("-Duser.language=en", "-Duser.country=US", "-Djava.awt.headless=true");

    private final List<String> jvmOptions = new ArrayList<>();
    private final String mainClass;
    private final List<String> arguments = new ArrayList<>();

    public ChildJvm(final String mainClass) {
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
    }

    public ChildJvm jvmOptions(final List<String> options) {
        for (final String option : options) {
            jvmOptions.add(Objects.requireNonNull(option, "jvm option"));
        }
        return this;
    }

    public ChildJvm arguments(final List<String> args) {
        for (final String arg : args) {
            arguments.add(Objects.requireNonNull(arg, "argument"));
        }
        return this;
    }

    /** The full command: {@code <java.home>/bin/java <options> -cp <java.class.path> <main> <args>}. */
    public List<String> command() {
        final List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(FIXED_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** The {@code java} launcher of the JDK running this JVM. */
    public static Path javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }
}
