package io.connectorkit.runner;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Routes SIGTERM and SIGINT to a {@link StopRequest} instead of the JVM's handler, which would exit at once (no final
 * checkpoint) and cannot tell a first signal from a second.
 *
 * <p>The JDK's only way to handle a signal is {@code sun.misc.Signal} (module {@code jdk.unsupported}). It is reached
 * through method handles rather than compiled against: javac warns on every use of it, a warning no annotation can
 * suppress, and main code is compiled with {@code -Werror}. A JVM without it keeps its default handling.
 */
final class SignalRouting {

    private SignalRouting() {
    }

    /**
     * Installs the handlers. A signal the JVM reserves (-Xrs) or that was ignored when the process started (a
     * background job's SIGINT) keeps its behaviour.
     */
    static void routeTo(StopRequest stop) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup publicLookup = MethodHandles.publicLookup();
            MethodHandle create = publicLookup.findConstructor(signalClass,
                    MethodType.methodType(void.class, String.class));
            MethodHandle handle = publicLookup.findStatic(signalClass, "handle",
                    MethodType.methodType(handlerClass, signalClass, handlerClass));
            MethodHandle name = publicLookup.findVirtual(signalClass, "getName", MethodType.methodType(String.class));
            MethodHandle number = publicLookup.findVirtual(signalClass, "getNumber", MethodType.methodType(int.class));
            // The handler is what a lambda would be, made by hand: a java.lang.reflect.Proxy instead took a tenth of
            // a run's start (ProxyGenerator, reflection), and the runner bootstraps lambdas anyway.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType captured = MethodType.methodType(handlerClass, StopRequest.class, MethodHandle.class,
                    MethodHandle.class);
            MethodType handled = MethodType.methodType(void.class, signalClass);
            MethodHandle target = lookup.findStatic(SignalRouting.class, "signalled", MethodType.methodType(void.class,
                    StopRequest.class, MethodHandle.class, MethodHandle.class, Object.class));
            Object handler = LambdaMetafactory.metafactory(lookup, "handle", captured, handled, target, handled)
                    .getTarget().invoke(stop, name, number);
            for (String signal : new String[] {"TERM", "INT"}) {
                try {
                    handle.invoke(create.invoke(signal), handler);
                } catch (IllegalArgumentException e) {
                    // Not ours to handle on this JVM or platform: the default stays.
                }
            }
        } catch (Throwable e) {
            // No sun.misc.Signal here: SIGTERM and SIGINT keep the JVM's handling (exit without a final checkpoint).
        }
    }

    /** {@code SignalHandler.handle(signal)}: tells {@code stop} the signal's name and number. */
    private static void signalled(StopRequest stop, MethodHandle name, MethodHandle number, Object signal) {
        String signalName;
        int signalNumber;
        try {
            signalName = (String) name.invoke(signal);
            signalNumber = (int) number.invoke(signal);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the signal", e); // getName and getNumber declare none
        }
        stop.signalled("SIG" + signalName, signalNumber);
    }
}
