/**
 * Which wire format a file is, by its content (never its name): ninjs (JSON), NewsML-G2 (XML
 * with a newsItem) or NTB's plain text (editor/wire.ts). Broken JSON or XML is an error naming
 * where it broke.
 */
import { readNinjs } from './wire-ninjs.ts';
import { readNewsml } from './wire-newsml.ts';
import { WireFormatError, type WireItem } from './wire-item.ts';

export type WireFile = { kind: 'iptc'; item: WireItem } | { kind: 'ntb-text' };

export function readWireFile(text: string): WireFile {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') || body.startsWith('[')) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch (error) {
      throw new WireFormatError(
        `The file is broken JSON: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    if (Array.isArray(doc))
      throw new WireFormatError('The file holds a list: give one ninjs story per file.');
    return { kind: 'iptc', item: readNinjs(doc) };
  }
  if (body.startsWith('<')) {
    if (!/<(\w+:)?(newsItem|newsMessage)\b/.test(body)) {
      throw new WireFormatError('The file is XML but not NewsML-G2 (no newsItem or newsMessage).');
    }
    return { kind: 'iptc', item: readNewsml(body) };
  }
  return { kind: 'ntb-text' };
}
