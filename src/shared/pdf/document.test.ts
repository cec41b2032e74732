import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pageFooter, renderPdf } from '#src/shared/pdf/document.ts';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';

describe('renderPdf', () => {
  it('prints French text with the embedded DejaVu font and numbers the pages', async () => {
    const pdf = await renderPdf({
      content: [
        { text: 'Évaluation à domicile : œil, cœur, « guillemets », 12 €' },
        { text: 'Deuxième page', pageBreak: 'before' },
      ],
      footer: pageFooter('Confidentiel', (n, total) => `Page ${n} / ${total}`),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Évaluation à domicile : œil, cœur, « guillemets », 12 €');
    expect(text).toContain('Page 1 / 2');
    expect(text).toContain('Page 2 / 2');
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toContain('DejaVuSans');
  });
});
