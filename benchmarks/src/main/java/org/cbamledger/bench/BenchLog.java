package org.cbamledger.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A fresh log with a registered meter-gateway key, and the signed reading batches to send to it. */
record BenchLog(String logId, SigningKey gatewayKey) {
    private static final String DEVICE_ID = "bench-gateway-1";
    private static final Instant FIRST_INTERVAL = Instant.parse("2026-01-01T00:00:00Z");

    static BenchLog create(LedgerClient client, String logId) throws IOException, InterruptedException, SignerException {
        ObjectNode request = LedgerClient.JSON.createObjectNode().put("logId", logId).put("operatorName", "Bench Operator");
        JsonNode created = client.postJson("/logs", LedgerClient.JSON.writeValueAsBytes(request));
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(created.path("rootPrivateKeyPkcs8").asString()));
        JsonNode party = client.getJson("/logs/" + logId + "/entries/0").path("envelope");
        String partyId = Envelope.parse(LedgerClient.JSON.writeValueAsBytes(party)).record().path("partyId").asString();

        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        ObjectNode registration = LedgerClient.JSON.createObjectNode()
                .put("kind", Kinds.KEY_REGISTRATION)
                .put("keyId", gateway.keyId())
                .put("algorithm", "ed25519")
                .put("publicKey", gateway.publicKey().spkiBase64())
                .put("party", partyId)
                .put("role", "device")
                .put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .putNull("validUntil");
        registration.putArray("allowedKinds").add(Kinds.METER_READING_BATCH);
        Envelope signed = Envelope.sign(Kinds.KEY_REGISTRATION, LedgerClient.JSON.writeValueAsBytes(registration), root);
        client.postJson("/logs/" + logId + "/entries?wait=true", signed.canonicalBytes());
        return new BenchLog(logId, gateway);
    }

    /** Pre-signs {@code count} batches in parallel, numbered 0.. for one device, 15-minute intervals. */
    List<byte[]> signReadingBatches(int count, int readingsPerEntry) {
        return new ArrayList<>(IntStream.range(0, count).parallel()
                .mapToObj(sequence -> signBatch(sequence, readingsPerEntry))
                .toList());
    }

    private byte[] signBatch(int sequence, int readingsPerEntry) {
        ObjectNode batch = LedgerClient.JSON.createObjectNode()
                .put("kind", Kinds.METER_READING_BATCH)
                .put("meterId", "bench-meter-1")
                .put("deviceId", DEVICE_ID)
                .put("sequence", sequence);
        ArrayNode readings = batch.putArray("readings");
        long firstInterval = (long) sequence * readingsPerEntry;
        for (int i = 0; i < readingsPerEntry; i++) {
            Instant start = FIRST_INTERVAL.plus((firstInterval + i) * 15, ChronoUnit.MINUTES);
            long counterWh = (firstInterval + i) * 12_500;
            readings.addObject()
                    .put("intervalStart", start.toString())
                    .put("intervalEnd", start.plus(15, ChronoUnit.MINUTES).toString())
                    .put("energyKwh", "12.5")
                    .put("rawRegisterValue", String.format("%016x", counterWh))
                    .put("scale", "0.001")
                    .put("quality", "GOOD");
        }
        try {
            return Envelope.sign(Kinds.METER_READING_BATCH, LedgerClient.JSON.writeValueAsBytes(batch), gatewayKey)
                    .canonicalBytes();
        } catch (SignerException e) {
            throw new IllegalStateException("signing a bench batch failed", e);
        }
    }

    static byte[] jsonArray(List<byte[]> envelopes) {
        int size = 2 + envelopes.stream().mapToInt(e -> e.length + 1).sum();
        byte[] out = new byte[size];
        int at = 0;
        out[at++] = '[';
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] e = envelopes.get(i);
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        out[at++] = ']';
        return java.util.Arrays.copyOf(out, at);
    }
}
