/**
 * Images in the article body: each must be a file beside the article (images/image-ref.ts), and
 * each becomes a numbered placeholder that the page fills with the optimised <picture>
 * (images/body-images.ts). An image alone in a paragraph (`![Kart](./kart.png "Bildetekst.
 * Foto: NTB")`) becomes a <figure> with the title as its caption; one inside a link, heading or
 * list item stays inline. The images are listed in the render metadata (`bodyImages`), where the
 * loader picks them up. Runs after the sanitiser, so only images it kept are seen.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { resolveImageRef } from '../images/image-ref.ts';
import type { BodyImage } from '../images/body-images.ts';
import { setRenderFact, type AstroFileData } from './render-facts.ts';

interface AstroFile {
  path?: string;
  data: AstroFileData;
  fail(reason: string, options?: { place?: Element['position'] }): never;
}

type Parent = Root | Element;

const isImage = (node: RootContent | ElementContent): boolean =>
  node.type === 'element' && node.tagName === 'img';

const isBlank = (node: ElementContent): boolean =>
  (node.type === 'text' && node.value.trim() === '') || (node.type === 'element' && node.tagName === 'br');

function decode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

export default function rehypeArticleImages(options: { contentDir: string }) {
  return (tree: Root, file: AstroFile) => {
    const images: BodyImage[] = [];

    /** Checks an image and records it; returns its placeholder. */
    const placeholder = (node: Element, block: boolean): Element => {
      const { src, alt, title } = node.properties;
      if (typeof src !== 'string' || src === '') {
        file.fail(
          'An image has no file: only images beside the article are allowed (data: and other URLs are removed).',
          { place: node.position },
        );
      }
      const path = decode(src);
      const ref = file.path
        ? resolveImageRef(path, file.path, options.contentDir)
        : {
            ok: false as const,
            problem: `The image ${path} cannot be found without the article's file path.`,
            fix: '',
          };
      if (!ref.ok) file.fail(`${ref.problem} ${ref.fix}`.trim(), { place: node.position });
      images.push({
        path,
        alt: typeof alt === 'string' ? alt : '',
        title: typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined,
        block,
      });
      return {
        type: 'element',
        tagName: block ? 'figure' : 'picture',
        properties: { dataArticleImage: String(images.length - 1) },
        children: [],
        position: node.position,
      };
    };

    /** A paragraph with images: each image its own figure, the text around it its own paragraphs. */
    const splitParagraph = (p: Element): Element[] => {
      const out: Element[] = [];
      let run: ElementContent[] = [];
      const flush = () => {
        if (run.some((n) => !isBlank(n))) out.push({ ...p, children: run });
        run = [];
      };
      for (const child of p.children) {
        if (child.type === 'element' && child.tagName === 'img') {
          flush();
          out.push(placeholder(child, true));
        } else {
          if (child.type === 'element') walk(child);
          run.push(child);
        }
      }
      flush();
      return out;
    };

    const walk = (parent: Parent): void => {
      const children: (RootContent | ElementContent)[] = [];
      for (const child of parent.children) {
        if (child.type !== 'element') {
          children.push(child);
        } else if (child.tagName === 'p' && child.children.some(isImage)) {
          children.push(...splitParagraph(child));
        } else if (child.tagName === 'img') {
          children.push(placeholder(child, false));
        } else {
          walk(child);
          children.push(child);
        }
      }
      parent.children = children as typeof parent.children;
    };

    walk(tree);
    setRenderFact(file, 'bodyImages', images);
  };
}
