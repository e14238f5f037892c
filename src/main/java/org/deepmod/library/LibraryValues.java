package org.deepmod.library;

import ai.djl.ndarray.NDArray;

/** One evaluation of a library: time derivatives (N x K, one column per output) and Θ (N x F). */
public record LibraryValues(NDArray timeDerivatives, NDArray theta) {
}
