package org.deepmod.data;

import java.util.Arrays;

/**
 * An affine map per column, x' = a·x + b, for the coordinates and for the targets: what a normalisation did
 * to the data, kept so that results can be expressed in the data's own units again. Derivatives follow from
 * it: with t' = a_t·t + b_t, x' = a_x·x + b_x and u' = a_u·u + b_u, ∂ⁿu'/∂x'ⁿ = (a_u / a_xⁿ)·∂ⁿu/∂xⁿ and
 * u'_t' = (a_u / a_t)·u_t.
 *
 * <p>The arrays are copied in and out, so a Scaling is immutable.
 *
 * @param coordScale   a per coordinate column
 * @param coordOffset  b per coordinate column
 * @param targetScale  a per target column
 * @param targetOffset b per target column
 */
public record Scaling(double[] coordScale, double[] coordOffset, double[] targetScale, double[] targetOffset) {

    public Scaling {
        if (coordScale.length != coordOffset.length || targetScale.length != targetOffset.length) {
            throw new IllegalArgumentException("every column needs both a scale and an offset");
        }
        coordScale = checkedScales(coordScale);
        coordOffset = coordOffset.clone();
        targetScale = checkedScales(targetScale);
        targetOffset = targetOffset.clone();
    }

    /** a = 1, b = 0 everywhere: the data as given. */
    public static Scaling identity(int coordDims, int targetDims) {
        double[] ones = new double[Math.max(coordDims, targetDims)];
        Arrays.fill(ones, 1.0);
        return new Scaling(Arrays.copyOf(ones, coordDims), new double[coordDims], Arrays.copyOf(ones, targetDims),
                new double[targetDims]);
    }

    @Override
    public double[] coordScale() {
        return coordScale.clone();
    }

    @Override
    public double[] coordOffset() {
        return coordOffset.clone();
    }

    @Override
    public double[] targetScale() {
        return targetScale.clone();
    }

    @Override
    public double[] targetOffset() {
        return targetOffset.clone();
    }

    public double coordScale(int column) {
        return coordScale[column];
    }

    public double coordOffset(int column) {
        return coordOffset[column];
    }

    public double targetScale(int column) {
        return targetScale[column];
    }

    public double targetOffset(int column) {
        return targetOffset[column];
    }

    /** Original units -> scaled: x' = a·x + b. */
    public Dataset apply(Dataset data) {
        return map(data, false);
    }

    /** Scaled -> original units: x = (x' − b)/a. */
    public Dataset invert(Dataset data) {
        return map(data, true);
    }

    private Dataset map(Dataset data, boolean inverse) {
        if (data.coordDims() != coordScale.length || data.targetDims() != targetScale.length) {
            throw new IllegalArgumentException("a scaling of " + coordScale.length + " coordinate and "
                    + targetScale.length + " target columns cannot map " + data);
        }
        return Dataset.wrapRowMajor(map(data.coordsFlat(), coordScale, coordOffset, inverse),
                map(data.targetsFlat(), targetScale, targetOffset, inverse), data.coordNames(), data.targetNames());
    }

    private static double[] map(double[] rowMajor, double[] scale, double[] offset, boolean inverse) {
        for (int i = 0; i < rowMajor.length; i++) {
            int j = i % scale.length;
            rowMajor[i] = inverse ? (rowMajor[i] - offset[j]) / scale[j] : scale[j] * rowMajor[i] + offset[j];
        }
        return rowMajor;
    }

    private static double[] checkedScales(double[] scales) {
        for (double a : scales) {
            if (a == 0 || !Double.isFinite(a)) {
                throw new IllegalArgumentException("a scale must be finite and non-zero, not " + a);
            }
        }
        return scales.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scaling s && Arrays.equals(coordScale, s.coordScale)
                && Arrays.equals(coordOffset, s.coordOffset) && Arrays.equals(targetScale, s.targetScale)
                && Arrays.equals(targetOffset, s.targetOffset);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(coordScale), Arrays.hashCode(coordOffset),
            Arrays.hashCode(targetScale), Arrays.hashCode(targetOffset)});
    }

    @Override
    public String toString() {
        return "Scaling[coordScale=" + Arrays.toString(coordScale) + ", coordOffset=" + Arrays.toString(coordOffset)
                + ", targetScale=" + Arrays.toString(targetScale) + ", targetOffset="
                + Arrays.toString(targetOffset) + "]";
    }
}
