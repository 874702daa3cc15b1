package org.cbamledger.archive;

import java.util.Optional;

/**
 * A submitted file name made safe to record and to show: only its last path segment, without control, format
 * (bidi overrides such as U+202E) or unassigned characters, never "." or "..". The name as submitted is kept
 * beside it, escaped to printable ASCII, when the two differ, so nothing the submitter sent is lost or hidden.
 */
public final class FileNames {
    static final String UNNAMED = "unnamed";
    private static final int MAX_CHARS = 255;

    private FileNames() {}

    public static String sanitise(String submitted) {
        String last = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        last.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            out.appendCodePoint(unsafe ? '_' : c);
        });
        String name = out.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return UNNAMED;
        }
        return name.length() > MAX_CHARS ? name.substring(0, MAX_CHARS) : name;
    }

    /** The name as submitted, escaped ({@code \\uXXXX}), when sanitising changed it; empty when it was already safe. */
    public static Optional<String> asSubmittedIfChanged(String submitted) {
        if (sanitise(submitted).equals(submitted)) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (char c : submitted.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return Optional.of(out.toString());
    }
}
