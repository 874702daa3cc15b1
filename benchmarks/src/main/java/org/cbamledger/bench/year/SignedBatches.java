package org.cbamledger.bench.year;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cbamledger.signer.SigningKey;

/** The year's daily batches as signed entries: meter by meter (group by group), day by day; signed in parallel. */
final class SignedBatches {
    private SignedBatches() {}

    static List<byte[]> of(PlantYear plant, SigningKey gateway) {
        List<String[]> meters = new ArrayList<>();
        plant.groups.forEach((group, ids) -> IntStream.range(0, ids.size())
                .forEach(i -> meters.add(new String[] {group, Integer.toString(i)})));
        int days = plant.days();
        return IntStream.range(0, meters.size() * days).parallel().mapToObj(n -> {
            String[] meter = meters.get(n / days);
            try {
                return YearRun.sign(plant.batch(meter[0], Integer.parseInt(meter[1]), n % days), gateway);
            } catch (Exception e) {
                throw new IllegalStateException("signing a batch failed", e);
            }
        }).toList();
    }
}
