package io.connectorkit.runner;

import jakarta.json.Json;
import io.connectorkit.runtime.ComponentManager;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
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
import java.util.Map;

/**
 * Reads a component's configuration file: one JSON object, nested as the options are. A key given twice in one object
 * is an error, not a silent "last one wins"; text beyond the JSON reader's limits is an error naming the file.
 */
final class ConfigurationFile {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private ConfigurationFile() {
    }

    /**
     * The file's JSON object.
     *
     * @throws RunnerException naming the file and, for malformed JSON, the line and column
     */
    static JsonObject read(Path file) {
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = READERS.createReader(text)) {
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
            // Parsson quotes the text it met, a duplicate key for one: shown printable, so it cannot forge a line.
            JsonLocation at = e.getLocation();
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file
                    + " is not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": "
                    + PrintableText.of(e.getMessage(), 300));
        } catch (JsonException e) {
            Throwable cause = e.getCause() instanceof CharacterCodingException ? e.getCause() : e;
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file
                    + " cannot be read as UTF-8 JSON: " + PrintableText.of(cause.getMessage(), 300));
        } catch (RuntimeException e) {
            if (e instanceof RunnerException runner) {
                throw runner;
            }
            // Parsson's limits: nesting deeper than 1,000 levels, a number of more than 1,100 characters.
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file + " is beyond what "
                    + "the JSON reader accepts: " + PrintableText.of(String.valueOf(e.getMessage()), 300)
                    + " (configurations are nested at most " + ComponentManager.MAX_JSON_DEPTH + " levels)");
        } catch (IOException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "configuration file " + file + " cannot be read: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
