package org.deepmod.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.deepmod.constraint.RidgeConstraint;
import org.deepmod.modules.ModuleProvider;
import org.deepmod.sparse.EstimatorParameter;
import org.junit.jupiter.api.Test;
import org.deepmod.config.ConfigException;
import org.deepmod.config.ConfigFiles;
import org.deepmod.config.RunConfig;
import org.deepmod.config.Modules;

/**
 * The registries: built-ins and a plug-in found alike, a plug-in's parameters read from its config mapping and
 * checked at their own paths, written into the resolved config and the run id; the built-ins' declared
 * defaults are those their typed specs resolve.
 */
class ModulesTest {
    private static RunConfig parse(String yaml) {
        return RunConfig.parse(ConfigFiles.parse(yaml, "test.yaml"), "test.yaml");
    }

    @Test
    void aPluginsParametersAreReadCheckedAndResolved() {
        RunConfig defaults = parse("constraint: {type: test-ridge}");
        ObjectNode constraint = (ObjectNode) defaults.toTree().get("constraint");
        assertEquals("test-ridge", constraint.get("type").asText());
        assertEquals("0.5", constraint.get("strength").asText());
        RunConfig strong = parse("constraint: {type: test-ridge, strength: 2}");
        assertEquals("2", strong.toTree().get("constraint").get("strength").asText());
        assertNotEquals(defaults.runId(), strong.runId());
        assertEquals(strong, RunConfig.parse(strong.toTree(), "resolved"));
        RidgeConstraint built = (RidgeConstraint) strong.constraint().create(null,
                strong.library().create(1), strong.network().precision(), 0);
        assertEquals(2.0, built.ridge());

        ConfigException unknown = assertThrows(ConfigException.class,
                () -> parse("constraint: {type: test-ridge, lambda: 1}"));
        assertTrue(unknown.getMessage().contains(
                "constraint.lambda: not a parameter of test-ridge; its parameters: strength"), unknown.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> parse("constraint: {type: test-ridge, strength: -1}"));
        assertTrue(bad.getMessage().contains("constraint.strength: must be "), bad.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> parse("constraint: {type: nope}"));
        assertTrue(type.getMessage().contains("test-ridge"), "the plug-in among the known types: " + type.getMessage());
    }

    @Test
    void everyModuleIsListedWithItsParameters() {
        String text = Modules.describe();
        for (String type : List.of("mlp", "siren", "1d", "2d", "ode", "terms", "threshold", "least-squares",
                "ridge", "grad-params", "test-ridge")) {
            assertTrue(text.contains("\n  " + type + "\n"), type + " in:\n" + text);
        }
        assertTrue(text.contains("strength=0.5"), text);
        assertTrue(text.contains("omega0=30.0"), text);
    }

    /** What `{type: T}` resolves to in a config is what the provider of T declares. */
    @Test
    void builtInDefaultsAreThoseTheTypedSpecsResolve() {
        assertDefaults(Modules.APPROXIMATORS.provider("siren"),
                (ObjectNode) parse("network: {type: siren}").toTree().get("network"));
        assertDefaults(Modules.APPROXIMATORS.provider("mlp"),
                (ObjectNode) parse("network: {type: mlp}").toTree().get("network"));
        assertDefaults(Modules.LIBRARIES.provider("1d"), (ObjectNode) parse("library: {type: 1d}").toTree()
                .get("library"));
        assertDefaults(Modules.CONSTRAINTS.provider("ridge"),
                (ObjectNode) parse("constraint: {type: ridge}").toTree().get("constraint"));
    }

    private static void assertDefaults(ModuleProvider provider, ObjectNode resolved) {
        for (EstimatorParameter p : provider.parameters()) {
            String value = resolved.get(p.name()).isArray() ? resolved.get(p.name()).toString() : resolved.get(p.name())
                    .asText();
            assertEquals(p.defaultValue().replace(" ", ""), value.replace("[", "").replace("]", ""),
                    provider.type() + "." + p.name());
        }
    }
}
