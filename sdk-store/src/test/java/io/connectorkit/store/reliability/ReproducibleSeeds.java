package io.connectorkit.store.reliability;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
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
 *   <li>Each property prints the seed it ran with; a failing one also prints the command line that replays it.</li>
 * </ul>
 * With {@code jqwik.failures.after.default = RANDOM_SEED} ({@code junit-platform.properties}), jqwik's failure
 * database under {@code target/} never replaces the seed: it only runs the last failures first.
 */
public final class ReproducibleSeeds implements AroundPropertyHook {

    /** The system property that chooses the seed. */
    public static final String SEED_PROPERTY = "connectorkit.jqwik.seed";

    /** The seed of every property when {@value #SEED_PROPERTY} is not set. */
    public static final String DEFAULT_SEED = "8736024571023";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String wanted = System.getProperty(SEED_PROPERTY, DEFAULT_SEED).trim();
        boolean random = wanted.equalsIgnoreCase("random");
        boolean own = context.attributes().seed().isPresent();
        if (!random && !own) {
            context.attributes().setSeed(wanted);
        }
        PropertyExecutionResult result = property.execute();
        String seed = result.seed().orElse("unknown");
        String origin = own ? "its own @Property(seed)" : random ? "random"
                : wanted.equals(DEFAULT_SEED) ? "fixed; -D" + SEED_PROPERTY + "=random for new cases"
                : "from -D" + SEED_PROPERTY;
        System.out.println("jqwik: " + context.extendedLabel() + ": seed " + seed + " (" + origin + ")");
        if (result.status() == PropertyExecutionResult.Status.FAILED) {
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
