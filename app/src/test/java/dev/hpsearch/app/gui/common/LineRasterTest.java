package dev.hpsearch.app.gui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The line rasteriser behind the canvas plots; no toolkit needed. */
class LineRasterTest {
    private static final int F = LineRaster.FIXED_ONE;

    @Test
    void opaqueHorizontalLineSetsOnePixelPerColumnBetweenItsEnds() {
        LineRaster r = new LineRaster(20, 10);
        r.setColour(Color.rgb(255, 0, 0));
        r.line(2 * F, 4 * F, 12 * F, 4 * F);
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 10; y++) {
                boolean on = y == 4 && x >= 2 && x <= 12;
                assertThat(r.pixel(x, y)).as("(%d, %d)", x, y).isEqualTo(on ? 0xffff0000 : 0);
            }
        }
    }

    @Test
    void steepLineSetsOnePixelPerRow() {
        LineRaster r = new LineRaster(10, 30);
        r.setColour(Color.rgb(0, 0, 255));
        r.line(3 * F, 2 * F, 6 * F, 27 * F);
        for (int y = 0; y < 30; y++) {
            int set = 0;
            for (int x = 0; x < 10; x++) {
                set += r.pixel(x, y) != 0 ? 1 : 0;
            }
            assertThat(set).as("row %d", y).isEqualTo(y >= 2 && y <= 27 ? 1 : 0);
        }
        assertThat(r.pixel(3, 2)).isEqualTo(0xff0000ff);
        assertThat(r.pixel(6, 27)).isEqualTo(0xff0000ff);
    }

    @Test
    void translucentLineBlendsSourceOverWhatIsThere() {
        LineRaster r = new LineRaster(4, 1);
        r.setColour(Color.rgb(255, 255, 255));
        r.line(0, 0, 3 * F, 0);
        r.setColour(Color.rgb(0, 0, 0, 0.5));
        r.line(0, 0, 3 * F, 0);
        // premultiplied: black at half over white leaves half white, still opaque
        int p = r.pixel(1, 0);
        assertThat(p >>> 24).isEqualTo(255);
        assertThat((p >> 16) & 0xff).isBetween(126, 129);
    }

    @Test
    void linesLeavingTheRasterAreClipped() {
        LineRaster r = new LineRaster(10, 10);
        r.setColour(Color.BLACK);
        r.line(-50 * F, -20 * F, 60 * F, 30 * F);
        r.line(LineRaster.fixed(-1e12), 0, LineRaster.fixed(1e12), 9 * F);
        r.line(3 * F, -40 * F, 4 * F, 90 * F);
        assertThat(r.isDirty()).isTrue();
        assertThat(r.pixel(4, 5)).isNotZero();
    }

    @Test
    void rowStripsDrawnByTwoThreadsEqualTheWholeLines() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] lines = new int[3000][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new int[] {rng.nextInt(-10 * F, 130 * F), rng.nextInt(-10 * F, 90 * F),
                    rng.nextInt(-10 * F, 130 * F), rng.nextInt(-10 * F, 90 * F)};
        }
        Color[] colours = {Color.rgb(200, 30, 30, 0.35), Color.rgb(30, 90, 200, 0.6), Color.rgb(180, 180, 180, 0.25)};
        LineRaster whole = new LineRaster(120, 80);
        for (int i = 0; i < lines.length; i++) {
            whole.setColour(colours[i % 3]);
            whole.line(lines[i][0], lines[i][1], lines[i][2], lines[i][3]);
        }
        LineRaster strips = new LineRaster(120, 80);
        LineRaster.Ink[] inks = {LineRaster.Ink.of(colours[0]), LineRaster.Ink.of(colours[1]),
                LineRaster.Ink.of(colours[2])};
        CompletableFuture<?>[] halves = new CompletableFuture<?>[4];
        for (int s = 0; s < halves.length; s++) {
            int from = s * 20;
            halves[s] = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < lines.length; i++) {
                    strips.line(inks[i % 3], lines[i][0], lines[i][1], lines[i][2], lines[i][3], from, from + 20);
                }
            });
        }
        CompletableFuture.allOf(halves).get();
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                assertThat(strips.pixel(x, y)).as("(%d, %d)", x, y).isEqualTo(whole.pixel(x, y));
            }
        }
    }

    @Test
    void clearMakesEveryPixelTransparent() {
        LineRaster r = new LineRaster(5, 5);
        r.setColour(Color.BLACK);
        r.line(0, 0, 4 * F, 4 * F);
        r.clear();
        assertThat(r.isDirty()).isFalse();
        assertThat(r.pixel(2, 2)).isZero();
    }

    @Test
    void emptyRasterIsRefused() {
        assertThatThrownBy(() -> new LineRaster(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
