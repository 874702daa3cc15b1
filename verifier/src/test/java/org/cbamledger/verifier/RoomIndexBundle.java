package org.cbamledger.verifier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.CalculationParameters;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.index.EntryIndexMap;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.context.LogKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worked example with a second calculation of the same installation and period (another carbon price paid
 * abroad, so another cost), then the log's index-commitment over everything before it, and a room bundle of the
 * installation's year: every entry but those left out, the commitment, and a map proof per key of the room's scope.
 */
final class RoomIndexBundle {
    static final String INSTALLATION = "TR-EXTRUDER-01";
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");

    final WorkedExampleBundle example;
    final long secondCalculationIndex;
    final EntryIndexMap index;
    final long indexedSize;

    /** @param byLogKey false: the commitment is signed by the operator's root key instead of the log key */
    RoomIndexBundle(boolean byLogKey) throws Exception {
        this(byLogKey, false);
    }

    /** @param omitSecond true: the log's index leaves the second calculation out (an index that is not the log's) */
    RoomIndexBundle(boolean byLogKey, boolean omitSecond) throws Exception {
        example = new WorkedExampleBundle();
        CalculationRequest base = example.scenario.request(example.evidence());
        CalculationParameters dearer = new CalculationParameters(base.parameters().certificatePricePeriod(),
                base.parameters().carbonPricePaidAbroadEur().add(new BigDecimal("20000")));
        ObjectNode second = CalculationRecords.build(EmissionsCalculator.calculate(new CalculationRequest(
                base.installation(), base.period(), base.cnCode(), base.ruleSetId(), List.of(), dearer,
                base.evidence())), "calc-2");
        secondCalculationIndex = example.log.append(TestLog.sign(second, example.calculatorKey));
        indexedSize = example.log.size();
        Map<Long, JsonNode> records = new TreeMap<>();
        for (long i = 0; i < indexedSize; i++) {
            if (!omitSecond || i != secondCalculationIndex) {
                records.put(i, Envelope.parse(example.log.entry(i)).record());
            }
        }
        index = new EntryIndexMap(EntryIndexMap.group(records));
        ObjectNode commitment = TestLog.record("index-commitment").put("treeSize", indexedSize)
                .put("mapRoot", Base64.getEncoder().encodeToString(index.rootHash())).put("keys", index.size());
        String logKeyId = LogKeys.entryKeyId(LogKeys.parseFile(example.log.logSigner.verifierKey() + "\n").getFirst());
        example.log.append(byLogKey ? logAuthored(commitment, logKeyId, example.logKey)
                : logAuthored(commitment, example.log.rootKey.keyId(), example.log.rootKey));
    }

    static Envelope logAuthored(ObjectNode record, String keyId, SigningKey key) throws Exception {
        String payloadType = Envelope.payloadTypeFor(record.get("kind").stringValue());
        byte[] payload = CanonicalJson.canonicalize(record);
        byte[] pae = new Envelope(payloadType, payload, List.of()).pae();
        return new Envelope(payloadType, payload, List.of(new DsseSignature(keyId, key.sign(pae))));
    }

    /** The leaves the index lists under the room's scope, by leaf index, with their key. */
    Map<Long, String> inScope() {
        Map<Long, String> leaves = new TreeMap<>();
        for (IndexKey key : IndexKeys.roomScope(INSTALLATION, FROM, TO)) {
            index.prove(key).value().leaves().forEach(leaf -> leaves.put(leaf, key.text()));
        }
        return leaves;
    }

    Path write(Path dir, Set<Long> leftOut, boolean withProofs) throws Exception {
        TestLog log = example.log;
        long size = log.size();
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(size, log.checkpoint(size));
        for (long i = 0; i < size; i++) {
            if (!leftOut.contains(i)) {
                writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
            }
        }
        if (withProofs) {
            for (IndexKey key : IndexKeys.roomScope(INSTALLATION, FROM, TO)) {
                writer.addIndexProof(key.mapKey().hex(),
                        TestLog.JSON.writeValueAsString(index.prove(key).toJson()).getBytes(StandardCharsets.UTF_8));
            }
        }
        writer.cover(new Coverage.Room("room-2026", INSTALLATION, FROM, TO));
        writer.finish();
        return dir;
    }

}
