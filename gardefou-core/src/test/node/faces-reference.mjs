// Runs the original BlazeFace (@vladmandic/human 3.3.6 models/blazeface.json, loaded by tfjs's own GraphModel) and
// face-api's AgeGenderNet (@vladmandic/face-api 1.7.15, its own code) on the pure-JS CPU backend over the synthetic
// inputs, and writes the raw outputs as JSON. The model files are read from gardefou-core/target, where the Maven
// build fetched them. Reproduce (after a build of gardefou-core):
//   cd gardefou-core/src/test/node && npm install && node faces-reference.mjs \
//     ../resources/io/gardefou/image/faces-reference.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { pattern } from './synthetic.mjs';

const require = createRequire(import.meta.url);
const target = new URL('../../../target/', import.meta.url).pathname;
// Six decimals: far below the 1e-4 the Java test allows, and it keeps the committed file small.
const round = (values) => Array.from(values, (v) => Number(v.toFixed(6)));

await tf.setBackend('cpu');

// BlazeFace: the GraphModel exactly as Human loads it, fed Human's normalisation (pixel / 127.5 - 1).
const dir = target + 'human/package/models/';
const json = JSON.parse(readFileSync(dir + 'blazeface.json', 'utf8'));
const bin = readFileSync(dir + 'blazeface.bin');
const blazeface = await tf.loadGraphModel(tf.io.fromMemory({
  modelTopology: json.modelTopology,
  weightSpecs: json.weightsManifest[0].weights,
  weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  format: json.format,
  generatedBy: json.generatedBy,
  convertedBy: json.convertedBy,
  userDefinedMetadata: json.userDefinedMetadata,
}));
const outputs = ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'];
const blazefaceCases = [];
for (const name of ['gradient', 'checkerboard', 'rings']) {
  const pixels = tf.tensor4d(pattern(name, 256, 256), [1, 256, 256, 3], 'int32');
  const input = tf.sub(tf.div(tf.cast(pixels, 'float32'), 127.5), 1);
  const results = blazeface.execute(input, outputs);
  const byName = {};
  outputs.forEach((output, i) => { byName[output] = { shape: results[i].shape, values: round(results[i].dataSync()) }; });
  blazefaceCases.push({ pattern: name, width: 256, height: 256, outputs: byName });
  tf.dispose([pixels, input, ...results]);
}

// AgeGenderNet through face-api's own forward(): padToSquare and resize are no-ops at 112x112, then
// (x - mean RGB) / 255, TinyXception(2), avgPool, the two fully connected heads and the gender softmax.
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
await faceapi.tf.setBackend('cpu');
await faceapi.tf.ready();
await faceapi.nets.ageGenderNet.loadFromDisk(target + 'face-api/package/model');
const ageCases = [];
for (const name of ['gradient', 'checkerboard', 'noise', 'rings']) {
  const input = faceapi.tf.tensor4d(pattern(name, 112, 112), [1, 112, 112, 3], 'int32');
  const { age, gender } = await faceapi.nets.ageGenderNet.forward(input);
  ageCases.push({ pattern: name, width: 112, height: 112, age: Array.from(age.dataSync())[0],
    gender: Array.from(gender.dataSync()) });
  faceapi.tf.dispose([input, age, gender]);
}

const document = {
  source: '@vladmandic/human@3.3.6 blazeface (tf.loadGraphModel), @vladmandic/face-api@1.7.15 ageGenderNet, '
    + '@tensorflow/tfjs@' + tf.version.tfjs + ' cpu backend, node ' + process.version,
  blazeface: blazefaceCases,
  ageGender: ageCases,
};
writeFileSync(process.argv[2], JSON.stringify(document) + '\n');
