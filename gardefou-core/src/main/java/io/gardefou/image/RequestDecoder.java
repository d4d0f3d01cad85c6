package io.gardefou.image;

import io.gardefou.model.InputImage;
import io.gardefou.model.ScreeningRequest;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Decodes each image of a request once, however many of the screener's detectors ask for it: the detectors of a
 * request run in parallel on the same images, and decoding costs more than most of what they do with the pixels
 * ({@code docs/design/image-decoding.md}). The first detector to ask decodes on its own thread; the others wait for
 * that result, or that {@link ImageError}.
 *
 * <p>Decodes are held per request instance, weakly and by identity (a record's equality would merge equal requests
 * of different tenants): they go when the request does, so nothing outlives it or passes to another request. Safe
 * to share between detectors and threads.
 */
public final class RequestDecoder {
  private final Function<InputImage, DecodedImage> decode;
  private final Map<RequestKey, Map<InputImage, FutureTask<DecodedImage>>> requests = new ConcurrentHashMap<>();
  private final ReferenceQueue<ScreeningRequest> finished = new ReferenceQueue<>();

  RequestDecoder(Function<InputImage, DecodedImage> decode) {
    this.decode = Objects.requireNonNull(decode, "decode");
  }

  /** Shares this decoder's decodes among the detectors of each request. */
  public static RequestDecoder over(ImageDecoder decoder) {
    return new RequestDecoder(decoder::decode);
  }

  /**
   * The image, one of the request's, decoded; the same instance for every caller with this request. Throws the
   * decoder's {@link ImageError}, to every caller, when the image cannot be decoded.
   */
  public DecodedImage decode(ScreeningRequest request, InputImage image) {
    forgetFinishedRequests();
    Map<InputImage, FutureTask<DecodedImage>> decodes =
        requests.computeIfAbsent(new RequestKey(request, finished), key -> new IdentityHashMap<>());
    FutureTask<DecodedImage> mine = new FutureTask<>(() -> decode.apply(image));
    FutureTask<DecodedImage> shared;
    synchronized (decodes) {
      shared = decodes.putIfAbsent(image, mine);
    }
    if (shared == null) {
      mine.run();
      shared = mine;
    }
    return await(shared, image);
  }

  /** How many requests hold decodes: for tests of their release. */
  int requestsHeld() {
    forgetFinishedRequests();
    return requests.size();
  }

  private static DecodedImage await(FutureTask<DecodedImage> decoding, InputImage image) {
    try {
      return decoding.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException fault -> throw fault;
        case Error error -> throw error;
        default -> throw new IllegalStateException("decoding " + image.name() + " failed", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while another detector decoded " + image.name());
    }
  }

  private void forgetFinishedRequests() {
    for (Object key; (key = finished.poll()) != null; ) {
      requests.remove(key);
    }
  }

  /** A request by identity, cleared once the request is unreachable. */
  private static final class RequestKey extends WeakReference<ScreeningRequest> {
    private final int hash;

    RequestKey(ScreeningRequest request, ReferenceQueue<ScreeningRequest> finished) {
      super(Objects.requireNonNull(request, "request"), finished);
      this.hash = System.identityHashCode(request);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      ScreeningRequest request = get();
      return request != null && o instanceof RequestKey other && request == other.get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
