package org.cbamledger.service.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cbamledger.service.log.SubmissionValidator;
import org.cbamledger.signer.Envelope;

/**
 * A batch body that is exactly a JSON array of envelopes each in its canonical form ({@code [e1,e2,...]}, no
 * whitespace: what a client sends that serialises entries as they are stored), read without a JSON tree. Anything
 * else is {@code null}, for the strict parse ({@link RequestJson}) to read or refuse: what this reads, the strict parse
 * reads as the same envelopes.
 */
final class CanonicalBatch {
    /** A canonical envelope ends with its last signature's end and the signatures' and its own: base64, hex and the
     * payload type hold none of these bytes, so the first occurrence ends the element when it is canonical. */
    private static final byte[] ELEMENT_END = {'"', '}', ']', '}'};

    private CanonicalBatch() {}

    static List<Envelope> read(byte[] body) {
        if (body.length < 2 || body[0] != '[' || body[body.length - 1] != ']') {
            return null;
        }
        List<Envelope> envelopes = new ArrayList<>();
        int at = 1;
        while (true) {
            int end = indexOf(body, at);
            if (end < 0) {
                return null;
            }
            int elementEnd = end + ELEMENT_END.length;
            if (elementEnd - at > SubmissionValidator.MAX_ENTRY_BYTES) {
                // refused by the strict path, with its own count of the entry's bytes
                return null;
            }
            Envelope envelope = Envelope.readCanonical(Arrays.copyOfRange(body, at, elementEnd));
            if (envelope == null) {
                return null;
            }
            envelopes.add(envelope);
            if (elementEnd == body.length - 1) {
                return envelopes;
            }
            if (body[elementEnd] != ',') {
                return null;
            }
            at = elementEnd + 1;
        }
    }

    private static int indexOf(byte[] body, int from) {
        outer:
        for (int i = from; i <= body.length - ELEMENT_END.length; i++) {
            for (int j = 0; j < ELEMENT_END.length; j++) {
                if (body[i + j] != ELEMENT_END[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
