package io.gardefou.image;

import io.gardefou.model.Category;
import io.gardefou.model.Evidence;
import io.gardefou.model.InputImage;
import io.gardefou.model.Operation;
import io.gardefou.model.ScreeningRequest;
import io.gardefou.model.Signals;
import io.gardefou.screen.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Judges each image of a request for sexual content, faces and the ages of those faces, so that nudity and age
 * are read on the same image: nsfwjs for the classes, BlazeFace for faces, AgeGenderNet on each upright face.
 * Speaks for {@code sexual}, {@code sexual/minors} and {@code sexual/non-consensual} (fusion rules:
 * {@code docs/design/faces-and-age.md}). A decoding, loading or inference failure throws, so the screener leaves
 * those categories unknown and the protected ones fail closed.
 */
public final class ImageDetector implements Detector {
  public static final String NAME = "image";
  /** Whether any image looks photographic rather than drawn (nsfwjs: Drawing + Hentai under one half). */
  public static final String PHOTO = "photo";
  /** How many faces the request's images hold in all. */
  public static final String FACES = "faces";
  /** The lowest estimated age of any face, in years, one decimal; absent when there is no face. */
  public static final String MIN_ESTIMATED_AGE = "min_estimated_age";
  /** Whether any face is estimated under {@link #MINOR_LIKELY_UNDER}. */
  public static final String MINOR_LIKELY = "minor_likely";
  /** Whether one image is both photographic and shows a face: what makes a sexual edit of it non-consensual. */
  public static final String PHOTO_WITH_FACE = "photo_with_face";
  /**
   * Any face estimated under 25 counts as a likely minor: the model's mean error is about 5 years (4.8 on ages
   * 9–18), so a 17-year-old is often estimated in the early twenties; 25 keeps most of them in.
   */
  public static final double MINOR_LIKELY_UNDER = 25.0;

  private final RequestDecoder decoder;
  private final NudityClassifier nudity;
  private final BlazeFace faces;
  private final AgeEstimator ages;

  private ImageDetector(RequestDecoder decoder, NudityClassifier nudity, BlazeFace faces, AgeEstimator ages) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.nudity = Objects.requireNonNull(nudity, "nudity");
    this.faces = Objects.requireNonNull(faces, "faces");
    this.ages = Objects.requireNonNull(ages, "ages");
  }

  /**
   * A detector on the bundled models, decoding with the decoder the screener's hashing detector shares; throws
   * IllegalStateException when a model cannot be loaded.
   */
  public static ImageDetector create(RequestDecoder decoder) {
    return new ImageDetector(decoder, NudityClassifier.create(), BlazeFace.create(), AgeEstimator.create());
  }

  public static ImageDetector create(RequestDecoder decoder, NudityClassifier nudity, BlazeFace faces, AgeEstimator ages) {
    return new ImageDetector(decoder, nudity, faces, ages);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Category> covers() {
    return Set.of(Category.SEXUAL, Category.SEXUAL_MINORS, Category.SEXUAL_NON_CONSENSUAL);
  }

  @Override
  public boolean appliesTo(ScreeningRequest request) {
    return !request.images().isEmpty();
  }

  @Override
  public Signals detect(ScreeningRequest request) throws Exception {
    List<ImageFindings> findings = new ArrayList<>();
    for (InputImage image : request.images()) {
      findings.add(judge(decoder.decode(request, image), image.name()));
    }
    // An output made from a photo with a face shows a real person: revealing content of them is non-consensual.
    boolean editOfPhotoWithFace = request.operation() == Operation.OUTPUT
        && request.contextFact(PHOTO_WITH_FACE).map("true"::equals).orElse(false);
    return fuse(findings, editOfPhotoWithFace);
  }

  /** The request's scores and facts from what each image showed: the highest score over the images wins. */
  static Signals fuse(List<ImageFindings> findings, boolean editOfPhotoWithFace) {
    if (findings.isEmpty()) {
      return Signals.empty();
    }
    ImageFindings sexual = findings.getFirst();
    ImageFindings minors = findings.getFirst();
    ImageFindings revealing = findings.getFirst();
    int faceCount = 0;
    double minAge = Double.POSITIVE_INFINITY;
    boolean photo = false;
    boolean photoWithFace = false;
    for (ImageFindings f : findings) {
      sexual = f.nudity().sexual() > sexual.nudity().sexual() ? f : sexual;
      minors = f.minors() > minors.minors() ? f : minors;
      revealing = f.revealing() > revealing.revealing() ? f : revealing;
      faceCount += f.faces();
      minAge = Math.min(minAge, f.minAge());
      photo |= f.nudity().photo();
      photoWithFace |= f.nudity().photo() && f.faces() > 0;
    }
    Signals.Builder signals = Signals.from(NAME)
        .score(Category.SEXUAL, sexual.nudity().sexual(), evidence("NSFW_CLASSES", sexual))
        .score(Category.SEXUAL_MINORS, minors.minors(), evidence("MINOR_LIKELY_FACE", minors))
        .score(Category.SEXUAL_NON_CONSENSUAL, editOfPhotoWithFace ? revealing.revealing() : 0.0,
            evidence("EDIT_OF_PHOTO_WITH_FACE", revealing))
        .fact(PHOTO, Boolean.toString(photo))
        .fact(FACES, Integer.toString(faceCount));
    if (faceCount > 0) {
      signals.fact(MIN_ESTIMATED_AGE, String.format(Locale.ROOT, "%.1f", minAge));
    }
    signals.fact(MINOR_LIKELY, Boolean.toString(minAge < MINOR_LIKELY_UNDER))
        .fact(PHOTO_WITH_FACE, Boolean.toString(photoWithFace));
    double[] probabilities = sexual.nudity().toArray();
    for (int i = 0; i < probabilities.length; i++) {
      signals.fact("nsfw_" + Nudity.CLASSES.get(i).toLowerCase(Locale.ROOT),
          String.format(Locale.ROOT, "%.4f", probabilities[i]));
    }
    return signals.build();
  }

  /**
   * The classes and each face's age are independent runs of one-threaded models: each runs on its own virtual thread,
   * so an idle core takes it, while this one finds the faces. With five faces, ages alone cost a core about 15 ms.
   */
  private ImageFindings judge(DecodedImage decoded, String name) throws Exception {
    FutureTask<Nudity> classes = fork("image-nudity", () -> nudity.classify(decoded));
    List<Face> found = faces.detect(decoded);
    List<FutureTask<AgeEstimator.Estimate>> estimates = new ArrayList<>(found.size());
    for (Face face : found) {
      estimates.add(fork("image-age", () -> ages.estimate(decoded, face)));
    }
    double minAge = Double.POSITIVE_INFINITY;
    for (FutureTask<AgeEstimator.Estimate> estimate : estimates) {
      minAge = Math.min(minAge, join(estimate).age());
    }
    return new ImageFindings(name, join(classes), found.size(), minAge);
  }

  private static <T> FutureTask<T> fork(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread.ofVirtual().name(name).start(task);
    return task;
  }

  private static <T> T join(FutureTask<T> task) throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static List<Evidence> evidence(String concept, ImageFindings findings) {
    return List.of(new Evidence(concept, findings.name(), -1, -1));
  }
}
