package io.connectorkit.runtime.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Names a writer as {@code host/pid-N/uuid}, so that a claim left by a crashed process can be recognised as dead when
 * the same host tries again.
 */
final class OwnerId {

    private static final String HOST = hostName();

    private OwnerId() {
    }

    /** This host's name, for messages. */
    static String host() {
        return HOST;
    }

    /** A new owner id for a writer of this process. */
    static String current() {
        return HOST + "/pid-" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    }

    /** Whether {@code owner} names a process of this host that is no longer running. */
    static boolean isDeadProcessOnThisHost(String owner) {
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(HOST) || !parts[1].startsWith("pid-")) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1].substring("pid-".length()));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host.replace('/', '_');
    }
}
