package dev.sluice.samples.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's README.md, read by the tests that keep it true. */
final class Readme {
    /** The HTML comment right before the example's code block; invisible on the rendered page. */
    static final String EXAMPLE_MARKER = "<!-- checked by ReadmeExampleTest: keep equal to its README example region -->";
    static final Path PATH = Path.of(System.getProperty("basedir", "."), "..", "README.md");

    private Readme() {
    }

    /** The body of the first fenced code block after the line {@code marker}, lines joined with \n. */
    static String codeBlockAfter(final String marker) throws IOException {
        final List<String> lines = Files.readAllLines(PATH);
        final int open = firstStartingWith(lines, indexOfLine(lines, marker) + 1, "```");
        final int close = firstStartingWith(lines, open + 1, "```");
        return String.join("\n", lines.subList(open + 1, close));
    }

    /**
     * The rows of the first table under the heading line {@code heading} (e.g. {@code "### Producer"}),
     * each split into its trimmed cells; the header and separator rows are left out.
     */
    static List<List<String>> tableUnder(final String heading) throws IOException {
        final List<String> lines = Files.readAllLines(PATH);
        // + 2: the header row and the |---| separator
        int row = firstStartingWith(lines, indexOfLine(lines, heading) + 1, "|") + 2;
        final List<List<String>> rows = new ArrayList<>();
        for (; row < lines.size() && lines.get(row).startsWith("|"); row++) {
            final String line = lines.get(row).strip();
            final List<String> cells = new ArrayList<>();
            // A cell may hold an escaped \| (as in "sluice\|kafka"), which does not end it.
            for (final String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static int indexOfLine(final List<String> lines, final String line) {
        final int at = lines.indexOf(line);
        if (at < 0) {
            throw new AssertionError(PATH + " has no line " + line);
        }
        return at;
    }

    private static int firstStartingWith(final List<String> lines, final int from, final String prefix) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(PATH + " has no line starting with " + prefix + " after line " + from);
    }
}
