package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deepmod.BadInputException;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset threePoints() {
        return new Dataset(new double[][] {{0, 1}, {0.5, 2}, {1, 3}}, new double[][] {{10, 20}, {11, 21}, {12, 22}},
                List.of("t", "x"), List.of("u", "v"));
    }

    @Test
    void reportsItsShape() {
        Dataset data = threePoints();
        assertEquals(3, data.size());
        assertEquals(2, data.coordDims());
        assertEquals(1, data.spatialDims());
        assertEquals(2, data.targetDims());
        assertEquals(2.0, data.coord(1, 1));
        assertEquals(22.0, data.target(2, 1));
    }

    @Test
    void flattensRowMajorInBothPrecisions() {
        Dataset data = threePoints();
        assertArrayEquals(new double[] {0, 1, 0.5, 2, 1, 3}, data.coordsFlat());
        assertArrayEquals(new double[] {10, 20, 11, 21, 12, 22}, data.targetsFlat());
        assertArrayEquals(new float[] {0, 1, 0.5f, 2, 1, 3}, data.coordsFlatFloat());
        assertArrayEquals(new float[] {10, 20, 11, 21, 12, 22}, data.targetsFlatFloat());
    }

    @Test
    void isImmutable() {
        double[][] coords = {{0, 1}};
        Dataset data = new Dataset(coords, new double[][] {{5}}, List.of("t", "x"), List.of("u"));
        coords[0][1] = 99;
        data.coords()[0][1] = 99;
        data.coordsFlat()[1] = 99;
        data.targets()[0][0] = 99;
        assertEquals(1.0, data.coord(0, 1));
        assertEquals(5.0, data.target(0, 0));
        assertThrows(UnsupportedOperationException.class, () -> data.coordNames().set(0, "s"));
    }

    @Test
    void selectsRowsInTheGivenOrder() {
        Dataset picked = threePoints().select(new int[] {2, 0});
        assertArrayEquals(new double[][] {{1, 3}, {0, 1}}, picked.coords());
        assertArrayEquals(new double[][] {{12, 22}, {10, 20}}, picked.targets());
        assertThrows(IndexOutOfBoundsException.class, () -> threePoints().select(new int[] {3}));
    }

    @Test
    void refusesRaggedOrMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{0, 1}, {0}},
                new double[][] {{1}, {2}}, List.of("t", "x"), List.of("u")));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{0, 1}},
                new double[][] {{1}, {2}}, List.of("t", "x"), List.of("u")));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{0, 1}},
                new double[][] {{1}}, List.of("t", "t"), List.of("u")));
    }

    @Test
    void validateFiniteNamesSourceColumnAndPoint() {
        Dataset data = threePoints().withTargets(new double[] {10, 20, 11, Double.NaN, 12, 22});
        BadInputException e = assertThrows(BadInputException.class, () -> data.validateFinite("run 7"));
        assertTrue(e.getMessage().contains("run 7") && e.getMessage().contains("target 'v' at point 1")
                && e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(threePoints().size(), threePoints().validateFinite("ok").size());
    }

    @Test
    void canonicalNames() {
        assertEquals(List.of("t", "x", "y"), Dataset.canonicalCoordNames(2));
        assertEquals(List.of("u", "v"), Dataset.canonicalTargetNames(2));
        assertThrows(BadInputException.class, () -> Dataset.canonicalTargetNames(4));
    }
}
