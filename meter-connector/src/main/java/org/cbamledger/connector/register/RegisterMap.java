package org.cbamledger.connector.register;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registers of one device model (OpenEMS keeps the same idea in each vendor bundle's
 * {@code defineModbusProtocol}; ours is data, loaded from {@code register-maps/<model>.json}).
 *
 * @param functionCode 3 (read holding registers) or 4 (read input registers)
 */
public record RegisterMap(String model, String description, int functionCode, Map<Channel, RegisterSpec> channels,
        List<String> sources) {
    public RegisterMap {
        if (functionCode != 3 && functionCode != 4) {
            throw new IllegalArgumentException("function code must be 3 or 4, got " + functionCode);
        }
        if (!channels.containsKey(Channel.ACTIVE_ENERGY_IMPORT_KWH)) {
            throw new IllegalArgumentException("register map " + model + " has no ACTIVE_ENERGY_IMPORT_KWH channel");
        }
        channels = Map.copyOf(channels);
        sources = List.copyOf(sources);
    }

    public RegisterSpec spec(Channel channel) {
        return channels.get(channel);
    }

    /** The same map with every register read in {@code wordOrder} (a gateway or firmware that swaps words). */
    public RegisterMap withWordOrder(WordOrder wordOrder) {
        Map<Channel, RegisterSpec> changed = new EnumMap<>(Channel.class);
        channels.forEach((channel, s) -> changed.put(channel,
                new RegisterSpec(s.address(), s.type(), wordOrder, s.scale(), s.rawUnit(), s.rolloverRaw())));
        return new RegisterMap(model, description, functionCode, changed, sources);
    }

    /** The same map with one channel's register replaced (site-specific generic devices). */
    public RegisterMap withChannel(Channel channel, RegisterSpec spec) {
        Map<Channel, RegisterSpec> changed = new EnumMap<>(Channel.class);
        changed.putAll(channels);
        changed.put(channel, spec);
        return new RegisterMap(model, description, functionCode, changed, sources);
    }
}
