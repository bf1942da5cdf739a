import { describe, expect, it } from 'vitest';
import { deepestNesting, MAX_NESTING } from '../../src/lib/markdown/nesting';

const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- nivå ${i + 1}`).join('\n');

describe('deepestNesting', () => {
  it('finds nested lists by their indentation, and the line', () => {
    expect(deepestNesting(nestedList(3))).toEqual({ depth: 3, kind: 'lists and quotes', line: 3 });
    expect(deepestNesting(nestedList(1000)).depth).toBeGreaterThanOrEqual(1000);
  });

  it('finds nested quotes and lists written on one line', () => {
    expect(deepestNesting(`Tekst.\n\n${'> '.repeat(5000)}sitat`)).toMatchObject({ depth: 5000, line: 3 });
    expect(deepestNesting(`${'- '.repeat(300)}punkt`).depth).toBe(300);
    expect(deepestNesting('1. en\n   1) to').depth).toBe(2);
  });

  it('finds raw HTML elements left open, across lines', () => {
    const divs = `${'<div>\n'.repeat(2000)}tekst${'</div>'.repeat(2000)}`;
    expect(deepestNesting(divs)).toMatchObject({ depth: 2000, kind: 'HTML elements', line: 2000 });
    // Closed again, void and self-closed elements do not add up.
    expect(deepestNesting('<em>a</em><b>b</b>\n<br><img src="x.jpg" alt="x"><span/><p>x').depth).toBe(1);
    expect(deepestNesting('<div><div></div></div><div></div>').depth).toBe(2);
  });

  it('stays far below the limit for a real article', () => {
    const article = [
      '– Armenske væpnede styrker gjennomfører intense artilleriangrep, sa talsmannen.',
      '',
      '## Fredssamtaler i Moskva',
      '',
      '- Våpenhvilen: fra kl. 12',
      '  - fangeutveksling',
      '    1. først de sårede',
      '',
      '> Partene er enige, sa Lavrov.',
      '> > Sitert fra TASS.',
      '',
      '17\\. mai er nasjonaldagen. Tallet 3 - 2 og -5 grader er ikke lister.',
    ].join('\n');
    expect(deepestNesting(article).depth).toBeLessThan(5);
    expect(MAX_NESTING).toBe(100);
  });
});
