package io.connectorkit.examples.flink;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster in separate JVMs, started as Flink's scripts start one: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and a TaskManager ({@code TaskManagerRunner}) with two slots, both
 * reading {@code conf/config.yaml}; and {@code flink run}, the {@code CliFrontend} in a third JVM. Each JVM writes its
 * log to {@code <name>.log} in the log directory. {@link #close()} kills every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String CLIENT = "org.apache.flink.client.cli.CliFrontend";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String EXECUTION_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final int SLOTS = 2;
    /**
     * The options the distribution's conf/config.yaml passes to every Flink JVM for Java 17 (env.java.opts.all), less
     * its jdk.compiler exports: Flink's client and runtime reflect into these JDK packages (the client fails without
     * java.util open). The JobManager's heap is set directly; bin/jobmanager.sh would derive it too.
     */
    private static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final Path workDir;
    private final Path logDir;
    private final Path confDir;
    private final String classPath;
    private final int restPort;
    private final List<Started> started = new ArrayList<>();
    /** The JobManager and the TaskManager (last), which run until closed. */
    private final List<Process> services = new ArrayList<>();
    private int clients;
    private int taskManagers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Started(String name, Process process, Path log) {
    }

    private StandaloneCluster(Path workDir, Path logDir, String classPath) throws IOException {
        this.workDir = workDir;
        this.logDir = Files.createDirectories(logDir);
        // A previous run's logs would be mistaken for this one's.
        try (Stream<Path> old = Files.list(logDir)) {
            for (Path log : old.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
        this.confDir = Files.createDirectories(workDir.resolve("conf"));
        this.classPath = classPath;
        this.restPort = freePort();
    }

    /**
     * Writes the configuration into {@code workDir/conf} (checkpoints and temporary files under {@code workDir} too)
     * and starts the JobManager and the TaskManager on {@code classPath}, their logs in {@code logDir}; returns once
     * the TaskManager's slots are registered, or throws after {@code timeout}.
     */
    static StandaloneCluster start(Path workDir, Path logDir, String classPath, Duration timeout)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(workDir, logDir, classPath);
        try {
            cluster.writeConfiguration();
            cluster.services.add(cluster.launch("jobmanager", List.of("-Xmx384m"), JOB_MANAGER,
                    List.of("--configDir", cluster.confDir.toString())));
            cluster.services.add(cluster.startTaskManager());
            cluster.awaitSlots(timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            System.err.println(cluster.logTails(LOG_LINES_ON_FAILURE));
            cluster.close();
            throw e;
        }
    }

    /** {@code host:port} of the REST endpoint, for {@code flink run -m}. */
    String address() {
        return "localhost:" + restPort;
    }

    /** What a {@code flink} command did: its exit code and its output (log lines included). */
    record ClientRun(int exit, String output) {
    }

    /**
     * Runs {@code flink <arguments>} ({@code run ...}, {@code stop ...}) in a new JVM with {@code FLINK_CONF_DIR} set,
     * as {@code bin/flink} does; throws if it has not ended after {@code timeout}.
     */
    ClientRun flink(List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        String name = "client-" + ++clients;
        Process client = launch(name, List.of("-Xmx256m"), CLIENT, arguments);
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("flink " + String.join(" ", arguments) + " did not end within " + timeout);
        }
        return new ClientRun(client.exitValue(), Files.readString(logDir.resolve(name + ".log")));
    }

    /**
     * Kills the TaskManager's JVM (as a machine failure would: no shutdown) and starts a new one; does not wait for
     * it to register.
     */
    void replaceTaskManager() throws IOException, InterruptedException {
        Process old = services.remove(services.size() - 1);
        old.destroyForcibly();
        if (!old.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the TaskManager (pid " + old.pid() + ") still runs 30 s after it was killed");
        }
        services.add(startTaskManager());
    }

    /** The cluster's jobs, {@code GET /jobs/overview}: each with its {@code jid}, {@code name} and {@code state}. */
    List<JsonObject> jobs() throws IOException, InterruptedException {
        return get("/jobs/overview").getJsonArray("jobs").getValuesAs(JsonObject.class);
    }

    /** Cancels the job unless it ended ({@code PATCH /jobs/<id>?mode=cancel}); for a test's cleanup. */
    void cancelIfRunning(String jobId) throws IOException, InterruptedException {
        boolean ended = jobs().stream().anyMatch(job -> job.getString("jid").equals(jobId)
                && List.of("FINISHED", "CANCELED", "FAILED").contains(job.getString("state")));
        if (!ended) {
            HttpRequest cancel = HttpRequest.newBuilder(URI.create(base() + "/jobs/" + jobId + "?mode=cancel"))
                    .method("PATCH", HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10))
                    .build();
            http.send(cancel, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** A job's checkpoint statistics, {@code GET /jobs/<id>/checkpoints}: counts, the latest completed and restored. */
    JsonObject checkpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /** The last {@code lines} lines of each JVM's log, headed by its name: what a failure report shows. */
    String logTails(int lines) {
        StringBuilder text = new StringBuilder();
        for (Started jvm : started) {
            text.append("----- ").append(jvm.name()).append(" (").append(jvm.log()).append("), last ")
                    .append(lines).append(" lines -----\n");
            try {
                List<String> all = Files.readAllLines(jvm.log(), StandardCharsets.UTF_8);
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(line -> text.append(line).append('\n'));
            } catch (IOException e) {
                text.append("(unreadable: ").append(e).append(")\n");
            }
        }
        return text.toString();
    }

    /** Kills every JVM started, the client included, and waits for each to end. */
    @Override
    public void close() {
        for (Started jvm : started) {
            jvm.process().descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.process().destroyForcibly();
        }
        for (Started jvm : started) {
            try {
                if (!jvm.process().waitFor(30, TimeUnit.SECONDS)) {
                    System.err.println(jvm.name() + " (pid " + jvm.process().pid() + ") still runs after 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeConfiguration() throws IOException {
        // Every port the cluster opens is free or ephemeral, so that it can run beside another build.
        String yaml = String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: localhost",
                "taskmanager.host: localhost",
                "taskmanager.bind-host: localhost",
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "rest.port: " + restPort,
                "taskmanager.numberOfTaskSlots: " + SLOTS,
                // A killed TaskManager is noticed within a few heartbeats (unreachable targets fail fast); the
                // timeout for a slow but living one stays generous, for a loaded machine.
                "heartbeat.interval: 2000",
                "heartbeat.timeout: 30000",
                // Small; the TaskManager's memory model is derived from these as bin/taskmanager.sh does it.
                // Managed memory is for batch and RocksDB, which this job uses neither of.
                "jobmanager.memory.process.size: 768m",
                "taskmanager.memory.process.size: 1024m",
                "taskmanager.memory.managed.size: 32m",
                "taskmanager.memory.network.min: 32m",
                "taskmanager.memory.network.max: 32m",
                "execution.checkpointing.dir: " + workDir.resolve("checkpoints").toUri(),
                "io.tmp.dirs: " + Files.createDirectories(workDir.resolve("tmp")),
                "");
        Files.writeString(confDir.resolve("config.yaml"), yaml);
    }

    /**
     * Starts the TaskManager as bin/taskmanager.sh does: {@code BashJavaUtils GET_TM_RESOURCE_PARAMS} computes its
     * memory model from the configuration and prints the JVM's options (heap, direct and metaspace sizes) and the
     * resources as dynamic properties, which {@code TaskManagerRunner} requires.
     */
    private Process startTaskManager() throws IOException, InterruptedException {
        String name = "taskmanager-" + ++taskManagers;
        Process utils = launch(name + "-resources", List.of(), BASH_JAVA_UTILS,
                List.of("GET_TM_RESOURCE_PARAMS", "--configDir", confDir.toString()));
        if (!utils.waitFor(60, TimeUnit.SECONDS) || utils.exitValue() != 0) {
            throw new AssertionError("BashJavaUtils GET_TM_RESOURCE_PARAMS failed");
        }
        List<String> results = Files.readAllLines(logDir.resolve(name + "-resources.log")).stream()
                .filter(line -> line.startsWith(EXECUTION_RESULT))
                .map(line -> line.substring(EXECUTION_RESULT.length()).trim())
                .toList();
        if (results.size() != 2) {
            throw new AssertionError("BashJavaUtils printed " + results.size() + " results, expected 2: " + results);
        }
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        arguments.addAll(List.of(results.get(1).split(" +")));
        return launch(name, List.of(results.get(0).split(" +")), TASK_MANAGER, arguments);
    }

    private Process launch(String name, List<String> jvmOptions, String mainClass, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(JAVA_17_OPTIONS);
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n",
                "-cp", classPath,
                mainClass));
        command.addAll(arguments);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        Process process = builder.start();
        started.add(new Started(name, process, log));
        return process;
    }

    private void awaitSlots(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process service : services) {
                if (!service.isAlive()) {
                    throw new AssertionError(service.info().commandLine().orElse("a cluster JVM") + " exited with "
                            + service.exitValue() + " while the cluster started");
                }
            }
            try {
                JsonObject overview = get("/overview");
                last = overview.toString();
                if (overview.getInt("taskmanagers", 0) == 1 && overview.getInt("slots-total", 0) == SLOTS) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString(); // not listening yet, or not ready to answer
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the cluster did not offer " + SLOTS + " slots within " + timeout + "; last: " + last);
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private String base() {
        return "http://localhost:" + restPort;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
