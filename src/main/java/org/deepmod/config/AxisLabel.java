package org.deepmod.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * How an axis value reads in tables and result columns: {@code 0.1}, {@code threshold}, {@code [20,20]},
 * {@code threshold(threshold=0.1)} for an estimator given as a mapping.
 */
public final class AxisLabel {
    private AxisLabel() {
    }

    public static String of(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(of(value.get(i)));
            }
            return sb.append(']').toString();
        }
        // A section given as a mapping: lead with its name or type, as the shorthand would read.
        String head = value.has("name") ? "name" : value.has("type") ? "type" : null;
        StringBuilder sb = new StringBuilder(head == null ? "" : of(value.get(head)));
        StringBuilder rest = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(head)) {
                rest.append(rest.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(of(e.getValue()));
            }
        }
        if (rest.length() > 0 || head == null) {
            sb.append(head == null ? "{" : "(").append(rest).append(head == null ? "}" : ")");
        }
        return sb.toString();
    }
}
