import { describe, expect, it } from 'vitest';
import {
  COLUMN_IMAGE,
  COLUMN_PX,
  cropSize,
  fallbackFormat,
  outputFor,
  THUMBNAIL_IMAGE,
} from '../../src/lib/images/layout';

describe('cropSize', () => {
  it('takes the largest box of the shape that fits, no wider than asked', () => {
    expect(cropSize({ width: 3000, height: 2000 }, [1200, 630], 1200)).toEqual({ width: 1200, height: 630 });
    expect(cropSize({ width: 3000, height: 2000 }, [1, 1], 1200)).toEqual({ width: 1200, height: 1200 });
    // Too short for a 1200-wide square: the square is as tall as the photo.
    expect(cropSize({ width: 1600, height: 1067 }, [1, 1], 1200)).toEqual({ width: 1067, height: 1067 });
    // Too narrow: never upscaled.
    expect(cropSize({ width: 800, height: 600 }, [16, 9], 1200)).toEqual({ width: 800, height: 450 });
  });
});

describe('outputFor', () => {
  it('makes the layout widths a photo is wide enough for, up to twice the column', () => {
    const { box, widths, sizes, portrait } = outputFor({ width: 3000, height: 2000 }, COLUMN_IMAGE);
    expect(box).toEqual({ width: 1344, height: 896 });
    expect(widths).toEqual([360, 720, 1080, 1344]);
    expect(Math.max(...widths)).toBe(2 * COLUMN_PX);
    expect(sizes).toBe('(min-width: 44rem) 42rem, calc(100vw - 2rem)');
    expect(portrait).toBe(false);
  });

  it('adds the photo’s own width when it is narrower than the largest, and never upscales', () => {
    expect(outputFor({ width: 1000, height: 1500 }, COLUMN_IMAGE).widths).toEqual([360, 720, 1000]);
    expect(outputFor({ width: 300, height: 200 }, COLUMN_IMAGE).widths).toEqual([300]);
  });

  it('draws a photo narrower than the column at its own width', () => {
    expect(outputFor({ width: 500, height: 300 }, COLUMN_IMAGE).sizes).toBe(
      '(min-width: 44rem) 500px, min(500px, calc(100vw - 2rem))',
    );
  });

  it('draws a portrait photo at three quarters of the column on wide screens', () => {
    const { sizes, portrait } = outputFor({ width: 1000, height: 1500 }, COLUMN_IMAGE);
    expect(portrait).toBe(true);
    expect(sizes).toBe('(min-width: 44rem) 31.5rem, calc(100vw - 2rem)');
  });

  it('makes one fallback file: the feed image in the column, the 2× thumbnail in lists', () => {
    expect(COLUMN_IMAGE.fallbackWidth).toBe(1080);
    expect(THUMBNAIL_IMAGE.fallbackWidth).toBe(256);
  });

  it('crops thumbnails to 3:2 at 1×, 2× and 3× the thumbnail width', () => {
    const { box, widths, sizes } = outputFor({ width: 1000, height: 1500 }, THUMBNAIL_IMAGE);
    expect(box).toEqual({ width: 384, height: 256 });
    expect(widths).toEqual([128, 256, 384]);
    expect(sizes).toBe('8rem');
  });
});

describe('fallbackFormat', () => {
  it('keeps PNG for graphics and uses JPEG for everything else', () => {
    expect(fallbackFormat('png')).toBe('png');
    expect(fallbackFormat('jpeg')).toBe('jpg');
    expect(fallbackFormat('webp')).toBe('jpg');
    expect(fallbackFormat('avif')).toBe('jpg');
  });
});
