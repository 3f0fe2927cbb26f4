package dev.sluice.testkit;

import dev.sluice.testkit.internal.ChildJvm;
import dev.sluice.testkit.internal.ParentWatchdog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Child JVMs: output capture, exit status, timeouts, and no orphan outliving its parent. */
class ChildProcessTest {
    private static final List<String> SMALL_JVM = List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** A main class for the child JVMs of this test. */
    public static final class Child {
        public static void main(final String[] args) throws Exception {
            switch (args[0]) {
                case "echo" -> System.out.print(args[1]);
                case "exit" -> System.exit(Integer.parseInt(args[1]));
                case "sleep" -> Thread.sleep(Long.parseLong(args[1]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    @Test
    void shouldCaptureStdoutOfSuccessfulTool() {
        final ProcessResult result = KafkaTools.runTool(Child.class.getName(), Duration.ofSeconds(60), SMALL_JVM,
                List.of("echo", "hello from the child"));
        assertEquals("hello from the child", result.stdoutText());
    }

    @Test
    void shouldThrowNamingExitStatusWhenToolFails() {
        final ChildProcessException e = assertThrows(ChildProcessException.class,
                () -> KafkaTools.runTool(Child.class.getName(), Duration.ofSeconds(60), SMALL_JVM, List.of("exit", "3")));
        assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
    }

    @Test
    void shouldKillToolThatOutlivesItsTimeout() {
        final ChildProcessException e = assertThrows(ChildProcessException.class,
                () -> KafkaTools.runTool(Child.class.getName(), Duration.ofMillis(300), SMALL_JVM,
                        List.of("sleep", "600000")));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }

    @Test
    void shouldHaltChildWhoseParentClosedTheStdinPipe() throws Exception {
        final List<String> command = new ChildJvm(ParentWatchdog.class.getName()).jvmOptions(SMALL_JVM)
                .arguments(List.of(Child.class.getName(), "sleep", "600000")).command();
        final Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // End-of-file on stdin is exactly what the child sees when the parent JVM dies.
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "orphaned child still running");
            assertEquals(ParentWatchdog.ORPHANED_EXIT_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldFindDistinctBindableLoopbackPorts() throws Exception {
        final int[] ports = FreePorts.distinct(5);
        assertEquals(5, java.util.Arrays.stream(ports).distinct().count());
        for (final int port : ports) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, FreePorts.loopback())) {
                assertEquals(port, socket.getLocalPort());
            }
        }
    }
}
