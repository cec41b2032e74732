import { describe, expect, it } from 'vitest';
import { renderPdf } from '#src/shared/pdf/document.ts';
import { pdfText } from '#src/shared/pdf/pdf-text.ts';
import { responseDocument, type PrintableResponse } from '#src/modules/forms/service/response-pdf.ts';

const at = new Date('2026-11-02T09:30:00Z');

const printable = (overrides: Partial<PrintableResponse>): PrintableResponse => ({
  organizationName: null,
  templateTitle: 'Accueil',
  version: 3,
  definition: {
    sections: [
      {
        name: 's',
        title: 'Premier accueil',
        items: [
          { type: 'file', name: 'devis', label: 'Devis', required: false },
          { type: 'photo', name: 'facade', label: 'Façade', required: false },
          { type: 'number', name: 'loyer', label: 'Loyer', unit: '€ / mois', required: false },
          { type: 'text', name: 'cache', label: 'Question masquée', required: false },
          { type: 'text', name: 'vide', label: 'Question sans réponse', required: false },
        ],
      },
    ],
  },
  answers: { devis: 'a1', facade: 'a2', loyer: 412.5 },
  visible: new Set(['s', 'devis', 'facade', 'loyer', 'vide']),
  person: { firstName: 'Zoé', lastName: 'Dupré', birthDate: null },
  status: 'draft',
  authorName: 'Claire Martin',
  createdAt: at,
  updatedAt: at,
  submittedAt: null,
  attachments: new Map([
    [
      'a1',
      { fileName: 'devis.pdf', mediaType: 'application/pdf', byteSize: 2048, content: Buffer.alloc(0), createdAt: at },
    ],
    [
      'a2',
      { fileName: 'façade.webp', mediaType: 'image/webp', byteSize: 300_000, content: Buffer.alloc(0), createdAt: at },
    ],
  ]),
  ...overrides,
});

describe('responseDocument', () => {
  it('names documents and unprintable photos, formats numbers with their unit, prints "—" for a shown unanswered question and leaves hidden ones out', async () => {
    const text = pdfText(await renderPdf(responseDocument(printable({})))).replace(/\s+/g, ' ');
    expect(text).toContain('Accueil version 3');
    expect(text).toContain('Statut Brouillon');
    expect(text).toContain('Date de naissance —');
    expect(text).toContain('Devis Document joint : devis.pdf (2 ko)');
    expect(text).toContain('Façade Document joint : façade.webp (293 ko)');
    expect(text).toContain('Loyer 412,5 € / mois');
    expect(text).toContain('Question sans réponse —');
    expect(text).not.toContain('Question masquée');
    expect(text).not.toContain('Transmis le');
  });
});
