package io.connectorkit.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link PartitionMapper} that splits it: it returns the narrower mappers, each of about the
 * desired size it receives ({@link PartitionSize}), which read disjoint parts and together read everything this
 * mapper reads. Returning a list holding this mapper alone means "cannot split".
 *
 * <p>Called by the runtime once per plan, on a new mapper instance, on the host's thread. The same configuration must
 * give the same splits in the same order (list files sorted, not in directory order): a split's identity comes from
 * its configuration or its {@link SplitId}. The runtime reads each returned mapper's configuration back through its
 * getters; that configuration is the split's descriptor.
 *
 * <h2>Constraints</h2>
 * Checked at compile time by the Connector Kit annotation processor, one error per broken rule:
 * <ul>
 *   <li>It is on a method of a {@link PartitionMapper} class, which has exactly one.</li>
 *   <li>It is public and non-static.</li>
 *   <li>It returns {@code java.util.List} of the mapper class itself ({@code List<FolderMapper>}).</li>
 *   <li>It has exactly one parameter, annotated {@link PartitionSize}, of type {@code long}.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Split {
}
