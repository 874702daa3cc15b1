package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cbamledger.signer.CosignatureSigner;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSignature;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.VerifyCommandTest.Run;
import org.cbamledger.verifier.policy.PolicyException;
import org.cbamledger.verifier.policy.PolicyFile;
import org.cbamledger.witness.tsa.TimestampAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust policy: pinned log keys with windows, witness quorum, TSA certificates; unpinned runs are UNTRUSTED. */
class TrustPolicyTest {
    @TempDir
    Path tmp;

    private final CosignatureSigner witnessA = witness("witness-a");
    private final CosignatureSigner witnessB = witness("witness-b");

    private static CosignatureSigner witness(String name) {
        return new CosignatureSigner(name, SigningKey.generate(KeyAlgorithm.ED25519));
    }

    private static String cosign(String note, CosignatureSigner... witnesses) {
        try {
            SignedNote parsed = SignedNote.parse(note);
            List<NoteSignature> lines = new ArrayList<>();
            for (CosignatureSigner w : witnesses) {
                lines.add(w.cosign(parsed.text(), 1_780_000_000L));
            }
            return parsed.withSignatures(lines).format();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path policy(TestBundles fixture, int quorum, List<String> tsaPems) throws Exception {
        String text = PolicyFile.write(List.of(fixture.log.logSigner.verifierKey()),
                List.of(fixture.log.rootKey.keyId()), List.of(witnessA.verifierKey(), witnessB.verifierKey()), quorum,
                tsaPems);
        return Files.writeString(tmp.resolve("policy-" + System.nanoTime() + ".json"), text);
    }

    @Test
    void unpinnedRun_endsUntrusted_withItsOwnExitCode() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("bundle"));
        Run run = VerifyCommandTest.run("verify", bundle.toString());
        assertEquals(VerifyCommand.UNTRUSTED, run.exitCode(), run.out());
        assertTrue(run.out().contains("Result: UNTRUSTED (keys not pinned"), run.out());
        assertTrue(!run.out().contains("Result: PASSED"), run.out());
    }

    @Test
    void cosignedBundle_passesUnderQuorumTwo() throws Exception {
        TestBundles fixture = new TestBundles();
        fixture.log.notes = note -> cosign(note, witnessA, witnessB);
        Path bundle = fixture.write(tmp.resolve("bundle"));
        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--policy", policy(fixture, 2, List.of()).toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Pattern.compile("(?m)^PASS +3  witness-cosignature$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("Result: PASSED"), run.out());
    }

    @Test
    void fewerCosignaturesThanTheQuorum_fails() throws Exception {
        TestBundles fixture = new TestBundles();
        fixture.log.notes = note -> cosign(note, witnessA);
        Path bundle = fixture.write(tmp.resolve("bundle"));
        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--policy", policy(fixture, 2, List.of()).toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("witness-cosignature  checkpoints/6.note: cosigned by 1 pinned witness(es)"
                + " (witness-a at 2026-05-28T20:26:40Z), the policy's quorum is 2"), run.out());
    }

    @Test
    void forkedCheckpoint_withCosignaturesCopiedFromTheWitnessedOne_fails() throws Exception {
        TestBundles honest = new TestBundles();
        String witnessed = cosign(honest.log.checkpoint(6), witnessA, witnessB);
        // the operator rewrites entry 5 and signs a checkpoint of the fork with its (pinned) log key
        TestBundles fork = new TestBundles();
        List<NoteSignature> copied = SignedNote.parse(witnessed).signatures().subList(1, 3);
        fork.log.notes = note -> {
            try {
                return SignedNote.parse(note).withSignatures(copied).format();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Path bundle = fork.write(tmp.resolve("fork"));
        String policy = PolicyFile.write(List.of(fork.log.logSigner.verifierKey()), List.of(),
                List.of(witnessA.verifierKey(), witnessB.verifierKey()), 2, List.of());
        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--policy",
                Files.writeString(tmp.resolve("p.json"), policy).toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("witness-cosignature  checkpoints/6.note: cosignature by witness-a does not verify"),
                run.out());
    }

    @Test
    void timestamps_verifyUnderThePinnedTsa_andDateEveryEntry_whileAnotherCheckpointsTokenFails() throws Exception {
        TimestampAuthority tsa = TimestampAuthority.open(Files.createDirectories(tmp.resolve("tsa")), Clock.systemUTC());
        TestBundles fixture = new TestBundles();
        fixture.timestamps.put(3L, token(tsa, fixture.log.checkpoint(3)));
        fixture.timestamps.put(6L, token(tsa, fixture.log.checkpoint(6)));
        fixture.log.notes = note -> cosign(note, witnessA, witnessB);
        Path bundle = fixture.write(tmp.resolve("bundle"));
        Path policy = policy(fixture, 2, List.of(tsa.certificatePem()));

        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--policy", policy.toString(), "--json");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("\"subject\" : \"entries/2.json\",\n    \"status\" : \"PASS\",\n"
                + "    \"message\" : \"existed no later than "), run.out());
        assertTrue(Pattern.compile("checkpoint 3 existed no later than 20").matcher(run.out()).find(), run.out());

        Files.copy(bundle.resolve("timestamps/3.tsr"), bundle.resolve("timestamps/6.tsr"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run swapped = VerifyCommandTest.run("verify", bundle.toString(), "--policy", policy.toString());
        assertEquals(1, swapped.exitCode(), swapped.out());
        assertTrue(swapped.out().contains(
                "timestamp  timestamps/6.tsr: time-stamp token is for another imprint than this checkpoint's"),
                swapped.out());
    }

    @Test
    void timestampOfAnUnpinnedTsa_failsUnderThePolicy() throws Exception {
        TimestampAuthority tsa = TimestampAuthority.open(Files.createDirectories(tmp.resolve("tsa")), Clock.systemUTC());
        TimestampAuthority other = TimestampAuthority.open(Files.createDirectories(tmp.resolve("other")), Clock.systemUTC());
        TestBundles fixture = new TestBundles();
        fixture.timestamps.put(6L, token(other, fixture.log.checkpoint(6)));
        Path bundle = fixture.write(tmp.resolve("bundle"));
        Run run = VerifyCommandTest.run("verify", bundle.toString(), "--policy",
                policy(fixture, 1, List.of(tsa.certificatePem())).toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("timestamps/6.tsr: time-stamp token is not signed by a pinned TSA certificate"),
                run.out());
    }

    private static String rotation(NoteSigner old, NoteSigner next) {
        return "{\"format\":\"cbam-ledger-policy/v1\",\"logKeys\":["
                + "{\"vkey\":\"" + old.verifierKey() + "\",\"fromSize\":0,\"untilSize\":6},"
                + "{\"vkey\":\"" + next.verifierKey() + "\",\"fromSize\":5}]}";
    }

    @Test
    void rotatedLogKey_signsWithinItsWindow_andTheRetiredKeyCannotSignLaterCheckpoints() throws Exception {
        TestBundles rotated = new TestBundles();
        NoteSigner next = TestLog.logSigner(rotated.log.origin);
        // size 5 lies in the overlap; size 6 is signed by the new key only
        rotated.log.notes = note -> note.contains("\n6\n") ? NoteSigner.sign(textOf(note), next) : note;
        Path bundle = rotated.write(tmp.resolve("rotated"));
        Run ok = VerifyCommandTest.run("verify", bundle.toString(), "--policy",
                Files.writeString(tmp.resolve("rotated.json"), rotation(rotated.log.logSigner, next)).toString());
        assertEquals(0, ok.exitCode(), ok.out());

        TestBundles stale = new TestBundles(); // every checkpoint, size 6 too, by the key retired at 6
        Path staleBundle = stale.write(tmp.resolve("stale"));
        Run late = VerifyCommandTest.run("verify", staleBundle.toString(), "--policy", Files.writeString(
                tmp.resolve("late.json"), rotation(stale.log.logSigner, TestLog.logSigner(stale.log.origin))).toString());
        assertEquals(1, late.exitCode(), late.out());
        assertTrue(late.out().contains("checkpoint-signature  checkpoints/6.note: checkpoint has no signature by a"
                + " trusted key"), late.out());
    }

    @Test
    void policyFile_isReadStrictly() {
        assertEquals("unknown members [quorum]", assertThrows(PolicyException.class, () -> PolicyFile.parse(
                "{\"format\":\"cbam-ledger-policy/v1\",\"quorum\":2}".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("witnesses.quorum is not between 1 and the number of witness keys",
                assertThrows(PolicyException.class, () -> PolicyFile.parse(("{\"format\":\"cbam-ledger-policy/v1\","
                        + "\"witnesses\":{\"keys\":[\"" + witnessA.verifierKey() + "\"],\"quorum\":2}}")
                        .getBytes(StandardCharsets.UTF_8))).getMessage());
        assertTrue(assertThrows(PolicyException.class, () -> PolicyFile.parse(("{\"format\":\"cbam-ledger-policy/v1\","
                + "\"witnesses\":{\"keys\":[\"" + TestLog.logSigner("log").verifierKey() + "\"],\"quorum\":1}}")
                .getBytes(StandardCharsets.UTF_8))).getMessage().contains("not a cosignature/v1"));
    }

    private static String textOf(String note) {
        try {
            return SignedNote.parse(note).text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] token(TimestampAuthority tsa, String note) throws Exception {
        byte[] request = Rfc3161.request(Rfc3161.imprint(textOf(note)), BigInteger.ONE);
        return Rfc3161.tokenOf(tsa.respond(request), request);
    }
}
