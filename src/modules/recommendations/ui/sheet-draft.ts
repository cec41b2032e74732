import {
  withAidLeads,
  type SheetContent,
  type StoredSheetContent,
} from '#src/modules/recommendations/api/sheet.schema.ts';

/**
 * The editor's working copy: the sheet's content with a stable key on each group, product line and
 * works line, so React keeps focus on the right control when lines move.
 */
export type DraftItem = { uid: string; productId: string; note: string };
export type DraftGroup = { uid: string; key: string; items: DraftItem[] };
export type DraftWorks = { uid: string } & SheetContent['works'][number];
export type DraftLead = { uid: string } & SheetContent['aidLeads'][number];
export type Draft = Omit<SheetContent, 'groups' | 'works' | 'aidLeads'> & {
  groups: DraftGroup[];
  works: DraftWorks[];
  aidLeads: DraftLead[];
};

export const uid = () => crypto.randomUUID();

export const toDraft = (content: SheetContent): Draft => ({
  ...content,
  groups: content.groups.map((g) => ({ uid: uid(), key: g.key, items: g.items.map((i) => ({ uid: uid(), ...i })) })),
  works: content.works.map((w) => ({ uid: uid(), ...w })),
  aidLeads: content.aidLeads.map((l) => ({ uid: uid(), ...l })),
});

export const toContent = (draft: Draft): SheetContent => ({
  situation: draft.situation,
  groupBy: draft.groupBy,
  groups: draft.groups.map((g) => ({
    key: g.key,
    items: g.items.map(({ productId, note }) => ({ productId, note })),
  })),
  works: draft.works.map(({ room, what, why }) => ({ room, what, why })),
  aidLeads: draft.aidLeads.map(({ uid: _, ...lead }) => lead),
  fundingLeads: draft.fundingLeads,
  notes: draft.notes,
});

export const sameContent = (a: SheetContent, b: SheetContent) => JSON.stringify(a) === JSON.stringify(b);

// What was typed and not yet saved stays on this device, so a closed tab or a lost session loses nothing.
type Stored = { savedAt: string; content: SheetContent };
// Kept on a device before aid leads existed: none.
type StoredBefore = { savedAt: string; content: StoredSheetContent };
const storageKey = (pathwayId: string) => `demeure.recommendation-sheet.${pathwayId}`;

export function readStored(pathwayId: string): Stored | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(pathwayId)) ?? 'null') as StoredBefore | null;
    return stored && Array.isArray(stored.content?.groups)
      ? { ...stored, content: withAidLeads(stored.content) }
      : null;
  } catch {
    return null;
  }
}

export function store(pathwayId: string, content: SheetContent | null) {
  if (content === null) localStorage.removeItem(storageKey(pathwayId));
  else localStorage.setItem(storageKey(pathwayId), JSON.stringify({ savedAt: new Date().toISOString(), content }));
}

/** The id of the control a server issue names (`content.groups.1.key` → `sheet-groups-1-key`). */
export const fieldId = (path: string) => `sheet-${path.replace(/^content\./, '').replace(/\./g, '-')}`;
