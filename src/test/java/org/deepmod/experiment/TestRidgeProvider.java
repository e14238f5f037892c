package org.deepmod.experiment;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.deepmod.constraint.Constraint;
import org.deepmod.constraint.ConstraintProvider;
import org.deepmod.constraint.RidgeConstraint;
import org.deepmod.library.Library;
import org.deepmod.sparse.EstimatorParameter;
import org.deepmod.sparse.EstimatorParameters;

/** A constraint plug-in registered by the test class path's service file, as a user's jar would register one. */
public final class TestRidgeProvider implements ConstraintProvider {
    public String type() {
        return "test-ridge";
    }

    public String description() {
        return "ridge, as a plug-in of the tests";
    }

    public List<EstimatorParameter> parameters() {
        return List.of(EstimatorParameter.nonNegative("strength", "0.5", "the ridge penalty"));
    }

    public Constraint create(EstimatorParameters p, NDManager manager, Library library, DataType type, long seed) {
        return new RidgeConstraint(p.number("strength"));
    }
}
