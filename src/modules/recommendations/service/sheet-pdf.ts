import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { messages } from '#src/shared/i18n/fr.ts';
import { pageFooter } from '#src/shared/pdf/document.ts';
import {
  formatCents,
  leadAmount,
  resolvedGroups,
  totalsOf,
  type AidLead,
  type ProductSnapshot,
  type ResolvedGroup,
  type SheetContent,
  type SheetSnapshot,
} from '#src/modules/recommendations/domain/sheet.ts';

const t = messages.recommendations;
const p = t.pdf;

/** A handed-over version, everything read beforehand so that building the document is pure. */
export type PrintableSheet = {
  version: number;
  handedOverAt: Date;
  content: SheetContent;
  snapshot: SheetSnapshot;
};

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const parisDayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
/** "2026-03-12" → "12 mars 2026". */
export const formatDay = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));

const groupTitle = (content: SheetContent, key: string) =>
  (content.groupBy === 'activity' ? t.activities : t.rooms)[key] ?? key;

const label = (text: string): TableCell => ({ text, bold: true });
const paragraphs = (text: string): Content =>
  text.trim() === ''
    ? { text: p.none }
    : { stack: text.split(/\n{2,}/).map((part) => ({ text: part, margin: [0, 0, 0, 4] })) };

function amountRows(product: ProductSnapshot, amounts: ResolvedGroup['items'][number]['amounts']): TableCell[][] {
  const rows: TableCell[][] = [
    [
      label(p.price),
      product.averagePrice === null
        ? p.noPrice
        : p.priceOn(
            formatCents(product.averagePrice.cents),
            formatDay(product.averagePrice.date),
            product.averagePrice.source,
          ),
    ],
  ];
  if (product.lpp === null) {
    rows.push([label(p.reimbursement), p.notReimbursed]);
  } else {
    rows.push([
      label(p.reimbursement),
      {
        stack: [
          p.lpp(product.lpp.code),
          `${p.base} : ${amounts.reimbursementBaseCents === null ? p.none : formatCents(amounts.reimbursementBaseCents)}`,
          ...(amounts.priceCeilingCents === null ? [] : [`${p.ceiling} : ${formatCents(amounts.priceCeilingCents)}`]),
          ...(amounts.aboveCeiling ? [{ text: p.aboveCeiling, italics: true }] : []),
        ],
      },
    ]);
  }
  rows.push([
    label(p.outOfPocket),
    amounts.outOfPocketCents === null ? p.none : { text: formatCents(amounts.outOfPocketCents), bold: true },
  ]);
  rows.push([
    label(p.distributors),
    product.localDistributors.length === 0
      ? p.noDistributor
      : {
          ul: product.localDistributors.map((d) => [d.name, d.address, d.phone].filter(Boolean).join(' — ')),
        },
  ]);
  return rows;
}

function productBlock(item: ResolvedGroup['items'][number]): Content {
  const { product, note, amounts } = item;
  const trial = product.trial
    ? p.trial(messages.trials.outcomes[product.trial.outcome], formatDay(product.trial.triedOn)) +
      (product.trial.remark ? ` — ${product.trial.remark}` : '')
    : p.noTrial;
  return {
    // A product stays on one page with its amounts and distributors.
    unbreakable: true,
    stack: [
      { text: product.name, style: 'product' },
      {
        text: [
          p.iso(product.isoCodeDisplay, product.isoEdition),
          product.isoClassLabel ? ` — ${product.isoClassLabel}` : '',
        ],
        color: '#333333',
      },
      { text: trial, color: '#333333' },
      ...(note.trim() ? [{ text: note, italics: true, margin: [0, 2, 0, 0] } as Content] : []),
      {
        table: { widths: ['32%', '*'], body: amountRows(product, amounts) },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 10],
      },
    ],
  };
}

function amountCell(lead: AidLead): TableCell {
  const amount = leadAmount(lead);
  if (!amount) return p.none;
  const text = formatCents(amount.cents) + (amount.monthly ? ` ${p.perMonth}` : '');
  return amount.firm ? { text, bold: true } : p.indicative(text);
}

function leadRow(lead: AidLead): TableCell[] {
  const basis = lead.projectTitle
    ? p.basisPlan(lead.projectTitle, formatDay(lead.basisOn))
    : p.basisSimulation(formatDay(lead.basisOn));
  return [
    {
      stack: [
        { text: lead.title, bold: true },
        ...(lead.note.trim() ? [{ text: lead.note, italics: true }] : []),
        { text: basis, fontSize: 8, color: '#333333' },
      ],
    },
    lead.funder,
    lead.status === 'eligible' ? p.eligible : { text: p.toCheck, bold: true },
    amountCell(lead),
  ];
}

/** The leads that name an aid, then the free text (all a sheet held before aid leads existed). */
function fundingSection(content: SheetContent): Content[] {
  const section: Content[] = [{ text: p.fundingLeads, style: 'section' }];
  if (content.aidLeads.length > 0)
    section.push(
      {
        table: {
          headerRows: 1,
          widths: ['40%', '22%', '14%', '24%'],
          dontBreakRows: true,
          body: [
            [label(p.leadAid), label(p.leadFunder), label(p.leadStatus), label(p.leadAmount)],
            ...content.aidLeads.map(leadRow),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: p.leadsNote, fontSize: 8, color: '#333333', margin: [0, 4, 0, 4] },
    );
  if (content.fundingLeads.trim() || content.aidLeads.length === 0) section.push(paragraphs(content.fundingLeads));
  return section;
}

/** The A4 document of one version: header, situation, products by group with amounts, works, funding leads. */
export function sheetDocument(doc: PrintableSheet): TDocumentDefinitions {
  const { snapshot, content } = doc;
  const products = new Map(snapshot.products.map((product) => [product.id, product]));
  const groups = resolvedGroups(content, products);
  const totals = totalsOf(content, products);
  const person = `${snapshot.person.firstName} ${snapshot.person.lastName}`;
  const handedOverOn = parisDayFormat.format(doc.handedOverAt);
  const issuer = [snapshot.organizationName, snapshot.workspaceName].filter(Boolean).join(' — ');

  const body: Content[] = [
    { text: p.title, style: 'title' },
    { text: p.version(doc.version, handedOverOn), color: '#333333', margin: [0, 0, 0, 8] },
    {
      table: {
        widths: ['32%', '*'],
        body: [
          [label(p.person), person],
          [label(p.age), snapshot.person.age === null ? p.none : p.years(snapshot.person.age)],
          ...(snapshot.person.gir === null ? [] : [[label(p.gir), String(snapshot.person.gir)]]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 6],
    },
    { text: p.situation, style: 'section' },
    paragraphs(content.situation),
  ];

  if (groups.length > 0) {
    body.push({ text: p.products, style: 'section' });
    for (const group of groups) {
      const [first, ...rest] = group.items.map(productBlock);
      // The group's heading never ends a page alone: it travels with its first product.
      body.push(
        { unbreakable: true, stack: [{ text: groupTitle(content, group.key), style: 'group' }, first!] },
        ...rest,
      );
    }
    body.push({
      unbreakable: true,
      stack: [
        { text: p.totals, style: 'group' },
        {
          table: {
            widths: ['32%', '*'],
            body: [
              [label(p.totalPrice), formatCents(totals.priceCents)],
              [label(p.totalBase), formatCents(totals.reimbursementBaseCents)],
              [label(p.totalOutOfPocket), { text: formatCents(totals.outOfPocketCents), bold: true }],
            ],
          },
          layout: 'lightHorizontalLines',
        },
        ...(totals.unpriced > 0 ? [{ text: p.unpriced(totals.unpriced), italics: true } as Content] : []),
        { text: p.estimateNote, fontSize: 8, color: '#333333', margin: [0, 4, 0, 0] },
      ],
    });
  }

  if (content.works.length > 0) {
    body.push({ text: p.works, style: 'section' });
    body.push({
      table: {
        headerRows: 1,
        widths: ['22%', '39%', '39%'],
        dontBreakRows: true,
        body: [
          [label(p.worksRoom), label(p.worksWhat), label(p.worksWhy)],
          ...content.works.map((w) => [t.rooms[w.room] ?? w.room, w.what, w.why || p.none]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }

  body.push(...fundingSection(content));
  if (content.notes.trim()) body.push({ text: p.notes, style: 'section' }, paragraphs(content.notes));

  return {
    info: {
      title: `${p.title} — ${person}`,
      author: snapshot.therapistName,
      // The handed-over instant, not "now": the same version always prints the same bytes' content.
      creationDate: doc.handedOverAt,
      modDate: doc.handedOverAt,
    },
    pageMargins: [40, 64, 40, 48],
    header: {
      columns: [
        { text: issuer, width: '*' },
        { text: p.therapist(snapshot.therapistName), width: 'auto', alignment: 'right' },
      ],
      fontSize: 8,
      color: '#333333',
      margin: [40, 24, 40, 0],
    },
    content: body,
    footer: pageFooter(p.footer, p.page),
    styles: {
      title: { fontSize: 17, bold: true },
      section: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      group: { fontSize: 11.5, bold: true, margin: [0, 6, 0, 4] },
      product: { fontSize: 10.5, bold: true },
    },
  };
}
