package io.connectorkit.samples.demo;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.input.Input;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs list-input with checkpointing on, prints each record and each checkpoint, and keeps the last checkpoint in a
 * file so that the next run resumes after it. Stops after {@code --limit} records to leave something to resume.
 *
 * <p>A minimal host, kept for the README; the {@code sdk-runner} module is the real one.
 */
public final class ListInputDemo {

    private ListInputDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path checkpointFile = Path.of(option(args, "--checkpoint", "target/list-input-checkpoint.json"));
        int limit = Integer.parseInt(option(args, "--limit", "25"));

        Map<String, String> configuration = new HashMap<>();
        configuration.put("configuration.total", option(args, "--total", "100"));
        configuration.put("configuration.batchSize", "10");
        if (Files.exists(checkpointFile)) {
            JsonObject saved = read(checkpointFile);
            System.out.println("resuming from " + checkpointFile + ": " + saved);
            configuration.putAll(ComponentManager.jsonToMap(saved));
        } else {
            System.out.println("no checkpoint at " + checkpointFile + ": starting from the first record");
        }

        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("checkpoint", "list-input", 1, configuration).orElseThrow().create();
            input.start(checkpoint -> {
                System.out.println("checkpoint " + checkpoint.toJson());
                write(checkpointFile, checkpoint.toJson().toString());
            });
            int count = 0;
            Object record;
            // The limit is checked before next(): a record fetched but not printed would be covered by the final
            // checkpoint and lost.
            while (count < limit && (record = input.next()) != null) {
                System.out.println("record " + record);
                count++;
            }
            input.stop();
            System.out.println(count == 0 ? "nothing left to read; delete " + checkpointFile + " to start over"
                    : count + " records; run again to resume");
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // Never restart from scratch silently: a damaged checkpoint stops the demo.
            throw new IllegalStateException("cannot read the checkpoint " + file + ": " + e.getMessage()
                    + "; fix or delete the file", e);
        }
    }

    /** Temp file then atomic rename, so that a crash leaves the old checkpoint or the new one, never half of one. */
    private static void write(Path file, String json) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the checkpoint to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
