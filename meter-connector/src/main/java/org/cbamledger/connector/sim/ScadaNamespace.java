package org.cbamledger.connector.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * SCADA values as a SCADA or historian gateway would serve them: variables whose value is the
 * simulated counter at the moment of the read. Faults turn reads Bad (offline) or stale (old
 * source timestamp).
 */
final class ScadaNamespace extends ManagedNamespaceWithLifecycle {
    static final String NAMESPACE_URI = "urn:cbam-ledger:simulator:scada";

    private final SubscriptionModel subscriptionModel;

    ScadaNamespace(OpcUaServer server, Map<String, Supplier<Object>> variables, SimulatorFaults faults,
            Duration staleBy) {
        super(server, NAMESPACE_URI);
        subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(() -> variables.forEach((name, value) -> {
            Object initial = value.get();
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(name))
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(initial instanceof Long ? NodeIds.Int64 : NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .build();
            node.getFilterChain().addLast(AttributeFilters.getValue(ctx -> {
                if (faults.offline()) {
                    return new DataValue(new StatusCode(StatusCodes.Bad_NoCommunication));
                }
                DateTime now = DateTime.now();
                DateTime source = staleBy.isZero() ? now : new DateTime(now.getJavaInstant().minus(staleBy));
                return new DataValue(new Variant(value.get()), StatusCode.GOOD, source, now);
            }));
            node.addReference(new Reference(node.getNodeId(), NodeIds.HasComponent, NodeIds.ObjectsFolder.expanded(),
                    Reference.Direction.INVERSE));
            getNodeManager().addNode(node);
        }));
    }

    NodeId nodeId(String name) {
        return newNodeId(name);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
