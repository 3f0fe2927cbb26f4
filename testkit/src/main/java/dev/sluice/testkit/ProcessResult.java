package dev.sluice.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a finished child process left behind: its exit status and everything it wrote. Immutable.
 *
 * @param command  the command line that was run
 * @param exitCode the process exit status (0 is success by convention)
 * @param stdout   bytes written to standard output, unmodified
 * @param stderr   bytes written to standard error, unmodified
 */
public record ProcessResult(List<String> command, int exitCode, byte[] stdout, byte[] stderr) {

    public ProcessResult {
        command = List.copyOf(command);
    }

    /** Standard output decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Returns this result if the process exited with 0.
     *
     * @throws ChildProcessException naming the command, exit status and standard error otherwise
     */
    public ProcessResult requireSuccess() {
        if (!succeeded()) {
            throw new ChildProcessException("command " + command + " exited with status " + exitCode
                    + "; stderr: " + stderrText().strip());
        }
        return this;
    }

    @Override
    public String toString() {
        return "ProcessResult[exitCode=" + exitCode + ", stdout=" + stdout.length + " bytes, stderr="
                + stderrText().strip() + ", command=" + command + "]";
    }
}
