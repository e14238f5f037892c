/**
 * Function approximators that return derivative jets: the network's value and its derivatives with respect to
 * the coordinates, by forward-mode propagation through the layers ({@link org.deepmod.nn.JetMlp}: MLP and
 * SIREN; {@link org.deepmod.nn.Jet}, {@link org.deepmod.nn.JetSpec} for which derivatives a pass carries,
 * {@link org.deepmod.nn.JetAlgebra} for the chain rule on DJL arrays).
 *
 * <p>Two ways through a network: on DJL arrays, differentiated by autograd (float64, GPUs); and by hand for
 * float32 on the CPU ({@link org.deepmod.nn.JetTape}: the pass tile by tile through every layer, with the
 * elementwise part in {@code JetKernels}, the products in {@code TileProducts}, e^x/tanh/sin/cos in
 * {@code VectorMath}, all at the vector width {@link org.deepmod.nn.VectorWidth} chooses).
 *
 * <p>Adding an activation: one class implementing {@link org.deepmod.nn.Activation} (its derivatives up to
 * order 4) and its name in {@code Activation.byName}; it trains through autograd until the hand-written kernels
 * learn it too. No Spark here.
 */
package org.deepmod.nn;
