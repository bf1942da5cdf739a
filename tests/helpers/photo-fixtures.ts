/**
 * Writes the photos of the fixture articles in tests/fixtures/photos/ (committed; run this only
 * to make them again): node tests/helpers/photo-fixtures.ts
 * Each carries camera make, model and a GPS position, which the built site must not contain.
 */
import { join } from 'node:path';
import { writePhoto } from '../../scripts/bench/photos.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'photos', 'articles', '2020', '10');

await writePhoto(join(dir, 'lavrov-i-moskva', 'lavrov.jpg'), {
  width: 1800,
  height: 1200,
  seed: 11,
  quality: 78,
});
await writePhoto(join(dir, 'lavrov-i-moskva', 'kart.png'), {
  width: 1600,
  height: 1000,
  seed: 12,
  format: 'png',
});
// Stored sideways as a phone does (EXIF orientation 6): shown 1000 × 1500, upright.
await writePhoto(join(dir, 'lavrov-i-moskva', 'bilder', 'soldater.jpg'), {
  width: 1000,
  height: 1500,
  seed: 13,
  orientation: 6,
  quality: 78,
});
await writePhoto(join(dir, 'vapenhvile-brutt-bilde.jpg'), {
  width: 1600,
  height: 1067,
  seed: 14,
  quality: 78,
});

// The accountability fixtures (tests/fixtures/accountability/): a corrected article and an
// opinion piece, each with a lead photo, as Google's structured-data rules want of a NewsArticle.
const accountability = join(import.meta.dirname, '..', 'fixtures', 'accountability', 'articles', '2020');
await writePhoto(join(accountability, 'ferje.jpg'), { width: 1600, height: 1067, seed: 21, quality: 70 });
await writePhoto(join(accountability, 'kyst.jpg'), { width: 1600, height: 1067, seed: 22, quality: 70 });
