package org.deepmod.sparse;

/**
 * The outcome of {@link UnitNormFit#fit}: every array has one entry per library column.
 *
 * @param coefficients           in the units of the data as given: c_j = ĉ_j·‖u_t‖/‖Θ_j‖ (0 where not selected)
 * @param normalizedCoefficients ĉ, what the estimator returned on the unit-norm library and target; thresholds
 *                               apply to these. Equal to {@code coefficients} when the fit was raw
 * @param mask                   the selected terms: ĉ_j ≠ 0
 * @param probabilities          selection probabilities for methods that have them (stability selection), else
 *                               null; 0 for an excluded zero column
 * @param normalized             false when the estimator saw the raw library ({@code --raw})
 */
public record NormalizedFit(double[] coefficients, double[] normalizedCoefficients, boolean[] mask,
                            double[] probabilities, boolean normalized) {
}
