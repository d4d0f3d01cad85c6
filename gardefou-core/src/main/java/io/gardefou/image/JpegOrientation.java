package io.gardefou.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/** Reads the EXIF orientation of a JPEG: tag 0x0112 of IFD0 in the first APP1 "Exif" segment. */
final class JpegOrientation {
  private JpegOrientation() {}

  /**
   * The orientation, or NORMAL when there is no Exif segment, no tag, or the Exif data is broken: a viewer
   * shows such a file as stored, so that is the picture to screen.
   */
  static Orientation of(byte[] jpeg) {
    try (ImageInputStream stream = new ByteArrayImageInputStream(jpeg)) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return Orientation.NORMAL;
      }
      byte[] tiff = exif.get(0).data().readAllBytes(); // after "Exif\0"; one pad byte before the TIFF header
      if (tiff.length < 2) {
        return Orientation.NORMAL;
      }
      Directory directory = new TIFFReader().read(new ByteArrayImageInputStream(tiff, 1, tiff.length - 1));
      Directory ifd0 = directory instanceof CompoundDirectory ifds && ifds.directoryCount() > 0
          ? ifds.getDirectory(0)
          : directory;
      Entry tag = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
      return tag != null && tag.getValue() instanceof Number value ? Orientation.ofExif(value.intValue())
          : Orientation.NORMAL;
    } catch (IOException | RuntimeException broken) {
      return Orientation.NORMAL;
    }
  }
}
