package org.deepmod.sparse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The committed reference values of src/test/resources/sparse (made by make_fixtures.py). */
final class Fixtures {
    private static JsonNode reference;
    private static Library burgers;

    private Fixtures() {
    }

    /** A library with term names and its target. */
    record Library(List<String> terms, double[][] theta, double[] ut) {
        int column(String term) {
            int index = terms.indexOf(term);
            if (index < 0) {
                throw new IllegalArgumentException("no term " + term);
            }
            return index;
        }
    }

    static synchronized JsonNode reference() {
        if (reference == null) {
            try (InputStream in = open("sklearn_reference.json")) {
                reference = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    static List<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        reference().get("cases").forEach(cases::add);
        return cases;
    }

    static JsonNode referenceCase(String name) {
        return cases().stream().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    static List<String> caseNames() {
        return cases().stream().map(c -> c.get("name").asText()).toList();
    }

    static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    /** The Burgers library by finite differences (2000 rows, 12 terms of Library1D P=2 D=3) and u_t. */
    static synchronized Library burgers() {
        if (burgers == null) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(open("burgers_library.csv"), StandardCharsets.UTF_8))) {
                List<String> header = Arrays.asList(reader.readLine().split(","));
                int p = header.size() - 1;
                List<double[]> rows = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
                double[][] theta = new double[rows.size()][];
                double[] ut = new double[rows.size()];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = Arrays.copyOf(rows.get(i), p);
                    ut[i] = rows.get(i)[p];
                }
                burgers = new Library(List.copyOf(header.subList(0, p)), theta, ut);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return burgers;
    }

    private static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/sparse/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test fixture /sparse/" + name);
        }
        return in;
    }
}
