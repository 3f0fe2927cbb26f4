package dev.sluice.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * client-api is what users compile against, so it depends on nothing: every import in its main
 * sources is from the JDK or from client-api itself, and nothing writes to System.out.
 */
class ModuleBoundaryTest {
    private static List<Path> mainSources() throws IOException {
        final Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    @Test
    void shouldImportOnlyTheJdkAndItself() throws IOException {
        final List<Path> sources = mainSources();
        assertTrue(sources.size() > 50, "found the main sources: " + sources.size());
        final List<String> offending = sources.stream()
            .flatMap(file -> importsOf(file)
                .filter(line -> !line.matches("import (static )?(java|javax)\\..*")
                    && !line.matches("import (static )?dev\\.sluice\\.client\\.(?!internal)[a-zA-Z.]*\\w;"))
                .map(line -> file.getFileName() + ": " + line))
            .collect(Collectors.toList());
        assertEquals(List.of(), offending);
    }

    @Test
    void shouldNotPrintToTheConsole() throws IOException {
        final List<Path> printing = mainSources().stream()
            .filter(p -> read(p).contains("System.out") || read(p).contains("System.err"))
            .collect(Collectors.toList());
        assertEquals(List.of(), printing);
    }

    private static Stream<String> importsOf(final Path file) {
        return read(file).lines().map(String::trim).filter(l -> l.startsWith("import "));
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
