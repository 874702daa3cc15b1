package org.cbamledger.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A log created through the API, with its operator's root key and helpers to sign records for it. */
public final class TestLog {
    public final RunningService service;
    public final String logId;
    public final SigningKey rootKey;
    public final String logVerifierKey;
    public final String submitToken;
    public final String readToken;

    private TestLog(RunningService service, String logId, SigningKey rootKey, String logVerifierKey) {
        this.service = service;
        this.logId = logId;
        this.rootKey = rootKey;
        this.logVerifierKey = logVerifierKey;
        this.submitToken = service.token(Scopes.submit(logId));
        this.readToken = service.token(Scopes.read(logId));
    }

    public static TestLog create(RunningService service, String logId) throws Exception {
        HttpResponse<byte[]> created = service.http().post("logs", service.adminToken(),
                ("{\"logId\":\"" + logId + "\",\"operatorName\":\"Test Extruder\",\"country\":\"RS\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), Http.text(created));
        JsonNode body = Http.json(created);
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(body.get("rootPrivateKeyPkcs8").asString()));
        return new TestLog(service, logId, root, body.get("logVerifierKey").asString());
    }

    /** A log that already exists in the service's database (e.g. after a restart), with its root key. */
    public static TestLog attach(RunningService service, String logId, SigningKey rootKey, String logVerifierKey) {
        return new TestLog(service, logId, rootKey, logVerifierKey);
    }

    /** Registers a new Ed25519 key for the kinds given, signed by the root key; returns it. */
    public SigningKey registerKey(String role, List<String> kinds) throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        registerKey(key.publicKey(), role, kinds);
        return key;
    }

    /** Registers a given public key (a shared test vector's, say) for the kinds given, signed by the root key. */
    public void registerKey(PublicKeyInfo key, String role, List<String> kinds) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] registration = LedgerRecords.json(LedgerRecords.keyRegistration(
                key, logId, role, kinds, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)));
        HttpResponse<byte[]> response = submit(sign("key-registration", registration, rootKey));
        assertEquals(201, response.statusCode(), Http.text(response));
    }

    public HttpResponse<byte[]> submit(byte[] envelope) {
        return service.http().post("logs/" + logId + "/entries", submitToken, envelope);
    }

    public HttpResponse<byte[]> submitAndWait(byte[] envelope) {
        return service.http().post("logs/" + logId + "/entries?wait=true", submitToken, envelope);
    }

    public HttpResponse<byte[]> read(String path) {
        return service.http().get("logs/" + logId + "/" + path, readToken);
    }

    public long sequencedSize() {
        return Http.json(service.http().get("logs/" + logId, readToken)).get("sequencedSize").asLong();
    }

    public static byte[] sign(String kind, byte[] record, SigningKey... keys) throws SignerException {
        return envelopeJson(Envelope.sign(kind, record, keys));
    }

    public static byte[] envelopeJson(Envelope envelope) {
        return envelope.canonicalBytes();
    }

    /** A meter-reading-batch of {@code intervals} 15-minute readings starting at {@code start}. */
    public static byte[] meterBatch(String meterId, String deviceId, long sequence, Instant start, int intervals) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode batch = f.objectNode();
        batch.put("kind", "meter-reading-batch");
        batch.put("meterId", meterId);
        batch.put("deviceId", deviceId);
        batch.put("sequence", sequence);
        ArrayNode readings = batch.putArray("readings");
        long register = 1_000_000 + sequence * 10_000;
        for (int i = 0; i < intervals; i++) {
            Instant from = start.plus(15L * i, ChronoUnit.MINUTES);
            long delta = 250 + (i * 37 + sequence * 11) % 100;
            register += delta;
            ObjectNode r = readings.addObject();
            r.put("intervalStart", from.toString());
            r.put("intervalEnd", from.plus(15, ChronoUnit.MINUTES).toString());
            r.put("energyKwh", new BigDecimal(delta).movePointLeft(2).toPlainString());
            r.put("rawRegisterValue", String.format("%08x", register));
            r.put("scale", "0.01");
            r.put("quality", "GOOD");
        }
        return LedgerRecords.json(batch);
    }
}
