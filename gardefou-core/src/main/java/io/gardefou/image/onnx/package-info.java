/**
 * Build-time conversion of TF.js Keras LayersModels (as nsfwjs ships them) to ONNX, with a hand-written protobuf
 * writer: {@link io.gardefou.image.onnx.ConvertNsfwjs} is run by gardefou-core's build. Design and supported
 * layers: {@code docs/design/nudity-model.md}.
 */
package io.gardefou.image.onnx;
