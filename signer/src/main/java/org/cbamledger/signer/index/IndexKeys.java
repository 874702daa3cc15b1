package org.cbamledger.signer.index;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Under which keys a record is indexed: records that name an installation and a period, once per month the period
 * touches. Records without an installation or a date (keys, parties, factors, meters, reading batches, which a room
 * reaches by reference) are not indexed. A room's scope is the installation's {@link #ROOM_KINDS} in every month of
 * its period: the room takes all of those entries, so an omitted one shows.
 */
public final class IndexKeys {
    /** Where a kind keeps its installation and its first and last date ({@code month}: a YYYY-MM month). */
    private record Fields(String installation, String from, String to) {}

    private static final Map<String, Fields> INDEXED = Map.of(
            Kinds.CALCULATION, new Fields("/installation/installationId", "/period/from", "/period/to"),
            Kinds.PRODUCTION_BATCH, new Fields("/installationId", "/periodFrom", "/periodTo"),
            Kinds.FUEL_CONSUMPTION, new Fields("/installationId", "/periodFrom", "/periodTo"),
            Kinds.ELECTRICITY_CONSUMPTION, new Fields("/installationId", "/periodFrom", "/periodTo"),
            Kinds.ALLOCATION_MODEL, new Fields("/installationId", "/periodFrom", "/periodTo"),
            Kinds.PRECURSOR_PURCHASE, new Fields("/installationId", "/deliveryDate", "/deliveryDate"),
            Kinds.SUPPLY_SETTLEMENT, new Fields("/installationId", "/month", "/month"));

    /** The kinds of a room's scope: every such entry of the installation in a month of the room's period. */
    public static final Set<String> ROOM_KINDS = Set.of(Kinds.CALCULATION, Kinds.FUEL_CONSUMPTION,
            Kinds.ELECTRICITY_CONSUMPTION, Kinds.ALLOCATION_MODEL, Kinds.PRECURSOR_PURCHASE, Kinds.SUPPLY_SETTLEMENT);

    /** A period longer than this is not indexed month by month (no record of ours spans more than a few years). */
    static final int MAX_MONTHS = 120;

    private IndexKeys() {}

    /** False for a kind {@link #of} never indexes: its records need not be read to learn that (a year's batches). */
    public static boolean indexes(String kind) {
        return INDEXED.containsKey(kind);
    }

    /** The keys of a record (its {@code kind} member names the kind); none when it is not indexed. */
    public static List<IndexKey> of(JsonNode record) {
        String kind = record.path("kind").asString("");
        Fields fields = INDEXED.get(kind);
        if (fields == null) {
            return List.of();
        }
        JsonNode installation = record.at(fields.installation());
        YearMonth from = month(record.at(fields.from()));
        YearMonth to = month(record.at(fields.to()));
        if (!installation.isString() || from == null || to == null || to.isBefore(from)
                || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            return List.of();
        }
        List<IndexKey> keys = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            keys.add(new IndexKey(installation.asString(), kind, m));
        }
        return keys;
    }

    /** The keys of a room's scope: its installation, {@link #ROOM_KINDS}, every month its period touches. */
    public static List<IndexKey> roomScope(String installationId, LocalDate periodFrom, LocalDate periodTo) {
        List<IndexKey> keys = new ArrayList<>();
        for (String kind : ROOM_KINDS.stream().sorted().toList()) {
            for (YearMonth m = YearMonth.from(periodFrom); !m.isAfter(YearMonth.from(periodTo)); m = m.plusMonths(1)) {
                keys.add(new IndexKey(installationId, kind, m));
            }
        }
        return keys;
    }

    private static YearMonth month(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        String text = value.asString();
        try {
            return text.length() == 7 ? YearMonth.parse(text) : YearMonth.from(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
