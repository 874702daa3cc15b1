package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation of valid inputs: the parsers that take outside input may only accept or throw their
 * checked exception, never a RuntimeException, and nothing they accept may change when re-serialized.
 */
class ParserRobustnessTest {
    private static final int MUTATIONS = 1000;
    private static final String SPECIAL = "{}[]\":,\n \\0-+e.=x\u00e9\u2014";

    @FunctionalInterface
    interface Parser {
        void parse(byte[] input) throws Exception;
    }

    private static void fuzz(byte[] valid, Parser parser) {
        Random random = new Random(20261122L);
        int accepted = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] input = mutate(valid, random);
            try {
                parser.parse(input);
                accepted++;
            } catch (SignerException | ProofException expected) {
                // the parser refused the input with its own exception
            } catch (Exception e) {
                throw new AssertionError("unexpected " + e + " for input "
                        + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        assertTrue(accepted < MUTATIONS, "every mutation was accepted");
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] = (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = out[at];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void envelopeParse_onlyThrowsSignerException() throws SignerException {
        Envelope envelope = Envelope.sign("meter",
                "{\"kind\":\"meter\",\"meterId\":\"m\",\"n\":[1.5,true,null]}".getBytes(StandardCharsets.UTF_8),
                SigningKey.generate(KeyAlgorithm.ED25519));
        fuzz(envelope.canonicalBytes(), input -> {
            Envelope parsed = Envelope.parse(input);
            parsed.record();
            Envelope.parse(parsed.canonicalBytes());
        });
    }

    @Test
    void canonicalJson_onlyThrowsSignerException() {
        fuzz("{\"b\":[1e3,-0.5,\"\\u00e9\\n\"],\"a\":{\"c\":null,\"d\":false}}".getBytes(StandardCharsets.UTF_8),
                input -> {
                    byte[] once = CanonicalJson.canonicalize(input);
                    if (!java.util.Arrays.equals(once, CanonicalJson.canonicalize(once))) {
                        throw new AssertionError("canonical form is not stable");
                    }
                });
    }

    @Test
    void checkpointAndNoteParsers_onlyThrowSignerException() {
        NoteSigner signer = new NoteSigner("cbam-ledger/fuzz", SigningKey.generate(KeyAlgorithm.ED25519));
        String note = NoteSigner.sign(new Checkpoint("cbam-ledger/fuzz", 9, Merkle.emptyRoot(), List.of()).body(),
                signer);
        fuzz(note.getBytes(StandardCharsets.UTF_8), input -> {
            CheckpointVerifier.verify(utf8(input), List.of(NoteVerifier.parse(signer.verifierKey())), "cbam-ledger/fuzz");
        });
        fuzz(note.getBytes(StandardCharsets.UTF_8), input -> Checkpoint.parse(SignedNote.parse(utf8(input)).text()));
        fuzz(signer.verifierKey().getBytes(StandardCharsets.UTF_8), input -> NoteVerifier.parse(utf8(input)));
    }

    @Test
    void tlogProofAndTilePathParsers_onlyThrowSignerException() {
        NoteSigner signer = new NoteSigner("cbam-ledger/fuzz", SigningKey.generate(KeyAlgorithm.ED25519));
        String note = NoteSigner.sign(new Checkpoint("cbam-ledger/fuzz", 2, Merkle.emptyRoot(), List.of()).body(),
                signer);
        String proof = new TlogProof(1, List.of(Merkle.emptyRoot()), note).format();
        fuzz(proof.getBytes(StandardCharsets.UTF_8), input -> TlogProof.parse(utf8(input)));
        fuzz("tile/entries/x001/x234/067.p/12".getBytes(StandardCharsets.UTF_8), input -> TilePath.parse(utf8(input)));
    }

    @Test
    void jwsVerify_onlyThrowsSignerException() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        String jws = Jws.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), key);
        fuzz(jws.getBytes(StandardCharsets.UTF_8), input -> Jws.verify(utf8(input), key.publicKey()));
    }
}
