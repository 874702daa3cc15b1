package org.cbamledger.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: {@code "old <size>\n"}, one std-base64 hash per
 * line of the consistency proof from that size, an empty line, then the signed checkpoint note.
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, String signedCheckpoint) {
    /** A consistency proof of a tree below 2^63 has fewer hashes (tlog-witness caps it at 63 lines). */
    public static final int MAX_PROOF_LINES = 63;

    private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

    public AddCheckpointRequest {
        proof = List.copyOf(proof);
    }

    public AddCheckpointRequest withOldSize(long size) {
        return new AddCheckpointRequest(size, proof, signedCheckpoint);
    }

    public String format() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] hash : proof) {
            out.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return out.append('\n').append(signedCheckpoint).toString();
    }

    public static AddCheckpointRequest parse(byte[] body) throws WitnessRefusal {
        String text = new String(body, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new WitnessRefusal(400, "request has no empty line before the checkpoint");
        }
        String[] head = text.substring(0, blank).split("\n", -1);
        var old = OLD.matcher(head[0]);
        if (!old.matches()) {
            throw new WitnessRefusal(400, "first line is not \"old <size>\"");
        }
        if (head.length - 1 > MAX_PROOF_LINES) {
            throw new WitnessRefusal(400, "consistency proof has more than " + MAX_PROOF_LINES + " lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            proof.add(hash(head[i]));
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(old.group(1));
        } catch (NumberFormatException e) {
            throw new WitnessRefusal(400, "old size is out of range");
        }
        return new AddCheckpointRequest(oldSize, proof, text.substring(blank + 2));
    }

    private static byte[] hash(String line) throws WitnessRefusal {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            if (hash.length == 32 && Base64.getEncoder().encodeToString(hash).equals(line)) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new WitnessRefusal(400, "consistency proof line is not the canonical base64 of 32 bytes");
    }
}
