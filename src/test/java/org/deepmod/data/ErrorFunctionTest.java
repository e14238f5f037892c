package org.deepmod.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorFunctionTest {

    /** x, erfc(x), exp(x²)·erfc(x): mpmath at 40 digits, rounded to 20. */
    @ParameterizedTest(name = "x = {0}")
    @CsvSource({
        "-5.0, 1.9999999999984625402, 144009798674.66104041",
        "-2.5, 1.9995930479825550411, 1035.8148429726229083",
        "-1.0, 1.8427007929497148693, 5.0089800807622834663",
        "-0.3, 1.3286267594591274162, 1.4537492328427655561",
        "0.0, 1.0, 1.0",
        "1e-10, 0.99999999988716208329, 0.9999999998871620833",
        "0.2, 0.77729741078952153382, 0.80901951990158073552",
        "0.46875, 0.50738652678206200841, 0.63206968924955607816",
        "0.5, 0.47950012218695346232, 0.61569034419292587487",
        "1.0, 0.15729920705028513066, 0.42758357615580700441",
        "2.0, 0.0046777349810472658379, 0.25539567631050574387",
        "3.9, 3.4792248597231767129e-8, 0.14031418160068970328",
        "4.0, 1.5417257900280018852e-8, 0.13699945762506138989",
        "4.1, 6.7000276540849184417e-9, 0.13383411641865221245",
        "6.0, 2.1519736712498913117e-17, 0.092776567800538354389",
        "10.0, 2.088487583762544757e-45, 0.056140992743822585858",
        "26.0, 5.6631924088561428465e-296, 0.021683584850562906616",
    })
    void matchesHighPrecisionValues(double x, double erfc, double erfcx) {
        assertEquals(erfc, ErrorFunction.erfc(x), 2e-15 * erfc, "erfc");
        assertEquals(erfcx, ErrorFunction.erfcx(x), 2e-15 * erfcx, "erfcx");
    }

    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"27.5, 0.0", "1e300, 0.0", "-1e300, 2.0"})
    void farTailsSaturateWithoutNaN(double x, double erfc) {
        assertEquals(erfc, ErrorFunction.erfc(x));
    }
}
