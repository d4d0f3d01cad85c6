// Runs the real nsfwjs 4.4.0 MobileNetV2 (tfjs pure-JS CPU backend) on the synthetic inputs and prints the five
// class probabilities as JSON to the file given (nsfwjs itself logs to stdout). Reproduce:
//   cd gardefou-core/src/test/node && npm install && node nsfwjs-reference.mjs \
//     ../resources/io/gardefou/image/nsfwjs-reference.json
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import * as nsfwjs from 'nsfwjs';
import { CASES, pattern } from './synthetic.mjs';

await tf.setBackend('cpu');
const model = await nsfwjs.load('MobileNetV2');
const cases = [];
for (const { name, width, height } of CASES) {
  const input = tf.tensor3d(pattern(name, width, height), [height, width, 3], 'int32');
  // infer() is classify() without the top-k sort: /255, resizeBilinear(alignCorners) unless 224x224, predict.
  const output = model.infer(input);
  const probabilities = Array.from(output.dataSync());
  cases.push({ pattern: name, width, height, probabilities });
  tf.dispose([input, output]);
}
const document = {
  source: 'nsfwjs@4.4.0 MobileNetV2, @tensorflow/tfjs@4.22.0 cpu backend, node ' + process.version,
  classes: ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'],
  cases,
};
writeFileSync(process.argv[2], JSON.stringify(document, null, 2) + '\n');
