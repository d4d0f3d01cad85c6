package io.gardefou.image;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;

/** Loads the ONNX models gardefou-core's build converts onto its classpath, as the image classifiers run them. */
final class OnnxModels {
  private OnnxModels() {}

  /** The bytes of a bundled model; throws IllegalStateException naming what is missing. */
  static byte[] resource(String resource, String what) {
    try (InputStream in = OnnxModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(what + " model " + resource + " is not on the classpath; build "
            + "gardefou-core with Maven (it fetches the npm package and converts it)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + what + " model " + resource, e);
    }
  }

  /**
   * A session with one intra-op and one inter-op thread and all optimisations: parallelism comes from concurrent
   * requests, and a session is safe to share between them.
   */
  static OrtSession session(byte[] model, String what) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the " + what + " model: " + e.getMessage(), e);
    }
  }
}
