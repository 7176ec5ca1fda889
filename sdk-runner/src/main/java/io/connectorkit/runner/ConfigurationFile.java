package io.connectorkit.runner;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a component's configuration file: one JSON object, nested as the options are. */
final class ConfigurationFile {

    private ConfigurationFile() {
    }

    /**
     * The file's JSON object.
     *
     * @throws RunnerException naming the file and, for malformed JSON, the line and column
     */
    static JsonObject read(Path file) {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = Json.createReader(text)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file
                        + ": expected a JSON object such as {\"configuration\": {...}}, got a JSON "
                        + value.getValueType().name().toLowerCase());
            }
            return value.asJsonObject();
        } catch (NoSuchFileException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file + " does not exist");
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file
                    + " is not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (JsonException e) {
            Throwable cause = e.getCause() instanceof CharacterCodingException ? e.getCause() : e;
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file
                    + " cannot be read as UTF-8 JSON: " + cause.getMessage());
        } catch (IOException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file + " cannot be read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
