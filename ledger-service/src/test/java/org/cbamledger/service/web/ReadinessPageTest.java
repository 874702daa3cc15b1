package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The readiness page's HTML without a browser: escaping, statuses, the meter tree and the evidence links. */
class ReadinessPageTest {
    private static final String LOG = "page-test";
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'quoted'";
    private static String html;

    @BeforeAll
    static void render() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        List<StoredEntry> entries = new ArrayList<>();
        add(entries, key, record("installation").put("installationId", "INST-1").put("name", HOSTILE));
        add(entries, key, meterRole("main", "grid-import", null, null));
        add(entries, key, meterRole("press-a", "process", "main", "LINE-A"));
        add(entries, key, meterRole("press-b", "process", "main", "LINE-B"));
        add(entries, key, meterRole("lathe", "process", "press-a", "LINE-A").put("description", HOSTILE));
        add(entries, key, record("production-batch").put("installationId", "INST-1").put("batchId", "B1")
                .put("lineId", "LINE-A").put("periodFrom", "2026-01-01").put("periodTo", "2026-03-31"));
        StoredCheckpoint checkpoint = new StoredCheckpoint(5, new byte[32], "note");
        html = ReadinessPage.render(new ReadinessInput(new LogInfo(LOG, LogInfo.originOf(LOG), "Operator " + HOSTILE, null),
                Optional.of(checkpoint), new LogEvidenceLinks(LOG, 5), Optional.empty(), Optional.of("Data room " + HOSTILE)),
                ReadinessView.of(entries, List.of()));
    }

    private static ObjectNode record(String kind) {
        return JsonNodeFactory.instance.objectNode().put("kind", kind);
    }

    private static ObjectNode meterRole(String meterId, String role, String parent, String line) {
        ObjectNode r = record("meter-role").put("installationId", "INST-1").put("meterId", meterId).put("role", role);
        if (parent != null) {
            r.put("parentMeterId", parent);
        }
        if (line != null) {
            r.put("lineId", line);
        }
        return r;
    }

    private static void add(List<StoredEntry> entries, SigningKey key, ObjectNode record) throws Exception {
        Envelope envelope = Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), key);
        entries.add(new StoredEntry(entries.size(), envelope.leafHash(), record.get("kind").asString(),
                envelope.canonicalBytes()));
    }

    @Test
    void everyOutsideText_isEscaped_andThePageLoadsNothingFromElsewhere() {
        assertFalse(html.contains("<script"), "no script element at all");
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"));
        assertTrue(html.contains("<p class=\"scope\">Data room &lt;script&gt;"), "the room's scope line, escaped");
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("@import"));
    }

    @Test
    void statusRow_marksWhatIsPresentMissingAndNotNeeded() {
        String row = between("<tr class=\"status-row\"", "</tr>");
        assertTrue(row.contains("data-installation=\"INST-1\""), row);
        assertEquals("present", state(row, "production"));
        assertEquals("present", state(row, "metering"));
        assertEquals("missing", state(row, "fuel"));
        assertEquals("missing", state(row, "allocation-model"));
        assertEquals("not-needed", state(row, "ppa-contract"));
        assertEquals("not-needed", state(row, "settlements"));
        assertEquals("not-needed", state(row, "supplier-statements"));
        assertEquals("missing", state(row, "calculation"));
        assertEquals("missing", state(row, "statement"));
    }

    @Test
    void meterTree_nestsChildrenUnderTheirParent() {
        String tree = between("<ul class=\"meter-tree\"", "</ul></li></ul>");
        int main = tree.indexOf("data-meter-id=\"main\"");
        int pressA = tree.indexOf("data-meter-id=\"press-a\" data-parent-meter-id=\"main\"");
        int lathe = tree.indexOf("data-meter-id=\"lathe\" data-parent-meter-id=\"press-a\"");
        int pressB = tree.indexOf("data-meter-id=\"press-b\" data-parent-meter-id=\"main\"");
        assertTrue(main >= 0 && main < pressA && pressA < lathe && lathe < pressB, tree);
        assertTrue(tree.contains("line LINE-A"));
    }

    @Test
    void evidenceLinks_pointAtTheEntryAndItsProofAgainstTheCheckpoint_orSayNoCheckpointCoversIt() {
        assertTrue(html.contains("href=\"/logs/page-test/entries/1\""));
        assertTrue(html.contains("href=\"/logs/page-test/proofs/inclusion?index=1&amp;treeSize=5\""));
        String beyond = between("data-leaf-index=\"5\"", "</span></span>");
        assertTrue(beyond.contains("no checkpoint covers it yet"), beyond);
        assertFalse(beyond.contains("proofs/inclusion"), beyond);
    }

    @Test
    void logLinks_encodeTheirPathSegments() {
        LogEvidenceLinks links = new LogEvidenceLinks("a-log", 3);
        assertEquals("/logs/a-log/statements/st%201%2F2", links.statement("st 1/2"));
        assertEquals(Optional.empty(), links.inclusionProof(3));
        assertEquals("/ui/logs/a-log?month=2026-04", links.view(java.time.YearMonth.of(2026, 4)));
    }

    private static String between(String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + html);
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    private static String state(String row, String category) {
        Matcher m = Pattern.compile("data-category=\"" + category + "\" data-state=\"([a-z-]+)\"").matcher(row);
        assertTrue(m.find(), category + " in " + row);
        return m.group(1);
    }
}
