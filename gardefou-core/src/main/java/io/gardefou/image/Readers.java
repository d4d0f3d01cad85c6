package io.gardefou.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The one reader provider per format, chosen by class rather than by ImageIO's "first that claims it", so that
 * another plugin on the class path never gets to parse hostile bytes: TwelveMonkeys for JPEG (CMYK/YCCK,
 * broken markers) and WebP (absent from the JDK), the JDK's own for PNG, GIF and BMP.
 *
 * <p>TwelveMonkeys' JPEG provider wraps the JDK's and only finds it when registered, which ImageIO does from
 * {@code META-INF/services} at start-up. That file can be lost (a shaded jar without the services transformer,
 * a class loader ImageIO does not scan), so a missing provider is registered here by hand: the decoder works the
 * same from the {@code lib/} class path, a fat jar and the tests.
 */
final class Readers {
  private static final Map<ImageFormat, String> JDK_PROVIDERS = Map.of(
      ImageFormat.PNG, "com.sun.imageio.plugins.png.PNGImageReaderSpi",
      ImageFormat.GIF, "com.sun.imageio.plugins.gif.GIFImageReaderSpi",
      ImageFormat.BMP, "com.sun.imageio.plugins.bmp.BMPImageReaderSpi");

  private Readers() {}

  /** Every format's provider; throws IllegalStateException naming a format nothing can read. */
  static Map<ImageFormat, ImageReaderSpi> resolve() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    Map<ImageFormat, ImageReaderSpi> providers = new EnumMap<>(ImageFormat.class);
    providers.put(ImageFormat.JPEG, twelveMonkeysJpeg(registry));
    providers.put(ImageFormat.WEBP, new WebPImageReaderSpi()); // self-contained: needs no registration
    JDK_PROVIDERS.forEach((format, className) -> providers.put(format, jdk(registry, format, className)));
    return providers;
  }

  private static ImageReaderSpi twelveMonkeysJpeg(IIORegistry registry) {
    JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    if (spi == null) {
      registry.registerServiceProvider(new JPEGImageReaderSpi(), ImageReaderSpi.class);
      spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    }
    if (spi == null) { // it deregisters itself when the JDK's JPEG reader it wraps is missing
      throw new IllegalStateException("no JPEG reader: TwelveMonkeys found no JDK JPEG reader to wrap");
    }
    return spi;
  }

  private static ImageReaderSpi jdk(IIORegistry registry, ImageFormat format, String className) {
    Iterator<ImageReaderSpi> all = registry.getServiceProviders(ImageReaderSpi.class, false);
    while (all.hasNext()) {
      ImageReaderSpi spi = all.next();
      if (spi.getClass().getName().equals(className)) {
        return spi;
      }
    }
    throw new IllegalStateException("no " + format + " reader: the JDK's " + className + " is not registered");
  }
}
