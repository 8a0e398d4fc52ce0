package dev.hpsearch.optimizer.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void smallValuesKeepTheirExponent() {
        assertThat(Numbers.display(7.79988e-6)).isEqualTo("7.8e-06");
        assertThat(Numbers.display(-1.23456e-4)).isEqualTo("-1.235e-04");
    }

    @Test
    void largeValuesKeepTheirExponent() {
        assertThat(Numbers.display(123456789.0)).isEqualTo("1.235e+08");
        assertThat(Numbers.display(99999.0)).isEqualTo("1e+05");
        assertThat(Numbers.display(12345.0)).isEqualTo("1.235e+04");
        assertThat(Numbers.display(9999.0)).isEqualTo("9999");
    }

    @Test
    void ordinaryValuesHaveFourSignificantDigits() {
        assertThat(Numbers.display(0.123456)).isEqualTo("0.1235");
        assertThat(Numbers.display(3.14159)).isEqualTo("3.142");
        assertThat(Numbers.display(12.5)).isEqualTo("12.5");
        assertThat(Numbers.display(1234.56)).isEqualTo("1235");
        assertThat(Numbers.display(0.001)).isEqualTo("0.001");
        assertThat(Numbers.display(0)).isEqualTo("0");
    }

    @Test
    void fullFormReadsBackToTheSameDouble() {
        for (double v : new double[] {7.79988e-6, 0.1 + 0.2, 1e300, -2.5, 1234567.0}) {
            assertThat(Double.parseDouble(Numbers.full(v))).isEqualTo(v);
        }
        assertThat(Numbers.full(7.79988e-6)).isEqualTo("7.79988e-6");
    }

    @Test
    void jsonValues() {
        assertThat(Numbers.display(DoubleNode.valueOf(7.79988e-6))).isEqualTo("7.8e-06");
        assertThat(Numbers.display(IntNode.valueOf(42))).isEqualTo("42");
        assertThat(Numbers.display(TextNode.valueOf("relu"))).isEqualTo("relu");
        assertThat(Numbers.full(DoubleNode.valueOf(7.79988e-6))).isEqualTo("7.79988e-6");
    }
}
