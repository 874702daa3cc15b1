package org.cbamledger.calculation.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated file with a header line (RFC 4180 quoting, one record per line). Blank lines and lines starting
 * with {@code #} are skipped; every row remembers its line number for error messages.
 */
public final class CsvTable {
    private final String fileName;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String fileName, List<String> header, List<Row> rows) {
        this.fileName = fileName;
        this.header = header;
        this.rows = rows;
    }

    /** A data row: its line number and its cells by column name (empty cells are absent). */
    public record Row(String fileName, int line, Map<String, String> cells) {
        public String where(String column) {
            return fileName + " line " + line + ", column " + column;
        }
    }

    public static CsvTable read(Path file) throws CsvException {
        String fileName = file.getFileName().toString();
        try {
            return parse(fileName, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CsvException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The table in {@code lines}; {@code fileName} names it in error messages. */
    public static CsvTable parse(String fileName, List<String> lines) throws CsvException {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> cells = split(text, fileName, i + 1);
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                for (int c = 0; c < header.size(); c++) {
                    if (header.get(c).isEmpty()) {
                        throw new CsvException(fileName + " line " + (i + 1) + ": header column " + (c + 1) + " has no name");
                    }
                    if (header.indexOf(header.get(c)) != c) {
                        throw new CsvException(fileName + " line " + (i + 1) + ": column " + header.get(c) + " appears twice");
                    }
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new CsvException(fileName + " line " + (i + 1) + ": " + cells.size() + " cells, but the header has "
                        + header.size() + " columns");
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).strip();
                if (!cell.isEmpty()) {
                    byName.put(header.get(c), cell);
                }
            }
            rows.add(new Row(fileName, i + 1, byName));
        }
        if (header == null) {
            throw new CsvException(fileName + ": no header line");
        }
        return new CsvTable(fileName, header, rows);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    private static List<String> split(String line, String fileName, int lineNumber) throws CsvException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new CsvException(fileName + " line " + lineNumber + ": a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
