package org.cbamledger.exchange.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The CBAM registry's source of electricity (Catena-X {@code sourceOfElectricity}): SOE01 direct technical link,
 * SOE02 power purchase agreement, SOE03 the grid. A statement's electricity is metered by evidence class; the source
 * reported is the one that supplied most of the energy.
 */
enum ElectricitySource {
    SOE01(List.of("direct-line", "on-site-renewable")),
    SOE02(List.of("ppa-renewable")),
    SOE03(List.of("grid", "backup-fossil", "replacement", "unverified"));

    private final List<String> classes;

    ElectricitySource(List<String> classes) {
        this.classes = classes;
    }

    BigDecimal energyMwh(StatementFigures figures) {
        return classes.stream().map(c -> figures.figure("electricity." + c + ".energyMwh").orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static ElectricitySource largest(StatementFigures figures) {
        Map.Entry<ElectricitySource, BigDecimal> best = Map.entry(SOE03, BigDecimal.ZERO);
        for (ElectricitySource source : values()) {
            BigDecimal mwh = source.energyMwh(figures);
            if (mwh.compareTo(best.getValue()) > 0) {
                best = Map.entry(source, mwh);
            }
        }
        return best.getKey();
    }
}
