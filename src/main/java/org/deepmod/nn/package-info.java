/**
 * Function approximators that return derivative jets: the network's value and its derivatives with respect to
 * the coordinates, by forward-mode propagation through the layers ({@link org.deepmod.nn.JetMlp}: MLP and
 * SIREN; {@link org.deepmod.nn.Jet}, {@link org.deepmod.nn.DerivativeSet} for which derivatives a pass carries).
 *
 * <p>Two ways through a network, sharing one definition of each formula: σ's derivatives
 * ({@code TanhDerivatives}) and the chain rule ({@code FaaDiBruno}) are written once over
 * {@code JetArithmetic}, for DJL arrays ({@code ArrayArithmetic}) and for SIMD vectors ({@code VectorArithmetic}).
 * <ul>
 *   <li>On DJL arrays, differentiated by autograd (float64, GPUs): {@link org.deepmod.nn.JetMlp#forward}.</li>
 *   <li>By hand for float32 on the CPU: {@link org.deepmod.nn.JetTape} takes the pass tile by tile through
 *   every layer and returns a {@link org.deepmod.nn.JetWithGradients}. Per hidden layer a
 *   {@code HiddenLayerKernel} (bias, bias gradient, what is kept from forward to backward) works on its
 *   {@code TileBuffers} with a {@code KernelActivation} (σ and its derivatives on a tile) and a
 *   {@code TileChainRule} (the chain rule forward and backward); {@code FirstLayer} and {@code OutputLayer}
 *   are the layers at either end, {@code TileProducts} the products between hidden layers, {@code VectorMath}
 *   e^x/tanh/sin/cos, all at the vector width {@link org.deepmod.nn.VectorWidth} chooses.</li>
 * </ul>
 *
 * <p>Adding an activation: one class implementing {@link org.deepmod.nn.Activation} (its derivatives up to
 * order 4) and its name in {@code Activation.byName}; it trains through autograd until the hand-written kernels
 * learn it too. {@link org.deepmod.nn.NDArrayCopies}: float64 copies of DJL arrays for checkpoints. No Spark
 * here.
 */
package org.deepmod.nn;
