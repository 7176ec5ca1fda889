package io.connectorkit.testing;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.ComponentManager;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ConnectorTest}: resolves {@link ConnectorTester} parameters. One manager per
 * extension context (the test method's, or the class's for {@code @BeforeAll} parameters and per-class
 * constructors, which the class's test methods then share), built with checkpointing on, held in that context's
 * store and closed when the context ends.
 *
 * <pre>{@code
 * @ExtendWith(ConnectorKitExtension.class)   // what @ConnectorTest does
 * class MyConnectorTest {
 *     @Test
 *     void resumes(ConnectorTester tester) {
 *         tester.resumeCheck("my-family", "my-input", Map.of()).verify();
 *     }
 * }
 * }</pre>
 */
public final class ConnectorKitExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ConnectorKitExtension.class);

    /** Used by JUnit. */
    public ConnectorKitExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConnectorTester.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(ManagedTester.class, key -> new ManagedTester(build(context)),
                        ManagedTester.class)
                .tester();
    }

    private static ComponentManager build(ExtensionContext context) {
        ComponentManager.Builder builder = ComponentManager.builder().checkpointing(true);
        long every = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, ConnectorTest.class))
                .map(ConnectorTest::checkpointEveryRecords)
                .orElse(0L);
        if (every > 0) {
            builder.checkpointFrequency(Frequency.RECORD, every);
        }
        return builder.build();
    }

    /** Closes the manager when JUnit closes the store of the context it was made for. */
    private record ManagedTester(ConnectorTester tester) implements ExtensionContext.Store.CloseableResource {

        ManagedTester(ComponentManager manager) {
            this(new ConnectorTester(manager));
        }

        @Override
        public void close() {
            tester.manager().close();
        }
    }
}
