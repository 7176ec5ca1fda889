package io.connectorkit.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a JDBC writer claim:
 * {@code <host>/boot=<boot id>/pidns=<pid namespace>/pid=<pid>@<start, epoch ms>/run=<random id>}.
 *
 * <p>The random run id, new for every store, is what the claim belongs to: two writers never share it, even on hosts
 * or in containers with the same name and the same pid. The rest only serves to recognise, at once, a claim left by a
 * process that has ended: a pid says something only to a process of the same kernel boot and the same PID namespace
 * (containers sharing a host name, Kubernetes {@code hostNetwork}, {@code unshare --pid} have other namespaces, where
 * the same number is another process or none), and a pid that was reused has another start time. Where the boot id or
 * the namespace is unknown (no {@code /proc}), no claim is ever proved ended this way; it is then taken over only once
 * its heartbeat is stale.
 *
 * <p>API for store authors whose store claims jobs elsewhere (an object store): {@link #current()} names a writer,
 * {@link #provesEnded(String)} tells whether a claim's holder is a process of this machine that has ended.
 * Immutable and thread-safe.
 */
public final class OwnerId {

    /** Tells whether a process of this PID namespace runs, and since when. */
    interface ProcessProbe {

        /** No process has the pid. */
        long NONE = -1;
        /** A process has the pid, started at an unknown time. */
        long UNKNOWN_START = 0;

        /** {@link #NONE}, {@link #UNKNOWN_START}, or the start of the process with {@code pid}, in epoch ms. */
        long startOf(long pid);

        /** The processes this JVM sees. */
        ProcessProbe REAL = pid -> ProcessHandle.of(pid)
                .map(p -> p.info().startInstant().map(start -> Math.max(1, start.toEpochMilli())).orElse(UNKNOWN_START))
                .orElse(NONE);
    }

    /** Two start times closer than this may be the same process read twice: never proof of a reused pid. */
    private static final long START_TOLERANCE_MILLIS = 1_000;
    private static final Pattern FORMAT = Pattern.compile(
            "([^/]*)/boot=([0-9a-f]*)/pidns=([0-9]*)/pid=([0-9]{1,18})@([0-9]{1,18})/run=([0-9a-f]{32})");
    private static final String HOST = hostName();
    private static final String BOOT_ID = bootId();
    private static final String PID_NAMESPACE = pidNamespace();

    private final String host;
    private final String bootId;
    private final String pidNamespace;
    private final long pid;
    private final long startMillis;
    private final String run;

    /**
     * @param bootId the kernel's boot id, 32 hex digits, or empty when unknown
     * @param pidNamespace the PID namespace's inode number, or empty when unknown
     * @param startMillis the process's start in epoch ms, or 0 when unknown
     * @param run 32 hex digits, new for every writer
     */
    OwnerId(String host, String bootId, String pidNamespace, long pid, long startMillis, String run) {
        this.host = host;
        this.bootId = bootId;
        this.pidNamespace = pidNamespace;
        this.pid = pid;
        this.startMillis = startMillis;
        this.run = run;
    }

    /** A new owner id, with a new run id, for a writer of this process. */
    public static OwnerId current() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(instant -> Math.max(1, instant.toEpochMilli())).orElse(0L);
        return new OwnerId(HOST, BOOT_ID, PID_NAMESPACE, self.pid(), start, newRun());
    }

    /** Another process of this host and PID namespace, with a new run id. */
    OwnerId asProcess(long otherPid, long otherStartMillis) {
        return new OwnerId(host, bootId, pidNamespace, otherPid, otherStartMillis, newRun());
    }

    /** Whether the boot id and PID namespace are known, so that {@link #provesEnded} can ever be true. */
    boolean canProveEnded() {
        return !bootId.isEmpty() && !pidNamespace.isEmpty();
    }

    /** This id in another PID namespace: what a process with the same pid elsewhere would be. */
    OwnerId inPidNamespace(String namespace) {
        return new OwnerId(host, bootId, namespace, pid, startMillis, run);
    }

    /** The id written as {@link #toString()}, or empty when it is not one (another release's, a hand-made one). */
    static Optional<OwnerId> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new OwnerId(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)), m.group(6)));
    }

    /** This host's name, for messages. */
    static String host() {
        return HOST;
    }

    /**
     * Whether {@code holder}, a claim's owner as {@link #toString()} wrote it, is a process of this kernel boot and
     * PID namespace that has ended; {@code false} whenever that cannot be proved (another machine, a running process,
     * text that is not an owner id).
     */
    public boolean provesEnded(String holder) {
        return provesEnded(holder, ProcessProbe.REAL);
    }

    /**
     * Whether {@code holder}, a claim's owner, is a process that has ended: only provable for a process of this kernel
     * boot and this PID namespace that is gone, or whose pid now belongs to a process started at another time.
     */
    boolean provesEnded(String holder, ProcessProbe probe) {
        OwnerId other = parse(holder).orElse(null);
        if (other == null || bootId.isEmpty() || pidNamespace.isEmpty() || !bootId.equals(other.bootId)
                || !pidNamespace.equals(other.pidNamespace) || other.pid == pid && other.startMillis == startMillis) {
            return false; // another machine or namespace, unknown ones, or this very process: nothing is proved
        }
        long start = probe.startOf(other.pid);
        if (start == ProcessProbe.NONE) {
            return true;
        }
        return start != ProcessProbe.UNKNOWN_START && other.startMillis != 0
                && Math.abs(start - other.startMillis) > START_TOLERANCE_MILLIS;
    }

    /**
     * {@code <host>/boot=<boot id>/pidns=<pid namespace>/pid=<pid>@<start, epoch ms>/run=<random id>}: unique to this
     * writer, and what {@link #provesEnded(String)} reads back.
     */
    @Override
    public String toString() {
        return host + "/boot=" + bootId + "/pidns=" + pidNamespace + "/pid=" + pid + "@" + startMillis + "/run=" + run;
    }

    private static String newRun() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The host name, as a claim row keeps it: {@code [A-Za-z0-9._-]}, at most 48 characters (the row holds 200). */
    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 48 ? safe.substring(0, 48) : safe;
    }

    /** The kernel's boot id without dashes, or empty where there is none to read. */
    private static String bootId() {
        try {
            String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII)
                    .strip().replace("-", "").toLowerCase();
            return id.matches("[0-9a-f]{32}") ? id : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The inode number of this process's PID namespace ({@code pid:[4026531836]}), or empty where unknown. */
    private static String pidNamespace() {
        try {
            Matcher m = Pattern.compile("pid:\\[([0-9]{1,20})]").matcher(
                    Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
            return m.matches() ? m.group(1) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
