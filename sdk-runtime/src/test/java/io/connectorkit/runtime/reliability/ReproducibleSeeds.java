package io.connectorkit.runtime.reliability;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Makes every jqwik property of this module reproducible. Registered for all of them through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook} (test resources).
 *
 * <ul>
 *   <li>By default (the build, CI) each property runs with the fixed seed {@value #DEFAULT_SEED}: the same cases on
 *       every machine and every run, so a build that passed once passes again, and a failure is a change.</li>
 *   <li>{@code -Dconnectorkit.jqwik.seed=random} lets jqwik draw a new seed per property, to look for new cases;
 *       {@code -Dconnectorkit.jqwik.seed=N} runs with seed {@code N}, to replay one.</li>
 *   <li>A property's own {@code @Property(seed = "...")} wins over both.</li>
 *   <li>A failing property prints its seed and the command line that replays it.</li>
 * </ul>
 * With {@code jqwik.failures.after.default = RANDOM_SEED} ({@code junit-platform.properties}), jqwik's failure
 * database under {@code target/} never replaces the seed: it only runs the last failures first.
 */
public final class ReproducibleSeeds implements AroundPropertyHook {

    /** The system property that chooses the seed. */
    public static final String SEED_PROPERTY = "connectorkit.jqwik.seed";

    /** The seed of every property when {@value #SEED_PROPERTY} is not set. */
    public static final String DEFAULT_SEED = "8736024571023";

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String wanted = System.getProperty(SEED_PROPERTY, DEFAULT_SEED).trim();
        boolean random = wanted.equalsIgnoreCase("random");
        if (!random && context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(wanted);
        }
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("jqwik seeds: " + (random ? "random (-D" + SEED_PROPERTY + "=random)"
                    : "fixed " + wanted + " (-D" + SEED_PROPERTY + "=random for new cases)"));
        }
        PropertyExecutionResult result = property.execute();
        if (result.status() == PropertyExecutionResult.Status.FAILED) {
            String seed = result.seed().orElse("unknown");
            System.err.println("jqwik: " + context.extendedLabel() + " failed with seed " + seed
                    + "; replay it with: mvn -B verify -pl sdk-runtime -am -Dtest='"
                    + context.containerClass().getSimpleName() + "#" + context.targetMethod().getName()
                    + "' -Dsurefire.failIfNoSpecifiedTests=false -D" + SEED_PROPERTY + "=" + seed);
        }
        return result;
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return true;
    }
}
