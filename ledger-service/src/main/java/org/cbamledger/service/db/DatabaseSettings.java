package org.cbamledger.service.db;

import java.nio.file.Path;

/** Where the ledger's PostgreSQL is: {@code jdbcUrl} blank means an embedded server in {@code embeddedDataDir}. */
public record DatabaseSettings(String jdbcUrl, String user, String password, Path embeddedDataDir, int poolSize) {}
