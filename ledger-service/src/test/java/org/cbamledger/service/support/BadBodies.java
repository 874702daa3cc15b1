package org.cbamledger.service.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Request bodies an attacker sends: wrong types, deep nesting, oversized, duplicate keys, bogus DSSE envelopes. */
public final class BadBodies {
    private static final int NESTING_LEVELS = 10_000;
    private static final int OVERSIZED_BYTES = 3 * 1024 * 1024;

    public static final List<byte[]> ALL = List.of(
            utf8(""), utf8("null"), utf8("\"a string\""), utf8("12345678901234567890123"), utf8("[]"), utf8("[{}]"),
            utf8("{"), utf8("{}{}"), utf8("{\"a\":1,\"a\":2}"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x7b},
            utf8("[".repeat(NESTING_LEVELS) + "]".repeat(NESTING_LEVELS)),
            utf8("{\"a\":".repeat(NESTING_LEVELS) + "1" + "}".repeat(NESTING_LEVELS)),
            utf8("{\"logId\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}"),
            utf8("{\"logId\":123,\"operatorName\":[],\"role\":{},\"scopes\":\"entries\",\"jws\":5,"
                    + "\"periodFrom\":\"+999999999-01-01\",\"periodTo\":\"0000-00-00\",\"cnCodes\":[null]}"),
            utf8("{\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\",\"payload\":\"!!\","
                    + "\"signatures\":[]}"),
            utf8("{\"payloadType\":\"application/vnd.cbamledger.room-access.v1+json\",\"payload\":\""
                    + b64("{\"kind\":\"room-access\"}") + "\",\"signatures\":[{\"keyid\":\"" + "0".repeat(64)
                    + "\",\"sig\":\"" + b64("x".repeat(64)) + "\"}]}"),
            utf8("{\"payloadType\":\"text/plain\",\"payload\":\"" + b64("\u0000") + "\",\"signatures\":[{\"keyid\":"
                    + "\"../../x\",\"sig\":\"====\"}],\"extra\":1}"),
            utf8("[{\"payloadType\":\"application/vnd.cbamledger.meter-reading-batch.v1+json\",\"payload\":\""
                    + b64("{\"kind\":\"meter-reading-batch\",\"sequence\":9007199254740993}")
                    + "\",\"signatures\":[{\"keyid\":\"" + "a".repeat(64) + "\",\"sig\":\"" + b64("s".repeat(64))
                    + "\"}]}]"));

    private BadBodies() {}

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(utf8(s));
    }
}
