package io.connectorkit.flink;

import io.connectorkit.runtime.SplitPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out the splits of the job's plan, one per request, to whichever reader asks; a reader that asks when none is
 * left is told there are no more. The plan is made once, when the job first starts ({@link ConnectorKitSource}), and
 * restored with the enumerator's state afterwards, never made again. Splits a failed reader held since the last
 * completed checkpoint come back ({@link #addSplitsBack}) with the checkpoint they had then, and go to the next reader
 * that asks.
 *
 * <p>Called by Flink on the coordinator's thread only.
 */
final class ConnectorKitEnumerator implements SplitEnumerator<ConnectorKitSplit, EnumeratorState> {

    private final SplitEnumeratorContext<ConnectorKitSplit> context;
    private final SplitPlan plan;
    private final Deque<ConnectorKitSplit> unassigned;

    ConnectorKitEnumerator(SplitEnumeratorContext<ConnectorKitSplit> context, EnumeratorState state) {
        this.context = context;
        this.plan = state.plan();
        this.unassigned = new ArrayDeque<>(state.unassigned());
    }

    @Override
    public void start() {
        // Readers ask for splits (handleSplitRequest); nothing to discover.
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!context.registeredReaders().containsKey(subtaskId)) {
            return; // the reader failed since it asked; its next attempt asks again
        }
        ConnectorKitSplit next = unassigned.poll();
        if (next == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            context.assignSplit(next, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<ConnectorKitSplit> splits, int subtaskId) {
        // First in line: they were read before the ones never assigned.
        for (int i = splits.size() - 1; i >= 0; i--) {
            unassigned.addFirst(splits.get(i));
        }
    }

    @Override
    public void addReader(int subtaskId) {
        // Readers ask for their splits themselves.
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(plan, List.copyOf(unassigned));
    }

    @Override
    public void close() {
        // Holds nothing: the plan was made before the enumerator.
    }
}
