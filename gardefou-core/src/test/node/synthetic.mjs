// The synthetic RGB inputs of the parity test. NsfwjsParityTest (Java) builds the same pixels from the same
// integer formulas, so both sides see identical tensors. No photographs, nothing sexual.

/** Integer RGB in [0, 255], row-major HWC, for one named pattern. */
export function pattern(name, width, height) {
  const pixels = new Uint8Array(width * height * 3);
  let seed = 0x2545f491 | 0; // xorshift32 state, kept as a signed 32-bit int like Java's int
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let v;
        switch (name) {
          case 'gradient':
            v = [Math.floor((x * 255) / (width - 1)), Math.floor((y * 255) / (height - 1)),
              Math.floor(((x + y) * 255) / (width + height - 2))][c];
            break;
          case 'checkerboard':
            v = (((x >> 4) + (y >> 4)) & 1) === 1 ? [230, 200, 40][c] : [20, 60, 200][c];
            break;
          case 'noise':
            seed ^= seed << 13;
            seed ^= seed >>> 17;
            seed ^= seed << 5;
            v = seed & 255;
            break;
          case 'rings': {
            const d = ((x - 112) * (x - 112) + (y - 112) * (y - 112)) >> 5;
            v = (d * [3, 5, 7][c]) & 255;
            break;
          }
          default:
            throw new Error('unknown pattern ' + name);
        }
        pixels[(y * width + x) * 3 + c] = v;
      }
    }
  }
  return pixels;
}

/** The cases: 224x224 ones reach the model unresized; the last one exercises nsfwjs's bilinear resize. */
export const CASES = [
  { name: 'gradient', width: 224, height: 224 },
  { name: 'checkerboard', width: 224, height: 224 },
  { name: 'noise', width: 224, height: 224 },
  { name: 'rings', width: 224, height: 224 },
  { name: 'gradient', width: 320, height: 240 },
  { name: 'checkerboard', width: 150, height: 300 },
];
