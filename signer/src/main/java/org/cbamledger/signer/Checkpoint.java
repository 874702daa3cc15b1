package org.cbamledger.signer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** C2SP tlog-checkpoint body: origin, tree size, root hash, optional extension lines. */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensionLines) {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        rootHash = rootHash.clone();
        extensionLines = List.copyOf(extensionLines);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: "origin\nsize\nbase64(root)\n" followed by each extension line and "\n". */
    public String body() {
        StringBuilder out = new StringBuilder();
        out.append(origin).append('\n').append(size).append('\n').append(Base64s.encode(rootHash)).append('\n');
        for (String line : extensionLines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    public static Checkpoint parse(String body) throws SignerException {
        if (!body.endsWith("\n")) {
            throw new SignerException("checkpoint does not end with a newline");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1)));
        if (lines.size() < 3) {
            throw new SignerException("checkpoint has fewer than 3 lines");
        }
        String origin = lines.get(0);
        if (origin.isEmpty()) {
            throw new SignerException("checkpoint origin is empty");
        }
        if (!DECIMAL.matcher(lines.get(1)).matches()) {
            throw new SignerException("checkpoint size is not a decimal number");
        }
        long size;
        try {
            size = Long.parseLong(lines.get(1));
        } catch (NumberFormatException e) {
            throw new SignerException("checkpoint size is not a decimal number");
        }
        byte[] root;
        try {
            root = Base64s.decodeStrict(lines.get(2), "checkpoint root hash");
        } catch (SignerException e) {
            throw new SignerException("checkpoint root hash is not 32 bytes of base64");
        }
        if (root.length != Merkle.HASH_BYTES) {
            throw new SignerException("checkpoint root hash is not 32 bytes of base64");
        }
        List<String> extensions = lines.subList(3, lines.size());
        for (String line : extensions) {
            if (line.isEmpty()) {
                throw new SignerException("checkpoint has an empty extension line");
            }
        }
        return new Checkpoint(origin, size, root, extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other
                && origin.equals(other.origin)
                && size == other.size
                && Arrays.equals(rootHash, other.rootHash)
                && extensionLines.equals(other.extensionLines);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", "\\n") + "]";
    }
}
