package org.deepmod.modules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registered providers of one kind of module by type: the built-ins and any on the classpath, found once
 * with {@link ServiceLoader} (built-ins first, then in the order the service files list them). Two different
 * providers under one type would make configs ambiguous, so that fails.
 */
public final class ModuleRegistry<P extends ModuleProvider> {
    private final Class<P> service;
    private final String kind;
    private volatile Map<String, P> providers;

    /** {@code kind} names the module in messages: "approximator", "library", "constraint". */
    public ModuleRegistry(Class<P> service, String kind) {
        this.service = service;
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** The provider of {@code type}, or null. */
    public P provider(String type) {
        return providers().get(type);
    }

    /** Every registered type, built-ins first. */
    public List<String> types() {
        return new ArrayList<>(providers().keySet());
    }

    public Map<String, P> providers() {
        Map<String, P> loaded = providers;
        if (loaded == null) {
            synchronized (this) {
                if (providers == null) {
                    providers = load();
                }
                loaded = providers;
            }
        }
        return loaded;
    }

    private Map<String, P> load() {
        List<P> found = new ArrayList<>();
        ServiceLoader.load(service).forEach(found::add);
        found.sort(Comparator.comparing(provider -> !provider.getClass().getName().startsWith("org.deepmod.")));
        Map<String, P> byType = new LinkedHashMap<>();
        for (P provider : found) {
            P earlier = byType.putIfAbsent(provider.type(), provider);
            if (earlier != null && !earlier.getClass().getName().equals(provider.getClass().getName())) {
                throw new IllegalStateException("two " + kind + " modules are named '" + provider.type() + "': "
                        + earlier.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byType);
    }
}
