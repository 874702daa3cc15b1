package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void remove_deletesTheTreeBelow_butNotWhatALinkInItPointsTo() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.write(Files.createDirectories(work.resolve("service/pg/base")).resolve("1259"), new byte[] {1, 2});
        Files.write(work.resolve("year.zip"), new byte[] {3});
        Path outside = Files.writeString(Files.createDirectories(temp.resolve("elsewhere")).resolve("keep.txt"), "kept");
        Files.createSymbolicLink(work.resolve("link"), outside.getParent());
        WorkDirectory.remove(work);
        assertFalse(Files.exists(work));
        assertTrue(Files.exists(outside), "a link is removed, not followed");
    }
}
