package io.connectorkit.runner;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;

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
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle create = lookup.findConstructor(signalClass, MethodType.methodType(void.class, String.class));
            MethodHandle handle = lookup.findStatic(signalClass, "handle",
                    MethodType.methodType(handlerClass, signalClass, handlerClass));
            MethodHandle name = lookup.findVirtual(signalClass, "getName", MethodType.methodType(String.class));
            MethodHandle number = lookup.findVirtual(signalClass, "getNumber", MethodType.methodType(int.class));
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("handle")) {
                            Object signal = arguments[0];
                            stop.signalled("SIG" + (String) name.invoke(signal), (int) number.invoke(signal));
                            return null;
                        }
                        return method.invoke(stop, arguments); // toString, hashCode, equals: never called by the JDK
                    });
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
}
