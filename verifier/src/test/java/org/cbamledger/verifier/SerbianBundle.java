package org.cbamledger.verifier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.MemoryMapNodeStore;
import org.cbamledger.signer.map.UniquenessMap;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.check.UniquenessCheck;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed-002 scenario (scenarios/serbian-extruder-ppa-2026, hourly meters, wind PPA, settlements, GO
 * cancellations) as a log: every record signed by its party's key, and the statement
 * issued under the checkpoint over all of it. Its go-cancellations and settlements are claimed in a uniqueness map.
 */
final class SerbianBundle {
    static final Path SCENARIO = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");

    final Scenario scenario;
    final TestLog log;
    final SigningKey issuerKey = SigningKey.generate(KeyAlgorithm.ED25519);
    final List<Long> claimingEntries = new ArrayList<>();
    final ObjectNode statement;
    final String jws;
    final Map<String, SigningKey> keys = new HashMap<>();

    SerbianBundle() throws Exception {
        this(false);
    }

    /** {@code quarterHours}: each hourly and daily meter reading split into 15-minute readings, the same entries. */
    SerbianBundle(boolean quarterHours) throws Exception {
        scenario = ScenarioLoader.load(SCENARIO);
        List<ScenarioRecord> records = new ArrayList<>(scenario.records());
        records.addAll(ElectricityScenarioFiles.load(SCENARIO, scenario));
        if (quarterHours) {
            records.replaceAll(QuarterHours::split);
        }
        log = new TestLog("rs-extruder", SigningKey.generate(KeyAlgorithm.ED25519), SigningKey.generate(KeyAlgorithm.ED25519));
        String operator = scenario.statementIssuer();
        log.append(TestLog.sign(scenario.party(operator).record(), log.rootKey));
        log.append(TestLog.sign(TestLog.registration(log.rootKey, operator, "root", "*"), log.rootKey));
        for (Party party : scenario.parties()) {
            List<String> kinds = party.submits().stream().filter(k -> !k.equals("emissions-statement")).toList();
            if (kinds.isEmpty()) {
                continue;
            }
            SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
            keys.put(party.partyId(), key);
            if (!party.partyId().equals(operator)) {
                log.append(TestLog.sign(party.record(), log.rootKey));
            }
            log.append(TestLog.sign(TestLog.registration(key, party.partyId(), "submitter", kinds.toArray(String[]::new)), log.rootKey));
        }
        log.append(TestLog.sign(TestLog.registration(issuerKey, operator, "statement-issuer", "emissions-statement"), log.rootKey));
        for (ScenarioRecord record : records) {
            long index = log.append(TestLog.sign(record.record(), keys.get(record.partyId())));
            if (EvidenceClaim.of(record.kind(), record.record()).isPresent()) {
                claimingEntries.add(index);
            }
        }
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence()));
        // no calculation entry: its inputs list (about 2,200 entries) exceeds the 64 KiB entry limit (see the report)
        statement = EmissionsStatements.build(result, new StatementIssue("st-rs-1", "2026-11-22T10:00:00Z", operator,
                scenario.statementRecipient()));
        statement.put("checkpoint", log.checkpoint(log.size()));
        jws = StatementJws.sign(statement, issuerKey);
    }

    private final List<byte[]> stored = new ArrayList<>();

    /** The log's stored hashes (RFC 9162 tree), computed once. */
    private org.cbamledger.signer.HashReader hashes() throws Exception {
        org.cbamledger.signer.HashReader reader = indexes -> {
            List<byte[]> out = new ArrayList<>();
            for (long index : indexes) {
                out.add(stored.get(Math.toIntExact(index)));
            }
            return out;
        };
        if (stored.isEmpty()) {
            for (long n = 0; n < log.size(); n++) {
                stored.addAll(org.cbamledger.signer.TreeHashes.storedHashes(n, org.cbamledger.signer.Merkle.leafHash(log.entry(n)), reader));
            }
        }
        return reader;
    }

    List<EvidenceRecord> evidence() throws Exception {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (long i = 0; i < log.size(); i++) {
            evidence.add(EvidenceRecord.fromEnvelope(Envelope.parse(log.entry(i)), i));
        }
        return evidence;
    }

    /** The deployment's claim map as the ledger would hold it: {@code before} claims first, then this log's. */
    ClaimMap claims(List<EvidenceClaimBy> before) throws Exception {
        MemoryMapNodeStore store = new MemoryMapNodeStore();
        UniquenessMap map = new UniquenessMap(store);
        for (EvidenceClaimBy other : before) {
            other.target().claim(map, other.claim());
        }
        for (long index : claimingEntries) {
            Envelope envelope = Envelope.parse(log.entry(index));
            EvidenceClaim target = EvidenceClaim.of(envelope.kind(), envelope.record()).orElseThrow();
            try {
                target.claim(map, claimOf(index));
            } catch (org.cbamledger.signer.map.ClaimConflictException rejected) {
                // the ledger rejects it; the bundle then proves the first claim
            }
        }
        return new ClaimMap(map, store);
    }

    record ClaimMap(UniquenessMap map, MemoryMapNodeStore store) {}

    record EvidenceClaimBy(EvidenceClaim target, Claim claim) {}

    Claim claimOf(long index) {
        return new Claim(log.logId, index, java.util.HexFormat.of().formatHex(org.cbamledger.signer.Merkle.leafHash(log.entry(index))));
    }

    /** Writes the entries {@code include} accepts, the checkpoint, the statement, and (if given) the claim map's proofs. */
    Path write(Path dir, LongPredicate include, ClaimMap claims) throws Exception {
        long size = log.size();
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        String checkpoint = log.checkpoint(size);
        writer.addCheckpoint(size, checkpoint);
        for (long i = 0; i < size; i++) {
            if (include.test(i)) {
                // as TestLog.inclusionProof, with the checkpoint signed once rather than per entry
                writer.addEntry(i, log.entry(i), new org.cbamledger.signer.TlogProof(i,
                        org.cbamledger.signer.TreeHashes.proveInclusion(size, i, hashes()), checkpoint));
            }
        }
        writer.addStatement("statement.json", TestLog.JSON.writeValueAsString(statement).getBytes(StandardCharsets.UTF_8), jws, null);
        writer.finish();
        if (claims != null) {
            writeClaims(dir, claims);
        }
        return dir;
    }

    /** Writes uniqueness/: the claim map's checkpoint signed by the log key, and a proof per claim key of the log's claiming entries. */
    void writeClaims(Path dir, ClaimMap claims) throws Exception {
        {
            UniquenessMap map = claims.map();
            long mapSize = claims.store().size();
            Files.createDirectories(dir.resolve(UniquenessCheck.DIRECTORY));
            String body = new Checkpoint(UniquenessCheck.mapOrigin(log.origin), mapSize, map.rootHash(), List.of()).body();
            Files.writeString(dir.resolve(UniquenessCheck.MAP_CHECKPOINT), NoteSigner.sign(body, log.logSigner));
            for (long index : claimingEntries) {
                Envelope envelope = Envelope.parse(log.entry(index));
                for (String key : EvidenceClaim.of(envelope.kind(), envelope.record()).orElseThrow().claimKeys()) {
                    Files.writeString(dir.resolve(UniquenessCheck.proofFile(key)), TestLog.JSON.writeValueAsString(map.prove(key).toJson()));
                }
            }
        }
    }

    /**
     * Changes one reading (the 38th, by 10 kWh) of the meter's first batch of 96 readings in a bundle {@link #write}
     * wrote, the batch re-signed by its party's key: a valid entry whose figures differ. Its leaf index.
     */
    long editOneReading(Path bundle, String meterId) throws Exception {
        long index = firstBatchOfADay(meterId);
        ObjectNode batch = (ObjectNode) Envelope.parse(log.entry(index)).record();
        ObjectNode reading = (ObjectNode) batch.path("readings").get(37);
        reading.put("energyKwh", new BigDecimal(reading.path("energyKwh").asString()).add(BigDecimal.TEN).toPlainString());
        String party = scenario.parties().stream().filter(p -> p.submits().contains("meter-reading-batch"))
                .findFirst().orElseThrow().partyId();
        Files.write(bundle.resolve(BundlePaths.entryFile(index)), TestLog.sign(batch, keys.get(party)).canonicalBytes());
        return index;
    }

    private long firstBatchOfADay(String meterId) throws Exception {
        for (long i = 0; i < log.size(); i++) {
            Envelope envelope = Envelope.parse(log.entry(i));
            if (envelope.kind().equals("meter-reading-batch") && envelope.record().path("readings").size() == 96
                    && envelope.record().path("meterId").asString("").equals(meterId)) {
                return i;
            }
        }
        throw new AssertionError("no batch of 96 readings");
    }
}
