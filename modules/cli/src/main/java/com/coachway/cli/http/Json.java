package com.coachway.cli.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The CLI's JSON: snake_case records, and amounts kept as the exact decimals the API wrote (1200.50 stays 1200.50). */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The body as a tree, or null when it is not JSON (a proxy's HTML error page, say). */
    public static JsonNode treeOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private Json() {
    }
}
