package io.connectorkit.flink;

import io.connectorkit.runtime.SplitPlan;
import java.util.List;
import java.util.Objects;

/**
 * What the enumerator keeps in a Flink checkpoint: the job's split plan, made once when the job first started and
 * never again, and the splits no reader holds (never assigned yet, or given back by a reader that failed, with the
 * checkpoint they resume from). The splits readers hold are in the readers' own state.
 *
 * <p>An immutable value, thread-safe.
 *
 * @param plan the plan: the component, its configuration's fingerprint, every split's descriptor
 * @param unassigned the splits to assign, in order; each is a split of {@code plan}
 */
public record EnumeratorState(SplitPlan plan, List<ConnectorKitSplit> unassigned) {

    /**
     * @throws IllegalArgumentException when a split to assign is not the plan's split of that id
     */
    public EnumeratorState {
        Objects.requireNonNull(plan, "plan");
        unassigned = List.copyOf(unassigned);
        for (ConnectorKitSplit split : unassigned) {
            if (!plan.split(split.splitId()).map(split.split()::equals).orElse(false)) {
                throw new IllegalArgumentException("the split '" + split.splitId() + "' to assign is not a split of "
                        + "the plan of " + plan.componentId() + " (its splits: " + plan.splits().size() + ")");
            }
        }
    }
}
