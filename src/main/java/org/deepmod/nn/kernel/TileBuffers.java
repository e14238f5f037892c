package org.deepmod.nn.kernel;

/**
 * The arrays one hidden layer works on for one tile (tile rows x padded width each, one per jet channel of
 * {@link ChannelLayout}), reused from tile to tile and step to step: σ's derivatives at z_0, the pre-activations
 * z_c, the gradients with respect to the activated channels, and the results (the activated channels forward,
 * the gradients with respect to z_c backward).
 *
 * <p>A 2D spec may leave out some derivatives (those no active term uses): they read as a zero tile and are
 * written to a tile nobody reads, so the 2D chain rule needs no cases.
 */
final class TileBuffers {
    /** The highest derivative of σ any pass needs: a fourth-order jet's backward. */
    private static final int SIGMA_ORDERS = 6;

    final ChannelLayout layout;
    final int width;
    final int tileRows;
    final int channels;
    /** sigma[k] = σ^(k)(z_0) on the tile. */
    final float[][] sigma = new float[SIGMA_ORDERS][];
    final float[][] preActivations;
    final float[][] activationGradients;
    final float[][] results;
    /** One zero tile, for every channel that is identically zero (every tile is as long). */
    final float[] zeros;
    private final float[] discarded;

    TileBuffers(ChannelLayout layout, int width, int tileRows) {
        this.layout = layout;
        this.width = width;
        this.tileRows = tileRows;
        this.channels = layout.count;
        int tile = tileRows * width;
        for (int k = 0; k < sigma.length; k++) {
            sigma[k] = new float[tile];
        }
        this.preActivations = new float[channels][tile];
        this.activationGradients = new float[channels][tile];
        this.results = new float[channels][tile];
        this.zeros = new float[tile];
        this.discarded = new float[tile];
    }

    /** The pre-activation z_c, or zeros when channel c is −1 (not carried). */
    float[] preActivation(int c) {
        return c < 0 ? zeros : preActivations[c];
    }

    /** ∂L/∂a_c, or zeros when channel c is −1 (not carried). */
    float[] activationGradient(int c) {
        return c < 0 ? zeros : activationGradients[c];
    }

    /** Where the result for channel c goes; a tile nobody reads when c is −1 (not carried). */
    float[] result(int c) {
        return c < 0 ? discarded : results[c];
    }
}
