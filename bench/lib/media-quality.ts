// Image quality for the photo benchmark: SSIM of a variant against the master it was made from,
// on luma, over 8 × 8 blocks (mean SSIM; 1 = identical). Enough to compare encoders at a width.
import sharp from "sharp";

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
const BLOCK = 8;

async function luma(
  input: Buffer | { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 },
  width: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const image = Buffer.isBuffer(input) ? sharp(input) : sharp(input.data, { raw: { width: input.width, height: input.height, channels: input.channels } });
  const { data, info } = await image.resize({ width }).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** SSIM of `encoded` (a file) against `reference` (raw pixels) shrunk to the same width. */
export async function ssim(encoded: Buffer, reference: { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }, width: number): Promise<number> {
  const [a, b] = await Promise.all([luma(encoded, width), luma(reference, width)]);
  const height = Math.min(a.height, b.height);
  let total = 0;
  let blocks = 0;
  for (let top = 0; top + BLOCK <= height; top += BLOCK) {
    for (let left = 0; left + BLOCK <= width; left += BLOCK) {
      let sumA = 0,
        sumB = 0,
        sumAA = 0,
        sumBB = 0,
        sumAB = 0;
      for (let y = top; y < top + BLOCK; y++) {
        for (let x = left; x < left + BLOCK; x++) {
          const va = a.data[y * a.width + x];
          const vb = b.data[y * b.width + x];
          sumA += va;
          sumB += vb;
          sumAA += va * va;
          sumBB += vb * vb;
          sumAB += va * vb;
        }
      }
      const n = BLOCK * BLOCK;
      const meanA = sumA / n;
      const meanB = sumB / n;
      const varA = sumAA / n - meanA * meanA;
      const varB = sumBB / n - meanB * meanB;
      const cov = sumAB / n - meanA * meanB;
      total += ((2 * meanA * meanB + C1) * (2 * cov + C2)) / ((meanA * meanA + meanB * meanB + C1) * (varA + varB + C2));
      blocks++;
    }
  }
  return total / blocks;
}
