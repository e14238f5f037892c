/**
 * The Vector API ({@code jdk.incubator.vector}) kernels behind the hand-written float32 training step, which
 * {@code JetTape} in {@code org.deepmod.nn} drives tile by tile: per hidden layer a {@link
 * org.deepmod.nn.kernel.HiddenLayerKernel} (bias, σ through {@code KernelActivation} and {@code VectorMath}, the
 * chain rule through {@code TileChainRule}, on its {@code TileBuffers}), the {@link
 * org.deepmod.nn.kernel.FirstLayer} and {@link org.deepmod.nn.kernel.OutputLayer} at either end and {@link
 * org.deepmod.nn.kernel.TileProducts} between layers, all at the width {@link org.deepmod.nn.kernel.VectorWidth}
 * chooses at run time (the CPU's, at most 256 bits, or {@code -Ddeepmod.vector.bits}); every full build tests
 * them again at 256 and 512 bits (pom.xml, profile both-vector-widths). Apart from the jet API because they are
 * another kind of code, numbers on padded float arrays, and so that they stay below it: they know a jet's
 * channels by number ({@link org.deepmod.nn.kernel.ChannelLayout}) and an activation by its {@link
 * org.deepmod.nn.kernel.KernelForm}, and never use {@code org.deepmod.nn} (LayeringTest). The formulas both ways
 * through a network share, σ's derivatives ({@code TanhDerivatives}) and the chain rule ({@code FaaDiBruno}) over
 * {@link org.deepmod.nn.kernel.JetArithmetic}, live here for the same reason: the kernels use them, and the
 * autograd jets above take them from here.
 */
package org.deepmod.nn.kernel;
