package org.cbamledger.service.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database of the shared PostgreSQL migrated step by step, for tests of a migration's backfill. */
public final class Migrations {
    private Migrations() {}

    public static PGSimpleDataSource freshDatabase() {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(SharedPostgres.newDatabase());
        db.setUser("postgres");
        return db;
    }

    /** Migrates to {@code target}: a version such as "4", or "latest". */
    public static void migrate(PGSimpleDataSource db, String target) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load().migrate();
    }

    /** The first column of every row the query answers. */
    public static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        return found;
    }
}
