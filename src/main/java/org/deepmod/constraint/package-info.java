/**
 * Constraints: the coefficients ξ of the active terms in Reg = ‖u_t − Θ(ξ∘mask)‖², by least squares
 * ({@link org.deepmod.constraint.LeastSquares}, solved in float64 each step and fed back as a constant),
 * ridge ({@link org.deepmod.constraint.RidgeConstraint}), or trained with the network
 * ({@link org.deepmod.constraint.GradParams}). No Spark here.
 */
package org.deepmod.constraint;
