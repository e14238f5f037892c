/**
 * Function approximators that return derivative jets: the network's value and its derivatives with respect to
 * the coordinates, by forward-mode propagation through the layers ({@link org.deepmod.nn.JetMlp}: MLP and
 * SIREN; {@link org.deepmod.nn.Jet}, {@link org.deepmod.nn.DerivativeSet} for which derivatives a pass carries).
 *
 * <p>Two ways through a network, sharing one definition of each formula: σ's derivatives
 * ({@code TanhDerivatives}) and the chain rule ({@code FaaDiBruno}) are written once over
 * {@code JetArithmetic} (all three in {@link org.deepmod.nn.kernel}), for DJL arrays ({@code ArrayArithmetic})
 * and for SIMD vectors.
 * <ul>
 *   <li>On DJL arrays, differentiated by autograd (float64, GPUs): {@link org.deepmod.nn.JetMlp#forward}.</li>
 *   <li>By hand for float32 on the CPU: {@link org.deepmod.nn.JetTape} takes the pass tile by tile through
 *   every layer and returns a {@link org.deepmod.nn.JetWithGradients}; the Vector API kernels it drives (one
 *   per hidden layer, the layers at either end, the products between layers) are the package
 *   {@link org.deepmod.nn.kernel}, which knows nothing of this one.</li>
 * </ul>
 *
 * <p>Adding an activation: one class implementing {@link org.deepmod.nn.Activation} (its derivatives up to
 * order 4) and its name in {@code Activation.byName}; it trains through autograd until the hand-written kernels
 * learn it too. {@link org.deepmod.nn.NDArrayCopies}: float64 copies of DJL arrays for checkpoints. No Spark
 * here.
 */
package org.deepmod.nn;
