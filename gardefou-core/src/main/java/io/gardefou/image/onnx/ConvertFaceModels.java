package io.gardefou.image.onnx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build-time tool: converts BlazeFace ({@code @vladmandic/human} {@code models/blazeface.json}) and face-api's
 * AgeGenderNet ({@code @vladmandic/face-api} {@code model/age_gender_model*}) to ONNX, each skipped when its file
 * is already newer than its inputs and the converter's classes. Run by gardefou-core's pom in {@code process-classes}.
 */
public final class ConvertFaceModels {
  /** The file names written into the output directory. */
  public static final String BLAZEFACE = "blazeface.onnx";
  public static final String AGE_GENDER = "face-api-age-gender.onnx";

  private ConvertFaceModels() {}

  /** Arguments: Human's {@code models} directory, face-api's {@code model} directory, the output directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ConvertFaceModels <human models dir> <face-api model dir> <output dir>");
    }
    Path human = Path.of(args[0]);
    Path faceApi = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Path blazeface = out.resolve(BLAZEFACE);
    if (!ConvertNsfwjs.upToDate(human, blazeface)) {
      byte[] onnx = GraphToOnnx.convert(GraphModel.read(human.resolve("blazeface.json")));
      ConvertNsfwjs.write(blazeface, onnx);
      System.out.println("blazeface -> " + blazeface + " (" + onnx.length + " bytes)");
    }
    Path ageGender = out.resolve(AGE_GENDER);
    if (!ConvertNsfwjs.upToDate(faceApi, ageGender)) {
      byte[] onnx = AgeGenderToOnnx.convert(AgeGenderToOnnx.read(faceApi));
      ConvertNsfwjs.write(ageGender, onnx);
      System.out.println("age-gender -> " + ageGender + " (" + onnx.length + " bytes)");
    }
  }
}
