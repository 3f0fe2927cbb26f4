package dev.sluice.samples.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A sample program's {@code run(args, out, err)} called in-process, with what it printed. Test helper.
 *
 * @param exitCode what {@code main} would exit with
 */
public record ProgramRun(int exitCode, String out, String err) {
    /** The program entry point every sample has besides {@code main}. */
    @FunctionalInterface
    public interface Program {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    public static ProgramRun of(final Program program, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = program.run(args, outStream, errStream);
        }
        return new ProgramRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Everything printed, for assertion messages. */
    public String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
