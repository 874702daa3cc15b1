package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 11 item 5: a hostile file name is never copied raw into an anchor record; the original stays, escaped. */
class FileNamesTest extends EmbeddedS3TestBase {

    @Test
    void sanitise_keepsTheLastSegment_andReplacesWhatCouldHideOrSplit() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("invoice.pdf", FileNames.sanitise("C:\\Users\\x\\invoice.pdf"));
        assertEquals("a__b.csv", FileNames.sanitise("a\r\nb.csv"));
        assertEquals("report_fdp.exe", FileNames.sanitise("report\u202efdp.exe"));
        assertEquals("x_.txt", FileNames.sanitise("x\u0000.txt"));
        assertEquals(FileNames.UNNAMED, FileNames.sanitise(".."));
        assertEquals(FileNames.UNNAMED, FileNames.sanitise("dir/"));
        assertEquals("Rechnung März.pdf", FileNames.sanitise("Rechnung März.pdf"));
    }

    @Test
    void asSubmitted_isPrintableAscii_andOnlyWhenTheNameChanged() {
        assertEquals(Optional.of("report\\u202efdp.exe"), FileNames.asSubmittedIfChanged("report\u202efdp.exe"));
        assertEquals(Optional.of("../a\\u000d\\u000a.csv"), FileNames.asSubmittedIfChanged("../a\r\n.csv"));
        assertEquals(Optional.empty(), FileNames.asSubmittedIfChanged("settlement-2026-03.pdf"));
    }

    @Test
    void anchorOfAHostileName_recordsTheSafeName_andTheOriginalEscaped_andMatchesItsSchema() throws Exception {
        byte[] body = "settlement, March 2026".getBytes(StandardCharsets.UTF_8);
        ArchivedDocument archived = s3.archive.archive(new ByteArrayInputStream(body),
                new DocumentSubmission(Optional.of("../../evil\r\nname\u202etxt.exe\u0000"), "party:supplier-rs", List.of()));
        JsonNode record = archived.anchor().toJson();
        assertEquals("evil__name_txt.exe_", record.get("fileName").asString());
        assertEquals("../../evil\\u000d\\u000aname\\u202etxt.exe\\u0000", record.get("fileNameAsSubmitted").asString());
        RecordValidator.validate(record);
    }
}
