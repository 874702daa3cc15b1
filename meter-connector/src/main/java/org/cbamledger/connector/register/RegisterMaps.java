package org.cbamledger.connector.register;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Loads register maps from the classpath: {@code register-maps/<model>.json}. */
public final class RegisterMaps {
    public static final List<String> BUILT_IN = List.of("janitza-umg604", "siemens-pac3200", "generic");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper JSON = JsonMappers.PLAIN;

    private RegisterMaps() {}

    public static RegisterMap load(String model) throws RegisterMapException {
        if (!MODEL.matcher(model).matches()) {
            throw new RegisterMapException("device model \"" + model + "\" is not a valid model name");
        }
        String resource = "register-maps/" + model + ".json";
        try (InputStream in = RegisterMaps.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RegisterMapException("no register map for device model \"" + model + "\" (known: "
                        + String.join(", ", BUILT_IN) + ")");
            }
            return parse(model, JSON.readTree(in));
        } catch (IOException | JacksonException e) {
            throw new RegisterMapException("register map " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    static RegisterMap parse(String model, JsonNode root) throws RegisterMapException {
        String where = "register map " + model;
        WordOrder defaultOrder = WordOrder.valueOf(text(root, "wordOrder", where));
        Map<Channel, RegisterSpec> channels = new EnumMap<>(Channel.class);
        JsonNode channelsNode = root.get("channels");
        if (channelsNode == null || !channelsNode.isObject()) {
            throw new RegisterMapException(where + ": member \"channels\" is missing");
        }
        for (String name : channelsNode.propertyNames()) {
            JsonNode c = channelsNode.get(name);
            String at = where + " channel " + name;
            try {
                Channel channel = Channel.valueOf(name);
                WordOrder order = c.has("wordOrder") ? WordOrder.valueOf(text(c, "wordOrder", at)) : defaultOrder;
                BigDecimal rollover = c.has("rolloverRaw") ? new BigDecimal(text(c, "rolloverRaw", at)) : null;
                channels.put(channel, new RegisterSpec(c.get("address").asInt(), DataType.valueOf(text(c, "type", at)),
                        order, new BigDecimal(text(c, "scale", at)), text(c, "rawUnit", at), rollover));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RegisterMapException(at + " is invalid: " + e.getMessage(), e);
            }
        }
        List<String> sources = new ArrayList<>();
        root.path("sources").forEach(s -> sources.add(s.asString()));
        try {
            return new RegisterMap(model, text(root, "description", where), root.path("functionCode").asInt(3),
                    channels, sources);
        } catch (IllegalArgumentException e) {
            throw new RegisterMapException(where + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String member, String where) throws RegisterMapException {
        JsonNode value = node.get(member);
        if (value == null || !value.isString()) {
            throw new RegisterMapException(where + ": member \"" + member + "\" is missing or not a string");
        }
        return value.asString();
    }
}
