package org.cbamledger.signer;

import java.security.MessageDigest;
import java.util.List;

/** Verifies a signed checkpoint against trusted log keys and the expected origin. */
public final class CheckpointVerifier {
    private CheckpointVerifier() {}

    /**
     * At least one signature by a trusted key must verify; a signature that claims a trusted key
     * (same name and key hash) but does not verify is an error; signatures by unknown keys (e.g.
     * witnesses the caller does not track) are ignored.
     */
    public static Checkpoint verify(String signedNote, List<NoteVerifier> trusted, String expectedOrigin)
            throws SignerException {
        SignedNote note = SignedNote.parse(signedNote);
        boolean verified = false;
        for (NoteSignature signature : note.signatures()) {
            for (NoteVerifier verifier : trusted) {
                if (verifier.keyName().equals(signature.keyName())
                        && MessageDigest.isEqual(verifier.keyHash(), signature.keyHash())) {
                    if (!verifier.verify(note.text(), signature)) {
                        throw new SignerException("checkpoint signature by " + signature.keyName() + " does not verify");
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new SignerException("checkpoint has no signature by a trusted key");
        }
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(expectedOrigin)) {
            throw new SignerException("checkpoint origin \"" + checkpoint.origin()
                    + "\" does not match expected origin \"" + expectedOrigin + "\"");
        }
        return checkpoint;
    }
}
