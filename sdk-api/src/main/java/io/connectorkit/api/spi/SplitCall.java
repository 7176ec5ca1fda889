package io.connectorkit.api.spi;

/**
 * A generated call of a partition mapper's {@code @Split} method. An interface of its own rather than a
 * {@code java.util.function.BiFunction}: the generated class that implements it also implements {@code Function},
 * and the two declare conflicting {@code andThen} methods.
 */
@FunctionalInterface
public interface SplitCall {

    /**
     * Calls {@code @Split} on {@code mapper}.
     *
     * @param mapper a mapper instance of the component
     * @param desiredSize the desired size of one split, 1 or more
     * @return what the method returned: a {@code java.util.List} of mappers, or {@code null}
     */
    Object split(Object mapper, long desiredSize);
}
