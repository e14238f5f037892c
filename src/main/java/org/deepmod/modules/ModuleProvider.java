package org.deepmod.modules;

import java.util.List;
import org.deepmod.sparse.EstimatorParameter;

/**
 * What every plug-in module offers a config, found with {@link java.util.ServiceLoader}: the {@code type} a
 * config names it by, a line for {@code deepmod modules}, and its parameters, declared once (name, default,
 * domain, description) and checked against that declaration before anything trains. The parameters are the
 * other keys of the module's config mapping ({@code constraint: {type: fix-coefficient, term: u_xx,
 * value: 0.1}}), so sweep axes vary them like any config path, and the resolved config and the run id hold them.
 */
public interface ModuleProvider {

    /** The name under the config's {@code type}: lower case, words joined by '-'. */
    String type();

    /** One line for {@code deepmod modules}. */
    String description();

    /** Every parameter the module takes, with its default. */
    List<EstimatorParameter> parameters();
}
