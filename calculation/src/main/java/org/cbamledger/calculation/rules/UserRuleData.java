package org.cbamledger.calculation.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user's rule-data file: values published after the build (a quarter's or a week's certificate price), in the
 * override format ({@link RuleSets#OVERRIDES_FORMAT}), so that every value it adds is listed in the calculation with
 * its citation. It lives at {@code $CBAM_RULE_DATA}, else {@code $CBAM_HOME/var/rule-data/user-rules.json}.
 */
public final class UserRuleData {
    /** Quarterly in 2026 (IR 2025/2548 Art. 1), weekly (ISO week) from 2027. */
    private static final Pattern QUARTER_2026 = Pattern.compile("2026-Q[1-4]");
    private static final Pattern WEEK = Pattern.compile("(20[2-9][0-9])-W(0[1-9]|[1-4][0-9]|5[0-3])");

    private UserRuleData() {}

    public static Path defaultLocation() {
        String explicit = System.getenv("CBAM_RULE_DATA");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = System.getenv("CBAM_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home, "var", "rule-data", "user-rules.json");
    }

    /** The values of the file, none when it does not exist yet. */
    public static List<RuleOverride> read(Path file) throws CalculationException {
        return Files.exists(file) ? RuleSets.readOverrides(file) : List.of();
    }

    /** Checks a price period: {@code 2026-Q1} to {@code 2026-Q4}, then {@code 2027-W01} onwards. */
    public static void requirePricePeriod(String period) throws CalculationException {
        var week = WEEK.matcher(period);
        boolean weekly = week.matches() && Integer.parseInt(week.group(1)) >= 2027;
        if (!QUARTER_2026.matcher(period).matches() && !weekly) {
            throw new CalculationException("price period " + period + ": prices are quarterly in 2026 (2026-Q1 .. 2026-Q4)"
                    + " and weekly from 2027 (2027-W01, ISO weeks)");
        }
    }

    /**
     * Adds the published certificate price of a period with its citation. A period already in the file is refused
     * unless {@code replace}: a published price does not change silently.
     */
    public static RuleEntry addPrice(Path file, String period, BigDecimal eur, String citation, RuleStatus status, boolean replace)
            throws CalculationException {
        requirePricePeriod(period);
        if (eur.signum() <= 0 || !Decimals.fitsDecimalString(eur)) {
            throw new CalculationException("price " + eur.toPlainString() + " EUR: must be a positive decimal");
        }
        if (citation == null || citation.isBlank()) {
            throw new CalculationException("a price needs its citation (where it was published)");
        }
        ObjectNode root = Files.exists(file) ? readObject(file) : newFile();
        ObjectNode overrides = (ObjectNode) root.get("overrides");
        String key = RuleKeys.certificatePrice(period);
        if (overrides.has(key) && !replace) {
            throw new CalculationException(file + " already holds " + key + " = " + overrides.get(key).path("value").asString()
                    + ": give --replace to change it");
        }
        RuleEntry entry = new RuleEntry(key, eur, "EUR/tCO2e", citation, status);
        ObjectNode node = entry.toJson();
        node.put("reason", "published certificate price added with ./cbam rules add-price");
        overrides.set(key, node);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, JsonMappers.PLAIN.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            throw new CalculationException(file + ": cannot write: " + e.getMessage(), e);
        }
        RuleSets.readOverrides(file);
        return entry;
    }

    private static ObjectNode newFile() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", RuleSets.OVERRIDES_FORMAT);
        root.putObject("overrides");
        return root;
    }

    private static ObjectNode readObject(Path file) throws CalculationException {
        RuleSets.readOverrides(file);
        try {
            return (ObjectNode) JsonMappers.PLAIN.readTree(Files.readAllBytes(file));
        } catch (IOException | JacksonException e) {
            throw new CalculationException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
