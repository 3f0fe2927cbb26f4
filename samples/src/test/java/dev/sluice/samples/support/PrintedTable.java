package dev.sluice.samples.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back a table a program printed with {@link TextTable}: the dashed rule under the header
 * gives each column's span. Test helper.
 */
public final class PrintedTable {
    private final List<Map<String, String>> rows;

    private PrintedTable(final List<Map<String, String>> rows) {
        this.rows = rows;
    }

    /**
     * @param output      everything the program printed
     * @param firstHeader the first column's header, to find the table
     * @throws AssertionError when there is no such table
     */
    public static PrintedTable find(final String output, final String firstHeader) {
        final String[] lines = output.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith(firstHeader + " ") && lines[i + 1].startsWith("-")) {
                return read(lines, i);
            }
        }
        throw new AssertionError("no table starting with '" + firstHeader + "' in:\n" + output);
    }

    private static PrintedTable read(final String[] lines, final int headerLine) {
        final String rule = lines[headerLine + 1];
        final List<int[]> spans = new ArrayList<>();
        for (int start = 0; start < rule.length(); ) {
            final int end = rule.indexOf(' ', start) < 0 ? rule.length() : rule.indexOf(' ', start);
            spans.add(new int[] {start, end});
            start = end + 2;
        }
        final List<Map<String, String>> rows = new ArrayList<>();
        for (int i = headerLine + 2; i < lines.length && !lines[i].isBlank(); i++) {
            final Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < spans.size(); c++) {
                final boolean last = c == spans.size() - 1;
                row.put(cell(lines[headerLine], spans.get(c), last), cell(lines[i], spans.get(c), last));
            }
            rows.add(row);
        }
        return new PrintedTable(rows);
    }

    private static String cell(final String line, final int[] span, final boolean last) {
        if (span[0] >= line.length()) {
            return "";
        }
        return line.substring(span[0], last ? line.length() : Math.min(span[1], line.length())).trim();
    }

    /** Rows in order, each column header to cell text. */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** A cell as a number, thousands separators and a trailing unit word dropped ("15,872 bytes" is 15872). */
    public static double number(final String cell) {
        return Double.parseDouble(cell.split(" ")[0].replace(",", ""));
    }
}
