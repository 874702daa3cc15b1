package org.cbamledger.calculation.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.rules.DefaultValueRow;
import org.cbamledger.calculation.rules.DefaultValueTable;
import org.cbamledger.calculation.rules.RuleEntry;
import org.cbamledger.calculation.rules.RuleOverride;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.calculation.rules.RuleStatus;
import org.cbamledger.calculation.rules.UserRuleData;

/**
 * {@code ./cbam rules list [--rule-set ID] [--country CC] [--file F]}: every value of a rule set with its status and
 * citation, the user's rule data applied; {@code ./cbam rules add-price --period P --eur X --citation C [--status S]
 * [--replace] [--file F]}: adds a published certificate price to the user's rule-data file.
 */
public final class RulesCommand {
    static final String USAGE = """
            usage: ./cbam rules list [--rule-set ID] [--country CC] [--file USER_RULE_DATA]
                   ./cbam rules add-price --period 2026-Q2|2027-W05 --eur 71.10 --citation "where it was published"
                                          [--status confirmed|unconfirmed] [--replace] [--file USER_RULE_DATA]
            The user's rule data lives at $CBAM_RULE_DATA, else $CBAM_HOME/var/rule-data/user-rules.json.""";

    private RulesCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit status: 0 done, 1 refused (with the reason on {@code err}), 2 usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, 1, List.of("--rule-set", "--country", "--file", "--period", "--eur", "--citation",
                    "--status"), List.of("--replace"));
        } catch (IllegalArgumentException e) {
            err.println("cbam rules: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.positional().size() != 1) {
            err.println(USAGE);
            return 2;
        }
        Path file = options.value("--file").map(Path::of).orElseGet(UserRuleData::defaultLocation);
        try {
            switch (options.positional().getFirst()) {
                case "list" -> list(options, file, out);
                case "add-price" -> addPrice(options, file, out);
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (CalculationException | IllegalArgumentException e) {
            err.println("cbam rules: " + e.getMessage());
            return 1;
        }
    }

    private static void list(Options options, Path file, PrintStream out) throws CalculationException {
        String id = options.value("--rule-set").orElse(RuleSets.EU_DEFINITIVE_2026);
        RuleSet rules = RuleSets.load(id, UserRuleData.read(file));
        out.println("rule set " + rules.id() + " version " + rules.version() + ", sha256 " + rules.sha256Hex());
        out.println("charged basis: " + rules.chargedBasis().wireName() + " (" + rules.chargedBasisCitation() + ")");
        out.println("user rule data: " + file + (rules.overrides().isEmpty() ? " (none)" : " (" + rules.overrides().size() + " values)"));
        for (Map.Entry<String, RuleEntry> entry : rules.entries().entrySet()) {
            RuleEntry e = entry.getValue();
            boolean user = rules.overrides().stream().map(RuleOverride::key).anyMatch(entry.getKey()::equals);
            out.println("  " + e.key() + " = " + Decimals.plain(e.value()) + " " + e.unit() + "  [" + e.status().wireName()
                    + (user ? ", user rule data" : "") + "]  " + e.citation());
        }
        DefaultValueTable table = rules.defaultValues();
        out.println("default values: " + table.rowCount() + " rows, " + table.countryCodes().size()
                + " country rows (OTHER = \"" + DefaultValueTable.OTHER_COUNTRIES_NAME + "\"), sha256 " + table.sha256Hex());
        out.println("  " + DefaultValueTable.CITATION);
        options.value("--country").ifPresentOrElse(country -> {
            List<DefaultValueRow> rows = table.rows(country);
            if (rows.isEmpty()) {
                out.println("  " + country + " has no rows of its own: it takes the OTHER rows");
            }
            for (DefaultValueRow row : rows) {
                out.println("  " + row.countryCode() + " " + row.cnCode() + " " + row.description() + ": direct "
                        + Decimals.plain(row.directTco2PerTonne()) + ", with mark-up 2026 " + Decimals.plain(row.withMarkup2026Tco2PerTonne())
                        + ", 2027 " + Decimals.plain(row.withMarkup2027Tco2PerTonne()) + ", 2028+ "
                        + Decimals.plain(row.withMarkup2028OnwardsTco2PerTonne()) + " tCO2e/t"
                        + (row.route().isEmpty() ? "" : ", route " + row.route()));
            }
        }, () -> out.println("  countries: " + String.join(" ", table.countryCodes()) + " (--country CC lists one)"));
    }

    private static void addPrice(Options options, Path file, PrintStream out) throws CalculationException {
        String period = options.required("--period");
        BigDecimal eur;
        try {
            eur = new BigDecimal(options.required("--eur"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--eur must be a decimal, e.g. 71.10");
        }
        RuleStatus status = RuleStatus.fromWire(options.value("--status").orElse(RuleStatus.CONFIRMED.wireName()));
        RuleEntry added = UserRuleData.addPrice(file, period, eur, options.required("--citation"), status, options.flag("--replace"));
        out.println("added " + added.key() + " = " + Decimals.plain(added.value()) + " " + added.unit() + " [" + status.wireName()
                + "] to " + file);
    }
}
