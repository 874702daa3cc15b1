package org.cbamledger.signer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** C2SP signed-note: text, a blank line, one or more signature lines. */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** Same bound as golang.org/x/mod/sumdb/note. */
    public static final int MAX_SIGNATURES = 100;

    private static final String DASH = "\u2014 ";

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) throws SignerException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new SignerException("note has no signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new SignerException("note has no signatures");
        }
        if (!block.endsWith("\n")) {
            throw new SignerException("note does not end with a newline");
        }
        List<String> lines = Arrays.asList(block.substring(0, block.length() - 1).split("\n", -1));
        if (lines.size() > MAX_SIGNATURES) {
            throw new SignerException("note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(parseSignatureLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /** This note with the given signature lines appended, each at most once (e.g. witness cosignatures). */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        for (NoteSignature signature : more) {
            if (!all.contains(signature)) {
                all.add(signature);
            }
        }
        return new SignedNote(text, all);
    }

    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line()).append('\n');
        }
        return out.toString();
    }

    static void checkText(String text) throws SignerException {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new SignerException("note text does not end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || Character.isSurrogate(c) && !validPair(text, i)) {
                throw new SignerException("note text contains a control character");
            }
        }
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static NoteSignature parseSignatureLine(String line) throws SignerException {
        if (!line.startsWith(DASH)) {
            throw new SignerException("note signature line does not start with an em dash");
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || !NoteVerifier.isValidName(parts[0])) {
            throw new SignerException("note signature line is malformed");
        }
        byte[] blob;
        try {
            blob = Base64s.decodeStrict(parts[1], "note signature");
        } catch (SignerException e) {
            throw new SignerException("note signature line is malformed");
        }
        if (blob.length < 5) {
            throw new SignerException("note signature line is malformed");
        }
        return new NoteSignature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
    }
}
