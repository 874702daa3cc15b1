package org.cbamledger.signer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** C2SP tlog-proof: an offline inclusion proof of entry `index` against a signed checkpoint. */
public record TlogProof(long index, List<byte[]> hashes, String signedCheckpoint) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public TlogProof {
        hashes = hashes.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> hashes() {
        return hashes.stream().map(byte[]::clone).toList();
    }

    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("index ").append(index).append('\n');
        for (byte[] hash : hashes) {
            out.append(Base64s.encode(hash)).append('\n');
        }
        return out.append('\n').append(signedCheckpoint).toString();
    }

    /** Parses the proof; the optional "extra" line of the format is not used by cbam-ledger and is refused. */
    public static TlogProof parse(String text) throws SignerException {
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw new SignerException("tlog-proof has no checkpoint");
        }
        String[] lines = text.substring(0, split).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new SignerException("tlog-proof does not start with " + HEADER);
        }
        if (lines.length < 2 || !lines[1].startsWith("index ")) {
            throw new SignerException("tlog-proof has no index line");
        }
        String index = lines[1].substring("index ".length());
        if (!DECIMAL.matcher(index).matches()) {
            throw new SignerException("tlog-proof index is not a decimal number");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            byte[] hash;
            try {
                hash = Base64s.decodeStrict(lines[i], "tlog-proof hash");
            } catch (SignerException e) {
                throw new SignerException("tlog-proof hash is not 32 bytes of base64");
            }
            if (hash.length != Merkle.HASH_BYTES) {
                throw new SignerException("tlog-proof hash is not 32 bytes of base64");
            }
            hashes.add(hash);
        }
        String checkpoint = text.substring(split + 2);
        if (checkpoint.isEmpty()) {
            throw new SignerException("tlog-proof has no checkpoint");
        }
        try {
            return new TlogProof(Long.parseLong(index), hashes, checkpoint);
        } catch (NumberFormatException e) {
            throw new SignerException("tlog-proof index is not a decimal number");
        }
    }

    /**
     * Verifies the checkpoint with the trusted log keys and origin, then the inclusion of the entry
     * with this leaf hash against it. Returns the checkpoint.
     */
    public Checkpoint verify(byte[] leafHash, List<NoteVerifier> trusted, String expectedOrigin)
            throws SignerException, ProofException {
        Checkpoint checkpoint = CheckpointVerifier.verify(signedCheckpoint, trusted, expectedOrigin);
        InclusionProofVerifier.verify(index, checkpoint.size(), leafHash, hashes, checkpoint.rootHash());
        return checkpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlogProof other && format().equals(other.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }
}
