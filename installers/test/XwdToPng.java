import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Saves the screen of an Xvfb started with {@code -fbdir DIR} (its frame buffer, {@code DIR/Xvfb_screen0}, is an
 * XWD image of depth 24 in 32-bit pixels) as a PNG, and prints how many colours it holds, so that a caller can wait
 * until a window has drawn something. Run with the JDK: {@code java XwdToPng.java Xvfb_screen0 out.png}.
 */
public final class XwdToPng {
    public static void main(String[] args) throws IOException {
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        // the header: 25 32-bit fields, in the byte order that field 7 (byte_order) names; X servers write MSB first
        ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        int headerSize = h.getInt(0);
        int width = h.getInt(16);
        int height = h.getInt(20);
        int byteOrder = h.getInt(28);
        int bitsPerPixel = h.getInt(44);
        int bytesPerLine = h.getInt(48);
        int colours = h.getInt(76);
        if (bitsPerPixel != 32) {
            throw new IOException(args[0] + ": " + bitsPerPixel + " bits per pixel; start Xvfb with -screen 0 WxHx24");
        }
        // the pixels follow the header and the colour map (12 bytes an entry), in the image's byte order
        ByteBuffer px = ByteBuffer.wrap(file).order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int start = headerSize + 12 * colours;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = px.getInt(start + y * bytesPerLine + 4 * x) & 0xFFFFFF;
                image.setRGB(x, y, rgb);
                seen.add(rgb);
            }
        }
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
        System.out.println(seen.size());
    }
}
