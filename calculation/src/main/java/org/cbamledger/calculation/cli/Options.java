package org.cbamledger.calculation.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line words: positional arguments, {@code --name value} options and {@code --flag}s, each known by name. */
record Options(List<String> positional, Map<String, String> values, Set<String> flags) {

    static Options parse(String[] args, int maxPositional, List<String> valueNames, List<String> flagNames) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (flagNames.contains(arg)) {
                flags.add(arg);
            } else if (valueNames.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                if (values.put(arg, args[++i]) != null) {
                    throw new IllegalArgumentException(arg + " is given twice");
                }
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (positional.size() < maxPositional) {
                positional.add(arg);
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
        }
        return new Options(List.copyOf(positional), Map.copyOf(values), Set.copyOf(flags));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
