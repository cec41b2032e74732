import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The one way the server prints a PDF: pdfmake with DejaVu Sans (from the `dejavu-fonts-ttf`
 * package, so no system font is needed and every French character, œ and € included, prints).
 * Fonts are read once per process into pdfmake's in-memory file system; documents never reach the
 * disk or the network (both access policies refuse everything).
 */

export const PDF_FONT = 'DejaVuSans';

const fontFiles = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
};

type VirtualFs = { writeFileSync(name: string, content: Buffer): void };

let ready = false;

function loadFontsOnce() {
  if (ready) return;
  const require = createRequire(import.meta.url);
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of Object.values(fontFiles)) {
    vfs.writeFileSync(file, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  }
  pdfmake.setFonts({ [PDF_FONT]: fontFiles });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** A footer with a note on the left and "Page n / total" on the right of every page. */
export const pageFooter =
  (note: string, pageLabel: (current: number, total: number) => string) =>
  (current: number, total: number): Content => ({
    columns: [
      { text: note, width: '*' },
      { text: pageLabel(current, total), width: 'auto', alignment: 'right' },
    ],
    fontSize: 8,
    color: '#444444',
    margin: [40, 12, 40, 0],
  });

/** Renders an A4 document in DejaVu Sans; the caller's definition may override any default. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  loadFontsOnce();
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [40, 48, 40, 48],
      ...definition,
      defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.2, ...definition.defaultStyle },
    })
    .getBuffer();
}
