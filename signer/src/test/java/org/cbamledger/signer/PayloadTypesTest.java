package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-read payloadType against the grammar as a regular expression (CONTRACTS.md "Records and envelopes"). */
class PayloadTypesTest {
    private static final Pattern GRAMMAR =
            Pattern.compile("application/vnd\\.cbamledger\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.v1\\+json");
    private static final String ALPHABET = "az09-.+/AZ_ \u00e9";

    @Test
    void everyKindAndEveryOneCharacterEditOfIt_readsAsTheGrammarReadsIt() {
        List<String> types = new ArrayList<>(List.of("", "application/vnd.cbamledger..v1+json",
                "application/vnd.cbamledger.v1+json", "application/vnd.cbamledger.-.v1+json",
                "application/vnd.cbamledger.a.v1+json.v1+json", "application/vnd.cbamledger.a.v2+json",
                "xapplication/vnd.cbamledger.meter.v1+json", "application/vnd.cbamledger.meter.v1+jsonx"));
        for (String kind : List.of("meter", "meter-reading-batch", "a", "0", "key-registration", "x9-y8-z7", "ab--c", "-ab",
                "ab-", "Meter", "meter_reading", "meter.reading")) {
            String type = "application/vnd.cbamledger." + kind + ".v1+json";
            types.add(type);
            for (int i = 0; i < type.length(); i++) {
                types.add(type.substring(0, i) + type.substring(i + 1));
                for (char c : ALPHABET.toCharArray()) {
                    types.add(type.substring(0, i) + c + type.substring(i + 1));
                    types.add(type.substring(0, i) + c + type.substring(i));
                }
            }
        }
        for (String type : types) {
            Matcher m = GRAMMAR.matcher(type);
            assertEquals(m.matches() ? m.group(1) : null, PayloadTypes.kind(type), type);
        }
    }
}
