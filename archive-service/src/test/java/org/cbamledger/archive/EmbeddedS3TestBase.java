package org.cbamledger.archive;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One real S3Proxy and archive per test class, on a fresh directory. */
abstract class EmbeddedS3TestBase {
    @TempDir
    static Path directory;

    static TestArchive s3;

    @BeforeAll
    static void startS3() throws ArchiveException {
        s3 = TestArchive.start(directory);
    }

    @AfterAll
    static void stopS3() throws ArchiveException {
        s3.close();
    }
}
