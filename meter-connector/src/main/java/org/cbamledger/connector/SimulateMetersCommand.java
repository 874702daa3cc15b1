package org.cbamledger.connector;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cbamledger.connector.sim.MeterSimulation;
import org.cbamledger.connector.sim.OpcUaScadaSimulator;
import org.cbamledger.connector.time.AcceleratedTimeSource;
import org.cbamledger.connector.time.SystemTimeSource;
import org.cbamledger.connector.time.TimeSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./cbam simulate-meters}: Modbus TCP meters and an OPC UA SCADA server on this host, with
 * commands on standard input to inject faults.
 */
@Command(name = "simulate-meters", mixinStandardHelpOptions = true,
        description = "Serves simulated meters: Modbus TCP units 1 (janitza-umg604), 2 (siemens-pac3200), 3 (generic)"
                + " and OPC UA SCADA counters. Type 'help' on standard input for fault commands.")
public final class SimulateMetersCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--modbus-port", defaultValue = "5020", description = "Modbus TCP port (default ${DEFAULT-VALUE})")
    int modbusPort;

    @Option(names = "--opcua-port", defaultValue = "4840", description = "OPC UA port (default ${DEFAULT-VALUE})")
    int opcUaPort;

    @Option(names = "--acceleration", defaultValue = "1",
            description = "simulated seconds per real second (default ${DEFAULT-VALUE})")
    double acceleration;

    @Option(names = "--start", description = "simulated start time, RFC 3339 UTC (default: now)")
    Instant start;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulateMetersCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        TimeSource time = acceleration > 1 || start != null
                ? AcceleratedTimeSource.startingNow(start != null ? start : Instant.now(), acceleration)
                : new SystemTimeSource();
        try (MeterSimulation simulation = new MeterSimulation(host, modbusPort, opcUaPort, time).start()) {
            OpcUaScadaSimulator opcUa = simulation.opcUa();
            System.out.println("simulate-meters: Modbus TCP on " + host + ":" + modbusPort
                    + " (unit 1 janitza-umg604, unit 2 siemens-pac3200, unit 3 generic)");
            System.out.println("simulate-meters: OPC UA on " + opcUa.endpointUrl() + " nodes "
                    + opcUa.nodeId(MeterSimulation.OPC_ENERGY) + ", " + opcUa.nodeId(MeterSimulation.OPC_GAS) + ", "
                    + opcUa.nodeId(MeterSimulation.OPC_PRODUCTION));
            System.out.println("simulate-meters: clock x" + acceleration + ", now " + time.now()
                    + "; commands: disconnect, reconnect, slow MILLIS, reset UNIT, set UNIT KWH, opcua-offline,"
                    + " opcua-online, quit");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                try {
                    switch (words[0]) {
                        case "disconnect" -> simulation.modbus().disconnect();
                        case "reconnect" -> simulation.modbus().reconnect();
                        case "slow" -> simulation.modbus().faults().setResponseDelay(Duration.ofMillis(Long.parseLong(words[1])));
                        case "reset" -> simulation.modbusCounter(Integer.parseInt(words[1])).reset();
                        case "set" -> simulation.modbusCounter(Integer.parseInt(words[1])).set(Double.parseDouble(words[2]));
                        case "opcua-offline" -> simulation.opcUaFaults().setOffline(true);
                        case "opcua-online" -> simulation.opcUaFaults().setOffline(false);
                        case "quit" -> {
                            return 0;
                        }
                        case "" -> { }
                        default -> System.out.println("unknown command: " + line);
                    }
                    System.out.println("ok " + line.trim() + " at " + time.now());
                } catch (RuntimeException e) {
                    System.out.println("failed: " + line + ": " + e.getMessage());
                }
            }
            // Standard input closed (e.g. started in the background): serve until killed.
            Thread.currentThread().join();
        }
        return 0;
    }
}
