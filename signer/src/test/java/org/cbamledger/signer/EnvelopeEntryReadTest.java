package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An entry read in place inside a larger array ({@link Envelope#readEntry}, an entry bundle's) ends exactly as
 * {@link Envelope#parseWith} ends on a copy of its bytes: the same kind and record, or the same refusal, whatever
 * surrounds it in the array.
 */
class EnvelopeEntryReadTest {
    private static final SigningKey DEVICE = SigningKey.generate(KeyAlgorithm.ED25519);
    private static final byte[] ODD = "A\\/\"=+ -{}[],:".getBytes(StandardCharsets.US_ASCII);
    /** Reads a meter's payload as its text, leaves any other kind to the tree. */
    private static final Envelope.PayloadReader<String> READER =
            (kind, payload) -> kind.equals("meter") ? new String(payload, StandardCharsets.UTF_8) : null;

    private static String copied(byte[] entry) {
        try {
            Envelope.Read<String> read = Envelope.parseWith(entry, READER);
            return read.envelope().kind() + " " + read.record() + " " + read.compact();
        } catch (SignerException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String inPlace(byte[] entry, byte[] before, byte[] after) {
        byte[] bundle = new byte[before.length + entry.length + after.length];
        System.arraycopy(before, 0, bundle, 0, before.length);
        System.arraycopy(entry, 0, bundle, before.length, entry.length);
        System.arraycopy(after, 0, bundle, before.length + entry.length, after.length);
        try {
            Envelope.EntryRead<String> read = Envelope.readEntry(bundle, before.length, before.length + entry.length, READER);
            return read.kind() + " " + read.record() + " " + read.compact();
        } catch (SignerException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void everyOneByteChange_inAnyNeighbourhood_endsAsTheParseOfItsCopy() throws SignerException {
        List<byte[]> entries = new ArrayList<>();
        entries.add(Envelope.sign("meter", "{\"kind\":\"meter\",\"meterId\":\"M-7\"}".getBytes(StandardCharsets.UTF_8), DEVICE)
                .canonicalBytes());
        entries.add(Envelope.sign("production-batch", "{\"kind\":\"production-batch\",\"tonnes\":\"1.5\"}"
                .getBytes(StandardCharsets.UTF_8), DEVICE).canonicalBytes());
        List<byte[]> neighbours = List.of(new byte[0], "]}".getBytes(StandardCharsets.US_ASCII),
                "\",\"payloadType\":\"application/vnd.cbamledger.meter.v1+json\",\"signatures\":[]}".getBytes(StandardCharsets.US_ASCII));
        for (byte[] entry : entries) {
            List<byte[]> variants = new ArrayList<>(List.of(entry));
            for (int i = 0; i < entry.length; i++) {
                for (byte b : ODD) {
                    byte[] changed = entry.clone();
                    changed[i] = b;
                    variants.add(changed);
                }
                byte[] dropped = new byte[entry.length - 1];
                System.arraycopy(entry, 0, dropped, 0, i);
                System.arraycopy(entry, i + 1, dropped, i, entry.length - i - 1);
                variants.add(dropped);
            }
            for (byte[] variant : variants) {
                String expected = copied(variant);
                for (byte[] before : neighbours) {
                    for (byte[] after : neighbours) {
                        assertEquals(expected, inPlace(variant, before, after), new String(variant, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertEquals("meter null {\"kind\":\"meter\",\"meterId\":\"M-7\"}", copied(entries.getFirst()),
                "a meter is read by the reader, without a tree");
    }

    @Test
    void anEntryBeyondTheArray_orLargerThanAnEnvelope_isRefused() {
        byte[] bundle = new byte[Envelope.MAX_BYTES + 10];
        assertThrows(IndexOutOfBoundsException.class, () -> Envelope.readEntry(bundle, 5, bundle.length + 1, READER));
        SignerException e = assertThrows(SignerException.class, () -> Envelope.readEntry(bundle, 0, Envelope.MAX_BYTES + 1, READER));
        assertEquals("envelope exceeds " + Envelope.MAX_BYTES + " bytes", e.getMessage());
    }

    @Test
    void leafHash_ofAnEntryInPlace_isTheLeafHashOfItsCopy() {
        byte[] bundle = "xx{\"entry\":1}yyy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(java.util.HexFormat.of().formatHex(Merkle.leafHash("{\"entry\":1}".getBytes(StandardCharsets.US_ASCII))),
                java.util.HexFormat.of().formatHex(Merkle.leafHash(bundle, 2, 13)));
    }
}
