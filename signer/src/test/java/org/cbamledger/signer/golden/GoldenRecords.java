package org.cbamledger.signer.golden;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.json.JsonMapper;

/** The entries of the golden log: a small but realistic operator log, every record schema-valid. */
final class GoldenRecords {
    static final String LOG_ID = "golden";
    static final String ORIGIN = "cbam-ledger/" + LOG_ID;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant FIRST_INTERVAL = Instant.parse("2026-03-01T00:00:00Z");
    private static final String[] QUALITIES = {"GOOD", "GOOD", "SUSPECT", "GAP"};

    private GoldenRecords() {}

    static List<Envelope> entries() throws SignerException {
        SigningKey root = TestKeys.OPERATOR_ROOT.key();
        SigningKey gateway = TestKeys.METER_GATEWAY.key();
        SigningKey submitter = TestKeys.SUBMITTER.key();
        List<Envelope> entries = new ArrayList<>();
        entries.add(sign("party", """
                {"kind":"party","partyId":"alu-extrusions-rs","name":"Alu Extrusions Subotica d.o.o.",
                 "partyType":"operator","country":"RS","registrationNumber":"21745678"}""", root));
        entries.add(sign("key-registration", registration(root, "root", "[\"*\"]", "null"), root));
        entries.add(sign("key-registration", registration(gateway, "device", "[\"meter-reading-batch\"]", "null"), root));
        // the submitter corrects a gateway's batch (entry 15): it must be allowed the replacement's kind too
        entries.add(sign("key-registration", registration(submitter, "submitter",
                "[\"installation\",\"meter\",\"meter-reading-batch\",\"correction\"]", "\"2027-01-01T00:00:00Z\""), root));
        entries.add(sign("installation", """
                {"kind":"installation","installationId":"rs-subotica-1","operator":"alu-extrusions-rs",
                 "name":"Subotica extrusion plant","country":"RS","unlocode":"RSSUB",
                 "productionLines":["press-1","press-2"],"cnCodes":["76041010","76042100"]}""", submitter));
        entries.add(sign("meter", meter("main-incomer", null), submitter));
        entries.add(sign("meter", meter("press-1", "main-incomer"), submitter));
        for (int sequence = 0; sequence < 8; sequence++) {
            entries.add(sign("meter-reading-batch", readingBatch(sequence, "1.000"), gateway));
        }
        String supersededHash = HexFormat.of().formatHex(entries.get(9).leafHash());
        entries.add(sign("correction", """
                {"kind":"correction","supersedesLeafHash":"%s",
                 "reason":"register scale was 0.01 kWh per count, not 0.001","replacement":%s}"""
                .formatted(supersededHash, readingBatch(2, "10.000")), submitter));
        entries.add(sign("meter-reading-batch", readingBatch(8, "1.000"), gateway));
        entries.add(sign("key-revocation", """
                {"kind":"key-revocation","keyId":"%s","revokedAt":"2026-03-02T00:00:00Z",
                 "reason":"gateway gw-01 replaced"}""".formatted(gateway.keyId()), root));
        return entries;
    }

    private static String registration(SigningKey key, String role, String allowedKinds, String validUntil) {
        return """
                {"kind":"key-registration","keyId":"%s","algorithm":"%s","publicKey":"%s",
                 "party":"alu-extrusions-rs","role":"%s","allowedKinds":%s,
                 "validFrom":"2026-01-01T00:00:00Z","validUntil":%s}"""
                .formatted(key.keyId(), key.algorithm().wireName(), key.publicKey().spkiBase64(), role,
                        allowedKinds, validUntil);
    }

    private static String meter(String meterId, String parentMeterId) {
        String parent = parentMeterId == null ? "" : ",\"parentMeterId\":\"" + parentMeterId + "\"";
        return """
                {"kind":"meter","meterId":"%s","installationId":"rs-subotica-1","deviceId":"gw-01",
                 "measures":"active-energy-import","protocol":"modbus-tcp","manufacturer":"Janitza",
                 "model":"UMG 604-PRO","intervalSeconds":900%s}""".formatted(meterId, parent);
    }

    /** Batch `sequence` of gateway gw-01: four 15-minute intervals of alternating meters. */
    private static String readingBatch(int sequence, String scaleScaled) {
        String meterId = sequence % 2 == 0 ? "main-incomer" : "press-1";
        StringBuilder readings = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Instant start = FIRST_INTERVAL.plus(Duration.ofMinutes(15L * (4 * (sequence / 2) + i)));
            String quality = QUALITIES[(sequence + i) % QUALITIES.length];
            long counts = 40_000L + 1_000L * sequence + 17L * i;
            String energy = quality.equals("GAP") ? "null"
                    : "\"" + new java.math.BigDecimal(counts).multiply(new java.math.BigDecimal(scaleScaled))
                            .movePointLeft(3).stripTrailingZeros().toPlainString() + "\"";
            String raw = quality.equals("GAP") ? "null" : "\"%08x\"".formatted(counts);
            readings.append(i == 0 ? "" : ",").append("""
                    {"intervalStart":"%s","intervalEnd":"%s","energyKwh":%s,"rawRegisterValue":%s,
                     "scale":"%s","quality":"%s"}""".formatted(start, start.plus(Duration.ofMinutes(15)), energy, raw,
                    new java.math.BigDecimal(scaleScaled).movePointLeft(3).stripTrailingZeros().toPlainString(),
                    quality));
        }
        return """
                {"kind":"meter-reading-batch","meterId":"%s","deviceId":"gw-01","sequence":%d,"readings":[%s]}"""
                .formatted(meterId, sequence, readings);
    }

    private static Envelope sign(String kind, String record, SigningKey... keys) throws SignerException {
        try {
            RecordValidator.validate(JSON.readTree(record));
        } catch (RecordValidationException e) {
            throw new IllegalStateException("golden " + kind + " record is invalid: " + e.getMessage(), e);
        }
        return Envelope.sign(kind, record.getBytes(StandardCharsets.UTF_8), keys);
    }
}
