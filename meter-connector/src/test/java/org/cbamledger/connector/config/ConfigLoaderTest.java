package org.cbamledger.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.DataType;
import org.cbamledger.connector.register.WordOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static Path moduleDir() throws Exception {
        // target/test-classes -> module directory
        return Path.of(ConfigLoaderTest.class.getResource("/connector-example.yaml").toURI()).getParent().getParent()
                .getParent();
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("connector.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readmeExample_isTheTestedExampleAndLoads() throws Exception {
        String example = Files.readString(moduleDir().resolve("src/test/resources/connector-example.yaml"));
        String readme = Files.readString(moduleDir().resolve("README.md"));
        assertTrue(readme.contains(example), "README.md shows connector-example.yaml verbatim");
        Files.writeString(dir.resolve("connector.token"), "eyJ.token\n");
        ConnectorConfig config = ConfigLoader.load(write(example));
        assertEquals("eyJ.token", config.bearerToken());
        assertEquals("gw-belgrade-extrusion-1", config.deviceId());
        assertEquals(URI.create("http://127.0.0.1:8080"), config.ledgerUrl());
        assertEquals(Duration.ofMinutes(15), config.intervalLength());
        assertEquals(3, config.modbus().size());
        assertEquals(19068, config.modbus().get(0).registerMap().spec(Channel.ACTIVE_ENERGY_IMPORT_KWH).address());
        assertEquals("ns=2;s=Plant/Line1/EnergyCounterKwh", config.opcua().get(0).nodes().get(0).nodeId());
        assertEquals(dir.resolve("var/connector-journal"), config.journalDir());
    }

    @Test
    void registerOverride_andWordOrder_applyToTheDevice() throws Exception {
        ConnectorConfig config = ConfigLoader.load(write("""
                deviceId: gw-1
                deviceKeyFile: k.pem
                ledger: {url: "http://127.0.0.1:1", logId: abc}
                journal: {dir: j}
                modbus:
                  - {meterId: m1, host: h, unitId: 4, model: generic, wordOrder: WORD_SWAPPED,
                     registers: {ACTIVE_ENERGY_IMPORT_KWH: {address: 40, type: INT64, rawUnit: Wh, scale: "0.001"}}}
                """));
        var spec = config.modbus().getFirst().registerMap().spec(Channel.ACTIVE_ENERGY_IMPORT_KWH);
        assertEquals(40, spec.address());
        assertEquals(DataType.INT64, spec.type());
        assertEquals(WordOrder.WORD_SWAPPED, spec.wordOrder());
        assertEquals(WordOrder.WORD_SWAPPED,
                config.modbus().getFirst().registerMap().spec(Channel.ACTIVE_POWER_KW).wordOrder());
    }

    @Test
    void badValues_areNamedByTheirPath() throws Exception {
        String head = """
                deviceId: gw-1
                deviceKeyFile: k.pem
                ledger: {url: "http://127.0.0.1:1", logId: abc}
                journal: {dir: j}
                """;
        assertEquals("config modbus[0].port must be between 1 and 65535, got 70000", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(head + "modbus: [{meterId: m1, host: h, port: 70000, model: generic}]")))
                .getMessage());
        assertEquals("config modbus[0].model: no register map for device model \"abb-b23\" (known: janitza-umg604,"
                + " siemens-pac3200, generic)", assertThrows(ConfigException.class,
                        () -> ConfigLoader.load(write(head + "modbus: [{meterId: m1, host: h, model: abb-b23}]")))
                .getMessage());
        assertEquals("config modbus[1].meterId \"m1\" is used twice", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(head + "modbus: [{meterId: m1, host: h, model: generic},"
                        + " {meterId: m1, host: h, model: generic}]"))).getMessage());
        assertEquals("config polling.intervalMinutes (15 min) must be a whole multiple of polling.pollIntervalSeconds"
                + " (7 s)", assertThrows(ConfigException.class, () -> ConfigLoader.load(write(head
                        + "polling: {pollIntervalSeconds: 7}\nmodbus: [{meterId: m1, host: h, model: generic}]")))
                .getMessage());
        assertEquals("config opcua[0].nodes[0].nodeId is not an OPC UA node id (e.g. ns=2;s=Plant/Line1/EnergyCounterKwh),"
                + " got \"Plant/Line1\"", assertThrows(ConfigException.class, () -> ConfigLoader.load(write(head
                        + "opcua: [{endpointUrl: \"opc.tcp://h:4840\", nodes: [{meterId: m1, nodeId: Plant/Line1}]}]")))
                .getMessage());
        assertEquals("config has no meters: add entries under \"modbus\" or \"opcua\"",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(write(head))).getMessage());
    }
}
