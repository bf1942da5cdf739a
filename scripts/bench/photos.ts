/**
 * Deterministic stand-ins for news photos, for benchmarks and test fixtures: a landscape of sky,
 * sun, hills and houses drawn from a seed, with film grain and the camera metadata a real photo
 * carries (make, model, GPS position), optionally stored sideways with an EXIF orientation the
 * way phones do. A red bar marks the top of the picture as it should be shown, so a test can
 * tell whether the orientation was applied.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { prng } from './random.ts';

export interface PhotoOptions {
  width: number;
  height: number;
  seed: number;
  format?: 'jpeg' | 'png';
  /** EXIF orientation to store: 6 = stored turned a quarter anticlockwise, shown upright. */
  orientation?: 1 | 6 | undefined;
  /** Leave out the camera metadata (make, model, GPS). */
  plain?: boolean | undefined;
  /** JPEG quality (default 88, like a camera's "fine"). */
  quality?: number | undefined;
}

/** The camera metadata a photo carries; no published image may contain any of it. */
export const CAMERA = {
  make: 'Nyhetskamera',
  model: 'Z9-GPS',
  latitude: '59/1 54/1 4290/100',
  longitude: '10/1 45/1 2160/100',
};

/** Grain amplitude, in levels of 255. */
const GRAIN = 24;

/** The picture, upright, as SVG. */
function scene(width: number, height: number, seed: number): string {
  const random = prng(seed);
  const hue = Math.floor(random() * 360);
  const shapes: string[] = [];
  const sunX = width * (0.15 + random() * 0.7);
  shapes.push(
    `<circle cx="${sunX}" cy="${height * 0.28}" r="${height * 0.09}" fill="hsl(${(hue + 40) % 360},90%,70%)"/>`,
  );
  for (let layer = 0; layer < 4; layer++) {
    const base = height * (0.5 + layer * 0.12);
    const points = [`0,${height}`];
    for (let x = 0; x <= width; x += width / 12)
      points.push(`${x.toFixed(0)},${(base - random() * height * 0.15).toFixed(0)}`);
    points.push(`${width},${height}`);
    shapes.push(
      `<polygon points="${points.join(' ')}" fill="hsl(${(hue + 120 + layer * 15) % 360},${35 + layer * 8}%,${45 - layer * 8}%)"/>`,
    );
  }
  for (let i = 0; i < 14; i++) {
    const w = width * (0.02 + random() * 0.04);
    const h = height * (0.05 + random() * 0.1);
    const x = random() * (width - w);
    const y = height * 0.78 - h + random() * height * 0.1;
    shapes.push(
      `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="hsl(${Math.floor(random() * 360)},45%,${40 + random() * 40}%)"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,45%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},70%,85%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>${shapes.join('')}
<rect x="0" y="0" width="${width}" height="${Math.max(4, Math.round(height * 0.03))}" fill="#e00000"/>
</svg>`;
}

/**
 * Film grain: a seeded noise layer, so the photos are as hard to compress as real ones. Its
 * strength is set so that encoded sizes at 1344 px match camera photos' (bench/RESULTS.md).
 */
async function grain(width: number, height: number, seed: number): Promise<Buffer> {
  const random = prng(seed ^ 0x9e3779b9);
  // Drawn at a quarter of the size and scaled up: grain like a camera's, and cheap to make.
  const w = Math.ceil(width / 4);
  const h = Math.ceil(height / 4);
  const pixels = Buffer.alloc(w * h);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 128 + Math.round((random() - 0.5) * GRAIN);
  return sharp(pixels, { raw: { width: w, height: h, channels: 1 } })
    .resize(width, height, { kernel: 'cubic' })
    .png()
    .toBuffer();
}

/** The photo file's bytes. */
export async function makePhoto(options: PhotoOptions): Promise<Buffer> {
  const { width, height, seed, format = 'jpeg', orientation = 1, plain = false, quality = 88 } = options;
  // Photos get grain; a PNG stands for a graphic or map (flat colours).
  let image = sharp(Buffer.from(scene(width, height, seed)));
  if (format === 'jpeg')
    image = image.composite([{ input: await grain(width, height, seed), blend: 'soft-light' }]);
  image = image.flatten({ background: '#ffffff' });
  // Shown upright after an EXIF rotation of 90° clockwise, so stored a quarter turn back.
  if (orientation === 6) image = sharp(await image.png().toBuffer()).rotate(270);
  const encoded =
    format === 'png'
      ? image.png({ compressionLevel: 6 })
      : image.jpeg({ quality, chromaSubsampling: '4:2:0' });
  if (plain) return encoded.toBuffer();
  return encoded
    .withExif({
      IFD0: { Make: CAMERA.make, Model: CAMERA.model },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: CAMERA.latitude,
        GPSLongitudeRef: 'E',
        GPSLongitude: CAMERA.longitude,
      },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

/** Writes a photo (creating its folder). */
export async function writePhoto(path: string, options: PhotoOptions): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await makePhoto(options));
}
