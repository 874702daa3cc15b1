package org.cbamledger.service.room.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scope rules on one log holding two installations (A, B) of one operator, two CN codes and two half-years:
 * the room is installation A, the first half of 2026, CN 7604 10 10. Each rule is checked both ways.
 */
class RoomScopeTest {
    static final String A = "INST-A";
    static final String B = "INST-B";
    static final String CN1 = "76041010";
    static final String CN2 = "76042100";
    static final String H1_FROM = "2026-01-01";
    static final String H1_TO = "2026-06-30";
    static final String H2_FROM = "2026-07-01";
    static final String H2_TO = "2026-12-31";
    static final RoomDefinition ROOM = room(A, H1_FROM, H1_TO, "7604 10 10");

    static Log log;
    static RoomSelection selection;

    /** An in-memory log: envelopes signed as the service stores them, named for the assertions. */
    static final class Log implements ScopeWalk.EntryScan {
        final List<StoredEntry> entries = new ArrayList<>();
        final Map<String, Long> byName = new HashMap<>();
        int scans;

        long append(String name, ObjectNode record, SigningKey... keys) throws Exception {
            Envelope envelope = Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), keys);
            long index = entries.size();
            entries.add(new StoredEntry(index, envelope.leafHash(), envelope.kind(), envelope.canonicalBytes()));
            if (byName.put(name, index) != null) {
                throw new IllegalArgumentException("two entries named " + name);
            }
            return index;
        }

        @Override
        public void forEach(Consumer<StoredEntry> each) {
            scans++;
            entries.forEach(each);
        }

        long index(String name) {
            Long index = byName.get(name);
            if (index == null) {
                throw new IllegalArgumentException("no entry named " + name);
            }
            return index;
        }

        String leafHash(String name) {
            return java.util.HexFormat.of().formatHex(entries.get((int) index(name)).leafHash());
        }

        ObjectNode ref(String name) {
            StoredEntry entry = entries.get((int) index(name));
            ObjectNode ref = obj();
            ref.put("leafIndex", entry.index());
            ref.put("leafHash", leafHash(name));
            ref.put("kind", entry.kind());
            return ref;
        }
    }

    static RoomDefinition room(String installationId, String from, String to, String... cnCodes) {
        return new RoomDefinition("room-1", "log-1", "room", installationId, LocalDate.parse(from), LocalDate.parse(to),
                new TreeSet<>(List.of(cnCodes)), "operator", Instant.parse("2026-11-01T00:00:00Z"));
    }

    static ObjectNode obj(String... pairs) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    static ObjectNode registration(SigningKey key, String party, String role, String... kinds) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return LedgerRecords.keyRegistration(key.publicKey(), party, role, List.of(kinds), now,
                now.plus(730, ChronoUnit.DAYS));
    }

    static ObjectNode party(String partyId, String type) {
        return obj("kind", "party", "partyId", partyId, "name", partyId, "partyType", type, "country", "RS");
    }

    static ObjectNode batch(String installationId, String batchId, String cnCode, String from, String to,
            String precursorSupplier) {
        ObjectNode batch = obj("kind", "production-batch", "installationId", installationId, "batchId", batchId,
                "lineId", "EXT-1", "product", "profiles", "cnCode", cnCode, "periodFrom", from, "periodTo", to,
                "tonnesIn", "110", "tonnesOut", "100", "destination", "EU");
        if (precursorSupplier != null) {
            batch.putArray("precursors").addObject().put("supplierInstallationId", precursorSupplier)
                    .put("cnCode", "7601").put("tonnes", "110");
        }
        return batch;
    }

    static ObjectNode fuel(String installationId, String recordId, String from, String to, String factorId) {
        return obj("kind", "fuel-consumption", "installationId", installationId, "recordId", recordId, "lineId",
                "EXT-1", "sourceStream", "furnace", "fuel", "natural gas", "periodFrom", from, "periodTo", to,
                "energyGj", "100", "emissionFactorId", factorId, "oxidationFactor", "1");
    }

    static ObjectNode factor(String factorId) {
        return obj("kind", "emission-factor", "factorId", factorId, "value", "0.0561", "unit", "tCO2/GJ",
                "description", factorId, "source", "IPCC");
    }

    static ObjectNode purchase(String purchaseId, String supplier, String deliveryDate) {
        return obj("kind", "precursor-purchase", "installationId", A, "purchaseId", purchaseId,
                "supplierInstallationId", supplier, "supplierName", supplier, "countryOfOrigin", "MY", "cnCode", "7601",
                "tonnes", "100", "deliveryDate", deliveryDate);
    }

    static ObjectNode supplierStatement(String statementId, String supplier, String from, String to, String factorId) {
        return obj("kind", "supplier-precursor-statement", "statementId", statementId, "supplierInstallationId",
                supplier, "supplierName", supplier, "countryOfOrigin", "MY", "cnCode", "7601", "periodFrom", from,
                "periodTo", to, "directSeeTco2PerTonne", "0.028", "electricityMwhPerTonne", "0.2",
                "electricityEmissionFactorId", factorId, "verified", "false");
    }

    static ObjectNode meter(String kind, String installationId, String meterId) {
        ObjectNode meter = obj("kind", kind, "meterId", meterId, "installationId", installationId);
        if (kind.equals("meter")) {
            meter.put("deviceId", "GW-" + meterId).put("measures", "active-energy-import").put("protocol", "modbus-tcp")
                    .put("intervalSeconds", 900);
        } else {
            meter.put("role", "grid-import").put("emissionFactorId", "grid-rs");
        }
        return meter;
    }

    static ObjectNode readings(String meterId, long sequence, String start, int minutes) {
        ObjectNode batch = obj("kind", "meter-reading-batch", "meterId", meterId, "deviceId", "GW-" + meterId);
        batch.put("sequence", sequence);
        Instant from = Instant.parse(start);
        ArrayNode readings = batch.putArray("readings");
        for (int i = 0; i < 2; i++) {
            readings.addObject().put("intervalStart", from.plus((long) i * minutes, ChronoUnit.MINUTES).toString())
                    .put("intervalEnd", from.plus((long) (i + 1) * minutes, ChronoUnit.MINUTES).toString())
                    .put("energyKwh", "12.5").put("rawRegisterValue", "00010002").put("scale", "0.01")
                    .put("quality", "GOOD");
        }
        return batch;
    }

    static ObjectNode contract(String contractId, String installationId, String assetId, String producer) {
        ObjectNode ppa = obj("kind", "ppa-contract", "contractId", contractId, "producerPartyId", producer,
                "supplierPartyId", "power-supplier", "buyerPartyId", "operator", "installationId", installationId,
                "periodFrom", "2026-01-01", "periodTo", "2026-12-31", "contractedMwh", "1000", "deliveryShape",
                "pay-as-produced", "matching", "hourly");
        ppa.putObject("asset").put("assetId", assetId).put("name", assetId).put("technology", "wind")
                .put("country", "RS").put("location", "Banat").put("installedCapacityMw", "10")
                .put("gridConnectionPoint", "TS-1").put("meteringPointId", "MP-" + assetId)
                .put("generatorMeterId", "GEN-" + assetId).put("emissionFactorTco2PerMwh", "0");
        return ppa;
    }

    static ObjectNode settlement(String settlementId, String contractId, String installationId, String month) {
        return obj("kind", "supply-settlement", "settlementId", settlementId, "contractId", contractId,
                "supplierPartyId", "power-supplier", "installationId", installationId, "month", month);
    }

    static ObjectNode generation(String assetId, String start) {
        ObjectNode generation = obj("kind", "generation-data", "assetId", assetId, "meterId", "GEN-" + assetId,
                "resolution", "PT1H");
        generation.putArray("intervals").addObject().put("start", start).put("energyMwh", "3.2").put("quality", "GOOD");
        generation.putArray("outages");
        generation.putArray("curtailments");
        return generation;
    }

    static ObjectNode issuance(String issuanceId, String assetId, String first, String last, String from, String to) {
        return obj("kind", "go-issuance", "issuanceId", issuanceId, "registry", "EMS", "productionDeviceId",
                "PD-" + assetId, "assetId", assetId, "firstSerial", first, "lastSerial", last, "mwh", "100",
                "productionFrom", from, "productionTo", to, "accountHolderPartyId", "wind-producer");
    }

    static ObjectNode cancellation(String cancellationId, String contractId, String assetId, String beneficiary,
            String first, String last, String from, String to) {
        ObjectNode go = obj("kind", "go-cancellation", "cancellationId", cancellationId, "registry", "EMS",
                "firstSerial", first, "lastSerial", last, "mwh", "50", "productionDeviceId", "PD-" + assetId,
                "assetId", assetId, "contractId", contractId, "productionFrom", from, "productionTo", to,
                "cancelledAt", "2026-04-10T00:00:00Z");
        go.putObject("beneficiary").put("partyId", "operator").put("installationId", beneficiary);
        return go;
    }

    static ObjectNode transfer(String transferId, String registry, String first, String last) {
        return obj("kind", "go-transfer", "transferId", transferId, "registry", registry, "firstSerial", first,
                "lastSerial", last, "mwh", "11", "fromPartyId", "wind-producer", "toPartyId", "power-supplier",
                "transferredAt", "2026-04-01T00:00:00Z");
    }

    static ObjectNode declaration(String declarationId, String contractId, String producer, String month) {
        ObjectNode d = obj("kind", "producer-declaration", "declarationId", declarationId, "producerPartyId", producer,
                "contractId", contractId, "assetId", "WIND-X", "declaredAt", "2026-04-01T00:00:00Z");
        d.putArray("meterIds").add("GEN-WIND-X");
        d.putArray("months").addObject().put("month", month).put("generatedMwh", "10").put("deliveredMwh", "9");
        return d;
    }

    static ObjectNode calculation(String calculationId, String installationId, String from, String to, String cnCode,
            List<ObjectNode> inputs) {
        ObjectNode calc = obj("kind", "calculation", "calculationId", calculationId, "cnCode", cnCode,
                "methodVersion", "1", "resultSha256", "0".repeat(64));
        calc.putObject("installation").put("installationId", installationId).put("name", installationId)
                .put("countryCode", "RS");
        calc.putObject("period").put("from", from).put("to", to);
        if (inputs == null) {
            calc.putObject("inputsDigest").put("count", 201).put("sha256", "1".repeat(64));
        } else {
            ArrayNode list = calc.putArray("inputs");
            inputs.forEach(list::add);
        }
        return calc;
    }

    static ObjectNode anchor(String sha256Seed, String submitter, ObjectNode... supports) {
        ObjectNode anchor = obj("kind", "document-anchor", "sha256", sha256(sha256Seed), "mediaType", "application/pdf",
                "textExtractor", "Apache Tika 3.3.1", "submitter", submitter, "archivedAt", "2026-04-01T00:00:00Z");
        anchor.put("sizeBytes", 100).put("extractedTextChars", 0).put("extractedTextTruncated", false);
        anchor.putObject("metadata");
        ArrayNode list = anchor.putArray("supports");
        for (ObjectNode support : supports) {
            list.add(support);
        }
        return anchor;
    }

    static ObjectNode erasure(String sha256Seed) {
        return obj("kind", "document-erasure", "sha256", sha256(sha256Seed), "reason", "GDPR request",
                "requestedBy", "operator", "erasedAt", "2026-05-01T00:00:00Z");
    }

    static ObjectNode correction(String supersedesLeafHash, ObjectNode replacement) {
        ObjectNode correction = obj("kind", "correction", "supersedesLeafHash", supersedesLeafHash, "reason", "typo");
        correction.set("replacement", replacement);
        return correction;
    }

    static String sha256(String seed) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoredStatement statement(String statementId, SigningKey issuer, String installationId, String from,
            String to, String cnCode, List<ObjectNode> evidence) {
        ObjectNode s = obj("kind", "emissions-statement", "cnCode", cnCode);
        s.putObject("issued").put("statementId", statementId).put("issuedAt", "2026-11-01T00:00:00Z")
                .put("issuer", "operator").put("recipient", "importer");
        s.putObject("installation").put("installationId", installationId).put("name", installationId)
                .put("countryCode", "RS");
        s.putObject("period").put("from", from).put("to", to);
        ObjectNode ev = s.putObject("evidence");
        ArrayNode entries = ev.putArray("entries");
        evidence.forEach(entries::add);
        ev.putArray("figures");
        return new StoredStatement("log-1", statementId, issuer.keyId(), 10, "jws", LedgerRecords.json(s), new byte[0]);
    }

    static List<StoredStatement> statements;

    @BeforeAll
    static void buildLog() throws Exception {
        log = new Log();
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey opA = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey opB = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey gatewayAdmin = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey deviceA = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey deviceB = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey producer = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey producerB = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey supplier = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey billets = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey otherBillets = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        SigningKey calculator = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey issuer = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey issuerB = SigningKey.generate(KeyAlgorithm.ED25519);

        log.append("party-operator", LedgerRecords.operatorParty("operator", "Extruder", "RS"), root);
        log.append("reg-root", registration(root, "operator", "root", "*"), root);
        log.append("party-producer", party("wind-producer", "renewable-producer"), root);
        log.append("party-producer-b", party("producer-b", "renewable-producer"), root);
        log.append("party-supplier", party("power-supplier", "supplier"), root);
        log.append("party-billets", party("billet-supplier", "supplier"), root);
        log.append("party-other-billets", party("other-billets", "supplier"), root);
        log.append("party-importer", party("importer", "importer"), root);
        log.append("party-stranger", party("stranger", "trader"), root);
        log.append("reg-op-a", registration(opA, "operator", "submitter", "*"), root);
        log.append("reg-op-b", registration(opB, "operator", "submitter", "*"), root);
        log.append("reg-gateway-admin", registration(gatewayAdmin, "operator", "root", "key-registration"), root);
        log.append("reg-device-a", registration(deviceA, "operator", "device", "meter-reading-batch"), gatewayAdmin);
        log.append("reg-device-b", registration(deviceB, "operator", "device", "meter-reading-batch"), root);
        log.append("reg-producer", registration(producer, "wind-producer", "submitter", "*"), root);
        log.append("reg-producer-b", registration(producerB, "producer-b", "submitter", "*"), root);
        log.append("reg-supplier", registration(supplier, "power-supplier", "submitter", "*"), root);
        log.append("reg-billets", registration(billets, "billet-supplier", "submitter", "*"), root);
        log.append("reg-other-billets", registration(otherBillets, "other-billets", "submitter", "*"), root);
        log.append("reg-calculator", registration(calculator, "operator", "calculator", "calculation"), root);
        log.append("reg-issuer", registration(issuer, "operator", "statement-issuer", "emissions-statement"), root);
        log.append("reg-issuer-b", registration(issuerB, "operator", "statement-issuer", "emissions-statement"), root);

        // factors first: they are taken by records appended after them (the fixed point does not depend on order)
        log.append("factor-gas", factor("gas-ipcc"), opA);
        log.append("factor-gas-h2", factor("gas-h2-only"), opA);
        log.append("factor-grid-rs", factor("grid-rs"), opA);
        log.append("factor-grid-my", factor("grid-my"), billets);
        log.append("factor-unused", factor("unused"), opA);

        ObjectNode instA = obj("kind", "installation", "installationId", A, "operator", "operator", "name", "A",
                "country", "RS");
        instA.putArray("cnCodes").add(CN1).add(CN2);
        log.append("inst-a", instA, opA);
        ObjectNode instB = instA.deepCopy().put("installationId", B).put("name", "B");
        log.append("inst-b", instB, opB);
        log.append("line-a", obj("kind", "production-line", "installationId", A, "lineId", "EXT-1", "name", "press",
                "process", "extrusion"), opA);
        log.append("line-b", obj("kind", "production-line", "installationId", B, "lineId", "EXT-B1", "name", "press",
                "process", "extrusion"), opB);
        log.append("line-a-shared-id", obj("kind", "production-line", "installationId", A, "lineId", "EXT-SHARED",
                "name", "press", "process", "extrusion"), opA);
        log.append("line-b-shared-id", obj("kind", "production-line", "installationId", B, "lineId", "EXT-SHARED",
                "name", "press", "process", "extrusion"), opB);
        log.append("meter-a", meter("meter", A, "M-A"), opA);
        log.append("role-a", meter("meter-role", A, "M-A"), opA);
        log.append("meter-b", meter("meter", B, "M-B"), opB);
        log.append("role-b", meter("meter-role", B, "M-B"), opB);

        log.append("batch-a-h1-cn1", batch(A, "BATCH-1", "7604 10 10", H1_FROM, H1_TO, "BILLETS-1"), opA);
        log.append("batch-a-h2-cn1", batch(A, "BATCH-2", CN1, H2_FROM, H2_TO, "BILLETS-4"), opA);
        log.append("batch-a-h1-cn2", batch(A, "BATCH-3", CN2, H1_FROM, H1_TO, "BILLETS-4"), opA);
        log.append("batch-b-h1-cn1", batch(B, "BATCH-4", CN1, H1_FROM, H1_TO, "BILLETS-4"), opB);
        log.append("batch-a-straddle", batch(A, "BATCH-5", CN1, "2026-06-01", "2026-07-31", null), opA);
        log.append("fuel-a-h1", fuel(A, "FUEL-1", H1_FROM, H1_TO, "gas-ipcc"), opA);
        log.append("fuel-a-h2", fuel(A, "FUEL-2", H2_FROM, H2_TO, "gas-h2-only"), opA);
        log.append("fuel-b-h1", fuel(B, "FUEL-3", H1_FROM, H1_TO, "gas-ipcc"), opB);
        log.append("elec-a-h1", obj("kind", "electricity-consumption", "installationId", A, "recordId", "EL-1",
                "lineId", "EXT-1", "periodFrom", "2026-02-01", "periodTo", "2026-02-28", "energyMwh", "10", "source",
                "grid", "emissionFactorTco2PerMwh", "0.9"), opA);
        log.append("elec-a-h2", obj("kind", "electricity-consumption", "installationId", A, "recordId", "EL-2",
                "lineId", "EXT-1", "periodFrom", "2026-08-01", "periodTo", "2026-08-31", "energyMwh", "10", "source",
                "grid", "emissionFactorTco2PerMwh", "0.9"), opA);
        log.append("alloc-a", obj("kind", "allocation-model", "installationId", A, "modelId", "ALLOC-A",
                "periodFrom", H1_FROM, "periodTo", H1_TO, "reconciliationTolerancePercent", "2"), opA);
        log.append("alloc-b", obj("kind", "allocation-model", "installationId", B, "modelId", "ALLOC-B",
                "periodFrom", H1_FROM, "periodTo", H1_TO, "reconciliationTolerancePercent", "2"), opB);
        log.append("purchase-a-h1", purchase("PO-1", "BILLETS-2", "2026-03-01"), opA);
        log.append("purchase-a-h2", purchase("PO-2", "BILLETS-3", "2026-09-01"), opA);
        log.append("sps-billets1", supplierStatement("SPS-B1", "BILLETS-1", H1_FROM, H1_TO, "grid-rs"), billets);
        log.append("sps-billets1-h2", supplierStatement("SPS-B1-H2", "BILLETS-1", H2_FROM, H2_TO, "grid-rs"), billets);
        log.append("sps-billets2", supplierStatement("SPS-B2", "BILLETS-2", H1_FROM, H1_TO, "grid-my"), billets);
        log.append("sps-billets3", supplierStatement("SPS-B3", "BILLETS-3", H1_FROM, H2_TO, "grid-my"), otherBillets);
        log.append("sps-billets4", supplierStatement("SPS-B4", "BILLETS-4", H1_FROM, H2_TO, "grid-my"), otherBillets);

        log.append("readings-a-h1", readings("M-A", 0, "2026-02-01T00:00:00Z", 15), deviceA);
        log.append("readings-a-h2", readings("M-A", 1, "2026-09-01T00:00:00Z", 15), deviceA);
        log.append("readings-a-straddle", readings("M-A", 2, "2026-06-30T23:55:00Z", 15), deviceA);
        log.append("readings-a-edge", readings("M-A", 3, "2026-06-30T23:30:00Z", 15), deviceA);
        log.append("readings-a-oct", readings("M-A", 4, "2026-10-01T00:00:00Z", 15), deviceA);
        log.append("readings-b", readings("M-B", 0, "2026-02-01T00:00:00Z", 15), deviceB);

        log.append("ppa-a", contract("PPA-A", A, "WIND-A", "wind-producer"), opA);
        log.append("ppa-b", contract("PPA-B", B, "WIND-B", "producer-b"), opB);
        ObjectNode settleA03 = settlement("SET-A-03", "PPA-A", A, "2026-03");
        settleA03.putObject("replacement").put("source", "hydro").put("verified", true)
                .putArray("goCancellationIds").add("GOC-HYDRO");
        log.append("settle-a-03", settleA03, supplier);
        log.append("settle-a-09", settlement("SET-A-09", "PPA-A", A, "2026-09"), supplier);
        log.append("settle-b-03", settlement("SET-B-03", "PPA-B", B, "2026-03"), supplier);
        log.append("gen-a-h1", generation("WIND-A", "2026-03-01T10:00:00Z"), producer);
        log.append("gen-a-h2", generation("WIND-A", "2026-09-01T10:00:00Z"), producer);
        log.append("gen-b", generation("WIND-B", "2026-03-01T10:00:00Z"), producerB);
        log.append("goi-a", issuance("GOI-A", "WIND-A", "RS-EMS-000100", "RS-EMS-000199", "2026-03-01", "2026-03-31"),
                producer);
        log.append("goi-b", issuance("GOI-B", "WIND-B", "RS-EMS-000500", "RS-EMS-000599", "2026-03-01", "2026-03-31"),
                producerB);
        log.append("goc-a", cancellation("GOC-A", "PPA-A", "WIND-A", A, "RS-EMS-000100", "RS-EMS-000149",
                "2026-03-01", "2026-03-31"), supplier);
        log.append("goc-other-beneficiary", cancellation("GOC-X", "PPA-X", "WIND-A", B, "RS-EMS-000150",
                "RS-EMS-000199", "2026-03-01", "2026-03-31"), supplier);
        log.append("goc-hydro-replacement", cancellation("GOC-HYDRO", "PPA-HYDRO", "HYDRO-1", A, "RS-EMS-000700",
                "RS-EMS-000709", "2026-03-01", "2026-03-31"), supplier);
        log.append("goc-hydro-other", cancellation("GOC-HYDRO-2", "PPA-HYDRO", "HYDRO-1", A, "RS-EMS-000710",
                "RS-EMS-000719", "2026-03-01", "2026-03-31"), supplier);
        log.append("goc-a-h2", cancellation("GOC-A9", "PPA-A", "WIND-A", A, "RS-EMS-000900", "RS-EMS-000949",
                "2026-09-01", "2026-09-30"), supplier);
        log.append("got-in", transfer("GOT-1", "EMS", "RS-EMS-000110", "RS-EMS-000120"), producer);
        log.append("got-out", transfer("GOT-2", "EMS", "RS-EMS-000300", "RS-EMS-000310"), producer);
        log.append("got-other-registry", transfer("GOT-3", "AIB", "RS-EMS-000110", "RS-EMS-000120"), producer);
        log.append("got-straddle", transfer("GOT-4", "EMS", "RS-EMS-000190", "RS-EMS-000210"), producer);
        log.append("decl-a", declaration("DECL-A", "PPA-A", "wind-producer", "2026-03"), producer);
        log.append("decl-a-h2", declaration("DECL-A9", "PPA-A", "wind-producer", "2026-09"), producer);
        log.append("decl-b", declaration("DECL-B", "PPA-B", "producer-b", "2026-03"), producerB);

        log.append("calc-a", calculation("CALC-A", A, H1_FROM, H1_TO, CN1,
                List.of(log.ref("batch-a-h1-cn1"), log.ref("factor-unused"))), calculator);
        ObjectNode wrongHash = log.ref("inst-b").put("leafHash", log.leafHash("inst-a"));
        log.append("calc-a-bad-input", calculation("CALC-A2", A, "2026-02-01", "2026-02-28", CN1,
                List.of(wrongHash)), calculator);
        log.append("calc-a-digest", calculation("CALC-A3", A, H1_FROM, "2026-03-31", CN1, null), calculator);
        // a second calculation of the installation (of the year, of another CN code) is in the room (issue 12)
        log.append("calc-a-year", calculation("CALC-Y", A, H1_FROM, H2_TO, CN1, List.of(log.ref("inst-a"))),
                calculator);
        log.append("calc-a-cn2", calculation("CALC-C2", A, H1_FROM, H1_TO, CN2, List.of()), calculator);
        log.append("calc-a-h2", calculation("CALC-H2", A, H2_FROM, H2_TO, CN1,
                List.of(log.ref("batch-a-h2-cn1"))), calculator);
        log.append("calc-b", calculation("CALC-B", B, H1_FROM, H1_TO, CN1, List.of(log.ref("batch-b-h1-cn1"))),
                calculator);

        // moves the batch out of the room's CN code: taken because it corrects an entry of the room
        log.append("corr-in-scope", correction(log.leafHash("batch-a-h1-cn1"),
                batch(A, "BATCH-1", CN2, H1_FROM, H1_TO, "BILLETS-1")), opA);
        log.append("batch-moved", batch(A, "BATCH-6", CN1, H2_FROM, H2_TO, null), opA);
        log.append("corr-moving-in", correction(log.leafHash("batch-moved"),
                batch(A, "BATCH-6", CN1, H1_FROM, H1_TO, null)), opA);
        log.append("corr-out", correction(log.leafHash("batch-b-h1-cn1"),
                batch(B, "BATCH-4", CN1, H1_FROM, H1_TO, "BILLETS-4").put("tonnesOut", "99")), opB);

        log.append("doc-by-leaf", anchor("invoice", "operator", obj("leafHash", log.leafHash("purchase-a-h1"))), opA);
        log.append("doc-by-ref", anchor("contract", "wind-producer", obj("recordRef", "PPA-A")), producer);
        log.append("doc-by-kind-ref", anchor("supplier-pdf", "billet-supplier",
                obj("recordRef", "supplier-precursor-statement/SPS-B2")), billets);
        log.append("doc-grid-my", anchor("grid-my-source", "billet-supplier",
                obj("recordRef", "emission-factor/grid-my")), billets);
        log.append("doc-statement", anchor("statement-pdf", "operator",
                obj("recordRef", "emissions-statement/st-a")), opA);
        log.append("doc-reading", anchor("meter-export", "operator",
                obj("recordRef", "meter-reading-batch/GW-M-A/0")), opA);
        log.append("doc-line", anchor("line-photo", "operator", obj("recordRef", "production-line/EXT-1")), opA);
        log.append("doc-shared-id", anchor("shared-line-photo", "operator", obj("recordRef", "EXT-SHARED")), opA);
        log.append("doc-out", anchor("contract-b", "producer-b", obj("recordRef", "PPA-B")), producerB);
        log.append("doc-erased", anchor("gas-invoice", "operator", obj("leafHash", log.leafHash("fuel-a-h1"))), opA);
        log.append("erase-in", erasure("gas-invoice"), root);
        log.append("erase-out", erasure("contract-b"), root);

        log.append("rev-device-a", LedgerRecords.keyRevocation(deviceA.keyId(), Instant.parse("2026-10-01T00:00:00Z"),
                "replaced"), root);
        log.append("rev-device-b", LedgerRecords.keyRevocation(deviceB.keyId(), Instant.parse("2026-10-01T00:00:00Z"),
                "replaced"), root);
        log.append("room-access", obj("kind", "room-access", "roomId", "room-1", "partyId", "importer"), root);
        log.append("unknown-kind", obj("kind", "mystery", "installationId", A), opA);

        statements = List.of(
                statement("st-a", issuer, A, H1_FROM, H1_TO, "7604 10 10", List.of(log.ref("readings-a-h2"))),
                statement("st-b", issuerB, B, H1_FROM, H1_TO, CN1, List.of(log.ref("batch-b-h1-cn1"))),
                statement("st-year", issuer, A, H1_FROM, H2_TO, CN1, List.of(log.ref("elec-a-h2"))));
        selection = ScopeWalk.select(ROOM, log, statements);
    }

    static void assertIn(String... names) {
        for (String name : names) {
            assertTrue(selection.contains(log.index(name)), name + " should be in the room");
        }
    }

    static void assertOut(String... names) {
        for (String name : names) {
            assertFalse(selection.contains(log.index(name)),
                    name + " should be out of the room, is in as: " + selection.reasons().get(log.index(name)));
        }
    }

    static void assertReason(String name, String reason) {
        assertEquals(reason, selection.reasons().get(log.index(name)), name);
    }

    @Test
    void installation_lineAndMeters_byInstallationId() {
        assertIn("inst-a", "line-a", "meter-a", "role-a");
        assertOut("inst-b", "line-b", "meter-b", "role-b");
        assertReason("inst-a", "installation INST-A");
    }

    @Test
    void productionBatch_needsInstallationPeriodAndCnCode() {
        assertIn("batch-a-h1-cn1", "batch-a-straddle");
        assertOut("batch-a-h2-cn1", "batch-a-h1-cn2", "batch-b-h1-cn1");
        assertReason("batch-a-h1-cn1", "production-batch of 76041010 in period");
    }

    @Test
    void datedRecords_needInstallationAndOverlappingDates() {
        assertIn("fuel-a-h1", "elec-a-h1", "alloc-a", "ppa-a", "purchase-a-h1", "settle-a-03");
        assertOut("fuel-a-h2", "fuel-b-h1", "alloc-b", "ppa-b", "purchase-a-h2", "settle-a-09",
                "settle-b-03");
    }

    @Test
    void meterReadings_needAMeterOfTheInstallationAndAReadingInsideThePeriod() {
        assertIn("readings-a-h1", "readings-a-edge");
        assertOut("readings-a-oct", "readings-a-straddle", "readings-b");
        assertReason("readings-a-h1", "readings of meter M-A in period");
    }

    @Test
    void renewableEvidence_followsTheInstallationsContracts() {
        assertIn("gen-a-h1", "goi-a", "goc-a", "decl-a");
        assertOut("gen-a-h2", "gen-b", "goi-b", "goc-a-h2", "decl-b", "decl-a-h2");
    }

    @Test
    void goCancellation_forAnotherBeneficiaryOfTheSameAsset_staysOut() {
        assertOut("goc-other-beneficiary");
    }

    @Test
    void goCancellation_namedByASettlementOfTheRoom_isIn_evenForAnotherAsset() {
        assertIn("goc-hydro-replacement");
        assertReason("goc-hydro-replacement", "go-cancellation GOC-HYDRO named by a settlement or declaration of the room");
        assertOut("goc-hydro-other");
    }

    @Test
    void goTransfer_inOnlyWithinARangeOfTheRoomInTheSameRegistry() {
        assertIn("got-in");
        assertOut("got-out", "got-other-registry", "got-straddle");
    }

    @Test
    void supplierStatement_inWhenAPurchaseOrBatchOfTheRoomNamesItsInstallation() {
        assertIn("sps-billets1", "sps-billets2");
        assertOut("sps-billets1-h2", "sps-billets3", "sps-billets4");
        assertReason("sps-billets1", "statement of supplier installation BILLETS-1 in period");
    }

    @Test
    void emissionFactor_inOnlyWhenARecordOfTheRoomUsesIt() {
        assertIn("factor-gas", "factor-grid-rs", "factor-grid-my");
        assertOut("factor-gas-h2");
    }

    @Test
    void calculation_everyOneOfTheInstallationInAMonthOfThePeriod_whateverItsCnCodeOrLength_bringsItsInputs() {
        assertIn("calc-a", "calc-a-digest", "calc-a-year", "calc-a-cn2");
        assertOut("calc-a-h2", "calc-b", "batch-a-h2-cn1");
        assertReason("calc-a-year", "calculation of 76041010 in period");
        assertReason("calc-a-cn2", "calculation of 76042100 in period");
        assertReason("factor-unused", "input of calculation CALC-A");
    }

    @Test
    void calculationInput_whoseHashIsNotTheEntrysAtThatIndex_isNotTaken() {
        assertIn("calc-a-bad-input");
        assertOut("inst-b");
    }

    @Test
    void statements_coveredOnesAndTheirEvidence() {
        // the year's statement of the installation is covered too, with its evidence from outside the period
        assertEquals(List.of("st-a", "st-year"),
                selection.statements().stream().map(StoredStatement::statementId).toList());
        assertIn("readings-a-h2", "elec-a-h2");
        assertReason("readings-a-h2", "evidence of statement st-a");
        assertReason("elec-a-h2", "evidence of statement st-year");
        assertOut("batch-b-h1-cn1");
    }

    @Test
    void corrections_ofRoomEntriesOrIntoTheRoom_bringBothEntries() {
        assertIn("corr-in-scope", "corr-moving-in", "batch-moved");
        assertReason("corr-in-scope", "correction of leaf " + log.index("batch-a-h1-cn1"));
        assertReason("batch-moved", "superseded by the correction at leaf " + log.index("corr-moving-in"));
        assertOut("corr-out");
    }

    @Test
    void documents_byLeafHashOrRecordReference() {
        assertIn("doc-by-leaf", "doc-by-ref", "doc-by-kind-ref", "doc-statement", "doc-reading", "doc-erased",
                "erase-in");
        assertOut("doc-out", "erase-out");
        assertReason("doc-by-leaf", "document supporting leaf " + log.index("purchase-a-h1"));
    }

    @Test
    void document_whoseRecordRefIsAlsoTheIdOfARecordOutsideTheRoom_staysOut() {
        assertIn("line-a-shared-id", "doc-line");
        assertOut("line-b-shared-id", "doc-shared-id");
    }

    @Test
    void documentSha256s_areTheRoomsAnchorsLessErasedOnes() {
        assertEquals(Set.of(sha256("invoice"), sha256("contract"), sha256("supplier-pdf"), sha256("grid-my-source"),
                sha256("statement-pdf"), sha256("meter-export"), sha256("line-photo")), selection.documentSha256s());
    }

    @Test
    void keys_chainOfEverySignerDownToTheRoot_andTheirRevocations() {
        assertIn("reg-root", "reg-op-a", "reg-device-a", "reg-gateway-admin", "reg-producer", "reg-supplier",
                "reg-billets", "reg-calculator", "reg-issuer", "rev-device-a");
        assertReason("reg-gateway-admin", "key-registration of a key that signed entries of the room");
        assertOut("reg-op-b", "reg-device-b", "reg-producer-b", "reg-other-billets", "reg-issuer-b", "rev-device-b");
    }

    @Test
    void parties_operatorAndThoseNamed_nobodyElse() {
        assertIn("party-operator", "party-producer", "party-supplier", "party-billets", "party-importer");
        assertReason("party-operator", "party of the log operator");
        assertOut("party-producer-b", "party-other-billets", "party-stranger");
    }

    @Test
    void accessLogAndUnknownKinds_stayOut() {
        assertOut("room-access", "unknown-kind");
    }

    @Test
    void fixedPoint_takesChainsOfReferencesWhateverTheirOrderInTheLog() {
        // purchase -> supplier statement -> its factor (appended before both) -> the document on that factor
        assertIn("purchase-a-h1", "sps-billets2", "factor-grid-my", "doc-grid-my");
        assertReason("factor-grid-my", "emission-factor grid-my used by the room's records");
        assertReason("doc-grid-my", "document supporting emission-factor/grid-my");
    }

    @Test
    void select_isAFixedPoint_andRepeatable() throws Exception {
        RoomSelection again = ScopeWalk.select(ROOM, log, statements);
        assertEquals(selection.reasons(), again.reasons());
        // a room exactly the size of its selection: every entry left out has no rule that takes it
        List<StoredEntry> kept = log.entries.stream().filter(e -> selection.contains(e.index())).toList();
        RoomSelection within = ScopeWalk.select(ROOM, each -> kept.forEach(each), statements);
        assertEquals(selection.indexes(), within.indexes());
    }

    @Test
    void select_walksTheLogOnce() throws Exception {
        int before = log.scans;
        ScopeWalk.select(ROOM, log, statements);
        assertEquals(1, log.scans - before);
    }

    @Test
    void otherRoom_secondHalfYear_takesTheOtherSide() throws Exception {
        RoomSelection h2 = ScopeWalk.select(room(A, H2_FROM, H2_TO, CN1), log, statements);
        assertTrue(h2.contains(log.index("batch-a-h2-cn1")));
        assertTrue(h2.contains(log.index("readings-a-h2")));
        assertTrue(h2.contains(log.index("factor-gas-h2")));
        assertFalse(h2.contains(log.index("batch-a-h1-cn1")));
        assertFalse(h2.contains(log.index("readings-a-h1")));
        assertTrue(h2.contains(log.index("calc-a-h2")));
        assertTrue(h2.contains(log.index("calc-a-year")));
        assertFalse(h2.contains(log.index("calc-a")), "calc-a: " + h2.reasons().get(log.index("calc-a")));
        assertEquals(List.of("st-year"), h2.statements().stream().map(StoredStatement::statementId).toList());
    }

    @Test
    void covers_theInstallationAndAMonthOfThePeriod_anyCnCodeOrLength() {
        ObjectNode statement = calculation("C", A, "2026-02-01", "2026-02-28", "7604 10 10", List.of());
        assertTrue(RoomScope.covers(ROOM, statement));
        assertTrue(RoomScope.covers(ROOM, statement.deepCopy().put("cnCode", CN2)));
        ObjectNode wide = statement.deepCopy();
        wide.putObject("period").put("from", "2026-02-01").put("to", "2027-07-01");
        assertTrue(RoomScope.covers(ROOM, wide));
        ObjectNode after = statement.deepCopy();
        after.putObject("period").put("from", "2026-07-01").put("to", "2026-07-31");
        assertFalse(RoomScope.covers(ROOM, after));
        ObjectNode reversed = statement.deepCopy();
        reversed.putObject("period").put("from", "2026-03-01").put("to", "2026-02-01");
        assertFalse(RoomScope.covers(ROOM, reversed));
        ObjectNode other = statement.deepCopy();
        other.putObject("installation").put("installationId", B);
        assertFalse(RoomScope.covers(ROOM, other));
        assertFalse(RoomScope.covers(ROOM, obj("kind", "calculation")));
    }

    @Test
    void everyEntryTheIndexListsUnderTheRoomsScopeKeys_isInTheRoom() throws Exception {
        Set<IndexKey> scope = Set.copyOf(IndexKeys.roomScope(A, LocalDate.parse(H1_FROM), LocalDate.parse(H1_TO)));
        int listed = 0;
        for (StoredEntry e : log.entries) {
            JsonNode record = Envelope.parse(e.envelope()).record();
            if (IndexKeys.of(record).stream().anyMatch(scope::contains)) {
                listed++;
                assertTrue(selection.contains(e.index()), "leaf " + e.index() + " (" + record.path("kind").asString()
                        + ") is listed under the room's keys");
            }
        }
        assertTrue(listed >= 10, "listed: " + listed);
    }
}
