package dev.pullfix.model.diagnosis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Loads the real-message fixtures in {@code src/test/resources/classifier}. */
final class ClassifierFixtures {

    private ClassifierFixtures() {
    }

    static List<Map<String, Object>> load(String name) {
        try (InputStream in = ClassifierFixtures.class.getResourceAsStream("/classifier/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture file " + name);
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String string(Map<String, Object> fixture, String key) {
        Object v = fixture.get(key);
        return v == null ? null : v.toString();
    }
}
