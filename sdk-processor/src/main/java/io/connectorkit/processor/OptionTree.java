package io.connectorkit.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The option tree of one emitter's constructor.
 *
 * @param parameters one node per constructor parameter, in order (services included)
 * @param checkpoints the {@code @Checkpoint} options outside lists, in declaration order (depth first)
 * @param checkpointClasses every {@code @Checkpoint} class the tree reaches, lists included
 */
record OptionTree(List<OptionNode> parameters, List<Reach> checkpoints, Set<TypeElement> checkpointClasses) {

    /** A {@code @Checkpoint} option: its dotted path, the field or parameter declaring it, and its class. */
    record Reach(String path, Element element, TypeElement type) {
    }
}
