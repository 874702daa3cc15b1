package org.cbamledger.bench.year;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TreeHashes;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.bundle.ZipSink;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plant's year as the service would log it, without a service: the operator's party and root key, the scenario's
 * parties, keys and evidence, N meters x D days of signed columnar batches and the annual statement issued on them,
 * in an in-memory tree (signer TreeHashes) under a checkpoint signed by a log key, with the calculation entry the
 * statement's figures were appended as (the verifier recomputes both).
 */
final class YearLog {
    static final String LOG_ID = "year-test";
    final PlantYear plant;
    final SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
    final NoteSigner logSigner = new NoteSigner("cbam-ledger/" + LOG_ID, SigningKey.generate(KeyAlgorithm.ED25519));
    private final List<byte[]> entries = new ArrayList<>();
    private final List<byte[]> stored = new ArrayList<>();
    private final HashReader tree = indexes -> {
        List<byte[]> hashes = new ArrayList<>(indexes.length);
        for (long i : indexes) {
            hashes.add(stored.get(Math.toIntExact(i)));
        }
        return hashes;
    };
    private IssuedStatement statement;

    private YearLog(PlantYear plant) {
        this.plant = plant;
    }

    static YearLog of(Path home, int meters, int days) throws Exception {
        YearLog log = new YearLog(PlantYear.of(home, meters, days));
        log.build();
        return log;
    }

    private void build() throws Exception {
        String operator = plant.scenario.statementIssuer();
        append(YearRun.sign(YearClient.JSON.createObjectNode().put("kind", "party").put("partyId", "bench-operator")
                .put("name", "Bench Aluminium Extrusions d.o.o.").put("country", "RS"), root));
        append(YearRun.sign(registration(root, operator, "root", List.of("*")), root));
        java.util.Map<String, SigningKey> submitters = new java.util.HashMap<>();
        for (Party party : plant.scenario.parties()) {
            append(YearRun.sign(party.record(), root));
            List<String> kinds = party.submits().stream()
                    .filter(k -> !k.equals(CalculationRecords.KIND) && !k.equals("emissions-statement")).toList();
            if (!kinds.isEmpty()) {
                submitters.put(party.partyId(), register(SigningKey.generate(KeyAlgorithm.ECDSA_P256), party.partyId(),
                        "submitter", kinds));
            }
        }
        SigningKey gateway = register(SigningKey.generate(KeyAlgorithm.ED25519), operator, "device",
                List.of("meter-reading-batch"));
        SigningKey issuer = register(SigningKey.generate(KeyAlgorithm.ED25519), operator, "statement-issuer",
                List.of("emissions-statement"));
        SigningKey calculator = register(SigningKey.generate(KeyAlgorithm.ED25519), operator, "submitter",
                List.of(CalculationRecords.KIND));
        for (ScenarioRecord record : plant.evidence) {
            append(YearRun.sign(record.record(), submitters.get(record.partyId())));
        }
        for (byte[] batch : SignedBatches.of(plant, gateway)) {
            append(batch);
        }
        List<EvidenceRecord> evidence = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            evidence.add(EvidenceRecord.fromEnvelope(Envelope.parse(entries.get(i)), i));
        }
        CalculationResult result = EmissionsCalculator.calculate(plant.scenario.request(evidence));
        append(YearRun.sign(CalculationRecords.build(result, "calc-" + LOG_ID), calculator));
        statement = StatementIssuer.issue(result, new StatementIssue("st-" + LOG_ID, "2027-01-15T00:00:00Z", operator,
                plant.scenario.statementRecipient()), checkpoint(), issuer);
    }

    private SigningKey register(SigningKey key, String party, String role, List<String> kinds) throws Exception {
        append(YearRun.sign(registration(key, party, role, kinds), root));
        return key;
    }

    private static ObjectNode registration(SigningKey key, String party, String role, List<String> kinds) {
        ObjectNode registration = YearClient.JSON.createObjectNode().put("kind", "key-registration")
                .put("keyId", key.keyId()).put("algorithm", key.publicKey().algorithm().wireName())
                .put("publicKey", key.publicKey().spkiBase64()).put("party", party).put("role", role);
        kinds.forEach(registration.putArray("allowedKinds")::add);
        return registration.put("validFrom", "2026-01-01T00:00:00Z").put("validUntil", "2028-01-01T00:00:00Z");
    }

    private void append(byte[] entry) throws IOException {
        stored.addAll(TreeHashes.storedHashes(entries.size(), Merkle.leafHash(entry), tree));
        entries.add(entry);
    }

    long size() {
        return entries.size();
    }

    byte[] entry(long index) {
        return entries.get(Math.toIntExact(index));
    }

    String checkpoint() throws IOException {
        long size = entries.size();
        return NoteSigner.sign(new Checkpoint("cbam-ledger/" + LOG_ID, size, TreeHashes.treeHash(size, tree), List.of())
                .body(), logSigner);
    }

    /** The whole log's v2 bundle with the statement, as a zip. */
    Path writeBundle(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            BundleWriter writer = BundleWriter.v2(new ZipSink(out), tree);
            writer.logInfo(LOG_ID, "cbam-ledger/" + LOG_ID, List.of(logSigner.verifierKey()));
            writer.addCheckpoint(size(), checkpoint());
            for (long i = 0; i < size(); i++) {
                writer.addEntry(i, entry(i));
            }
            writer.addStatement("statement.json", YearClient.JSON.writeValueAsBytes(statement.statement()),
                    statement.jws(), statement.pdf());
            if (statement.workbook().isPresent()) {
                writer.addStatementWorkbook(statement.workbook().get());
            }
            writer.cover(new Coverage.Range(0, size()));
            writer.finish();
        }
        return zip;
    }
}
