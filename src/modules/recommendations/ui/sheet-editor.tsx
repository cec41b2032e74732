import { useEffect, useRef, useState, type FormEvent } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { FieldLayout } from '#src/shared/ui/form.tsx';
import { formatDate, formatDateTime } from '#src/shared/ui/page.tsx';
import type { Loadable } from '#src/shared/ui/use-api.ts';
import {
  activityKeys,
  formatCents,
  moved,
  roomKeys,
  type FundingOptions,
  type SheetContent,
  type SheetView,
} from '#src/modules/recommendations/api/sheet.schema.ts';
import { LineActions } from '#src/modules/recommendations/ui/line-actions.tsx';
import { AidLeads } from '#src/modules/recommendations/ui/aid-leads.tsx';
import { ProductPicker, type FoundProduct } from '#src/modules/recommendations/ui/product-picker.tsx';
import {
  fieldId,
  readStored,
  sameContent,
  store,
  toContent,
  toDraft,
  uid,
  type Draft,
  type DraftGroup,
} from '#src/modules/recommendations/ui/sheet-draft.ts';

const r = messages.recommendations;
const u = r.ui;

/** What a product line shows: from the sheet's products, or from the search result it was picked from. */
type ProductInfo = {
  name: string;
  isoCodeDisplay: string;
  priceCents: number | null;
  lppCode: string | null;
  trial: SheetView['products'][number]['trial'];
};

function productLine(info: ProductInfo | undefined) {
  if (!info) return '';
  return [
    `ISO ${info.isoCodeDisplay}`,
    info.priceCents === null ? u.noPrice : u.price(formatCents(info.priceCents)),
    info.lppCode ? u.lpp(info.lppCode) : u.notLpp,
    info.trial ? u.trial(messages.trials.outcomes[info.trial.outcome], formatDate(info.trial.triedOn)) : u.noTrial,
  ].join(' · ');
}

const vocabularyOf = (groupBy: SheetContent['groupBy']) =>
  groupBy === 'activity'
    ? activityKeys.map((k) => ({ value: k, label: r.activities[k] ?? k }))
    : roomKeys.map((k) => ({ value: k, label: r.rooms[k] ?? k }));

const prefilledSituation = (person: SheetView['person']) => {
  const parts = [person.age === null ? null : u.age(person.age), person.gir === null ? null : u.gir(person.gir)];
  const text = parts.filter(Boolean).join(', ');
  return text ? u.prefill(text) : '';
};

const emptySheet = (person: SheetView['person']): SheetContent => ({
  situation: prefilledSituation(person),
  groupBy: 'activity',
  groups: [],
  works: [],
  aidLeads: [],
  fundingLeads: '',
  notes: '',
});

type Conflict = { revision: number; content: SheetContent } | null;

/**
 * The therapist's editor: situation, groups of products (picked from the catalogue, reordered with
 * buttons), works, funding leads and notes; saves the draft on its revision and hands it over.
 */
export function SheetEditor({
  view,
  fundingOptions,
  onChanged,
}: {
  view: SheetView;
  /** The aids the funding module gives for the person, to add as leads. */
  fundingOptions: Loadable<FundingOptions>;
  /** After a save or a hand-over: the page reloads the sheet (products, trials, versions) and says what happened. */
  onChanged: (done: { handedOver: number } | { saved: true }) => void;
}) {
  const pathwayId = view.pathway.id;
  const [baseline] = useState<SheetContent>(() =>
    toContent(toDraft(view.draft ? view.draft.content : emptySheet(view.person))),
  );
  const [restored] = useState(() => {
    const stored = readStored(pathwayId);
    return stored && !sameContent(toContent(toDraft(stored.content)), baseline) ? stored : null;
  });
  const [draft, setDraft] = useState<Draft>(() => toDraft(restored ? restored.content : baseline));
  const [revision, setRevision] = useState(view.draft?.revision ?? 0);
  const [saved, setSaved] = useState<SheetContent>(baseline);
  const [issues, setIssues] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [share, setShare] = useState(false);
  const [picked, setPicked] = useState<Map<string, ProductInfo>>(new Map());
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);

  const content = toContent(draft);
  const dirty = !sameContent(content, saved);

  useEffect(() => store(pathwayId, dirty ? content : null), [pathwayId, dirty, content]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // After a move or a removal, focus goes to the control that now holds the user's place.
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const products = new Map<string, ProductInfo>(
    view.products.map((p) => [
      p.id,
      {
        name: p.name,
        isoCodeDisplay: p.isoCodeDisplay,
        priceCents: p.averagePrice?.cents ?? null,
        lppCode: p.lpp?.code ?? null,
        trial: p.trial,
      },
    ]),
  );
  for (const [id, info] of picked) if (!products.has(id)) products.set(id, info);

  const announce = (message: string) =>
    setAnnouncement((before) => (before === message ? `${message}\u00a0` : message));
  const update = (change: (d: Draft) => Draft) => setDraft(change);
  const setGroups = (change: (groups: DraftGroup[]) => DraftGroup[]) =>
    update((d) => ({ ...d, groups: change(d.groups) }));
  const groupTitle = (key: string) =>
    (draft.groupBy === 'activity' ? r.activities[key] : r.rooms[key]) ?? u.untitledGroup;
  const errorOf = (path: string) => issues.get(`content.${path}`);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'conflict') {
      const current = error.details.current as Conflict;
      setConflict(current);
      setFailure(error.message);
    } else {
      const list = error instanceof ApiError ? error.issues : [];
      setIssues(new Map(list.map((i) => [i.path, i.message])));
      setFailure(error instanceof ApiError ? error.message : messages.errors.internal);
    }
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const saveDraft = async (sending: SheetContent, onRevision: number) => {
    const result = await api<{ revision: number }>(`/api/pathways/${pathwayId}/recommendation-sheet`, {
      method: 'PUT',
      body: { revision: onRevision, content: sending },
    });
    setRevision(result.revision);
    setSaved(sending);
    store(pathwayId, null);
    return result.revision;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    saveDraft(content, revision)
      .then(() => onChanged({ saved: true }))
      .catch(fail)
      .finally(() => setBusy(false));
  };

  const handOver = () => {
    if (busy) return;
    setBusy(true);
    // Whatever is on screen is what gets handed over, saved into the draft in the same request (a new sheet is
    // created first).
    (revision === 0 ? saveDraft(content, revision) : Promise.resolve(revision))
      .then((onRevision) =>
        api<{ version: number }>(`/api/pathways/${pathwayId}/recommendation-sheet/versions`, {
          body: { revision: onRevision, sharedWithPerson: share, ...(dirty ? { content } : {}) },
        }),
      )
      .then((created) => {
        store(pathwayId, null);
        onChanged({ handedOver: created.version });
      })
      .catch(fail)
      .finally(() => setBusy(false));
  };

  const keepMine = () => {
    if (!conflict) return;
    setRevision(conflict.revision);
    setConflict(null);
    setFailure(null);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = toContent(toDraft(conflict.content));
    setDraft(toDraft(theirs));
    setSaved(theirs);
    setRevision(conflict.revision);
    setConflict(null);
    setFailure(null);
  };

  const discardLocal = () => {
    setDraft(toDraft(baseline));
    store(pathwayId, null);
    announce(u.discarded);
  };

  /** Moves a line and keeps focus on it: on the same button, or the other one once it reaches an end. */
  const move = <T extends { uid: string }>(list: T[], index: number, direction: -1 | 1): T[] => {
    const target = index + direction;
    const atEnd = target === 0 || target === list.length - 1;
    const side = direction < 0 ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down';
    focusNext.current = `${list[index]!.uid}-${side}`;
    announce(direction < 0 ? u.movedUp : u.movedDown);
    return moved(list, index, direction);
  };

  const issueList = [...issues.entries()];
  return (
    <form className="form sheet-editor" onSubmit={submit} noValidate>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {view.draft ? (
        <p>{u.draftSaved(formatDateTime(view.draft.updatedAt), view.draft.updatedByName)}</p>
      ) : (
        <p>{u.noDraft}</p>
      )}
      {restored && dirty && (
        <div className="alert alert--info" role="status">
          <p>{u.restored(formatDateTime(restored.savedAt))}</p>
          <button type="button" className="button" onClick={discardLocal}>
            {u.discardLocal}
          </button>
        </div>
      )}
      {failure && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="error-summary__title">{failure}</p>
          {issueList.length > 0 && (
            <ul>
              {issueList.map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>{message}</a>
                </li>
              ))}
            </ul>
          )}
          {conflict && (
            <p className="actions">
              <button type="button" className="button" onClick={keepMine}>
                {u.conflictKeep}
              </button>
              <button type="button" className="button button--secondary" onClick={takeTheirs}>
                {u.conflictReload}
              </button>
            </p>
          )}
        </div>
      )}

      <section className="panel" aria-labelledby="sheet-situation-title">
        <h2 id="sheet-situation-title">{u.situationTitle}</h2>
        <dl className="facts">
          <dt>{u.fromFile}</dt>
          <dd>{prefilledSituation(view.person) || '—'}</dd>
        </dl>
        <FieldLayout id={fieldId('situation')} label={u.situation} hint={u.situationHint} error={errorOf('situation')}>
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={4000}
              value={draft.situation}
              onChange={(e) => update((d) => ({ ...d, situation: e.target.value }))}
            />
          )}
        </FieldLayout>
      </section>

      <section className="panel" aria-labelledby="sheet-products-title">
        <h2 id="sheet-products-title">{u.productsTitle}</h2>
        <fieldset className="sheet-grouping">
          <legend>{u.groupBy}</legend>
          <p className="field__hint">{u.groupByHint}</p>
          {(['activity', 'room'] as const).map((kind) => (
            <div className="checkbox" key={kind}>
              <input
                type="radio"
                id={`sheet-group-by-${kind}`}
                name="groupBy"
                checked={draft.groupBy === kind}
                onChange={() =>
                  update((d) => ({ ...d, groupBy: kind, groups: d.groups.map((g) => ({ ...g, key: '' })) }))
                }
              />
              <label htmlFor={`sheet-group-by-${kind}`}>{r.groupings[kind]}</label>
            </div>
          ))}
        </fieldset>
        {errorOf('groups') && <p className="field__error">{errorOf('groups')}</p>}
        {draft.groups.map((group, gi) => {
          const title = groupTitle(group.key);
          return (
            <fieldset key={group.uid} className="sheet-group">
              <legend>{u.groupLegend(gi + 1, title)}</legend>
              <FieldLayout id={fieldId(`groups.${gi}.key`)} label={u.groupKey} error={errorOf(`groups.${gi}.key`)}>
                {(control) => (
                  <select
                    {...control}
                    value={group.key}
                    onChange={(e) =>
                      setGroups((gs) => gs.map((g, i) => (i === gi ? { ...g, key: e.target.value } : g)))
                    }
                  >
                    <option value="">{u.chooseGroup}</option>
                    {vocabularyOf(draft.groupBy).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )}
              </FieldLayout>
              <LineActions
                uid={group.uid}
                index={gi}
                count={draft.groups.length}
                labels={{ up: u.groupUp(title), down: u.groupDown(title), remove: u.removeGroup(title) }}
                onMove={(direction) => {
                  const groups = move(draft.groups, gi, direction);
                  setGroups(() => groups);
                }}
                onRemove={() => {
                  focusNext.current = 'sheet-add-group';
                  announce(u.removed);
                  setGroups((gs) => gs.filter((_, i) => i !== gi));
                }}
              />
              {group.items.length === 0 ? (
                <p>{u.noProduct}</p>
              ) : (
                <ol className="sheet-items">
                  {group.items.map((item, ii) => {
                    const info = products.get(item.productId);
                    const name = info?.name ?? item.productId;
                    const path = `groups.${gi}.items.${ii}`;
                    const setItems = (change: (items: DraftGroup['items']) => DraftGroup['items']) =>
                      setGroups((gs) => gs.map((g, i) => (i === gi ? { ...g, items: change(g.items) } : g)));
                    return (
                      <li key={item.uid} className="sheet-item">
                        <p className="sheet-item__name" id={fieldId(`${path}.productId`)} tabIndex={-1}>
                          <strong>{name}</strong>
                        </p>
                        {errorOf(`${path}.productId`) && <p className="field__error">{errorOf(`${path}.productId`)}</p>}
                        <p className="sheet-item__facts">{productLine(info)}</p>
                        <FieldLayout
                          id={fieldId(`${path}.note`)}
                          label={u.productNote(name)}
                          error={errorOf(`${path}.note`)}
                        >
                          {(control) => (
                            <textarea
                              {...control}
                              rows={2}
                              maxLength={1000}
                              value={item.note}
                              onChange={(e) =>
                                setItems((items) =>
                                  items.map((x, i) => (i === ii ? { ...x, note: e.target.value } : x)),
                                )
                              }
                            />
                          )}
                        </FieldLayout>
                        <LineActions
                          uid={item.uid}
                          index={ii}
                          count={group.items.length}
                          labels={{ up: u.itemUp(name), down: u.itemDown(name), remove: u.removeItem(name) }}
                          onMove={(direction) => {
                            const items = move(group.items, ii, direction);
                            setItems(() => items);
                          }}
                          onRemove={() => {
                            focusNext.current = `${group.uid}-up`;
                            announce(u.removed);
                            setItems((items) => items.filter((_, i) => i !== ii));
                          }}
                        />
                      </li>
                    );
                  })}
                </ol>
              )}
              <ProductPicker
                groupTitle={title}
                onPick={(found: FoundProduct) => {
                  setPicked((before) =>
                    new Map(before).set(found.id, {
                      name: found.name,
                      isoCodeDisplay: found.isoCodeDisplay,
                      priceCents: found.averagePriceCents,
                      lppCode: found.lppCode,
                      trial: null,
                    }),
                  );
                  setGroups((gs) =>
                    gs.map((g, i) =>
                      i === gi ? { ...g, items: [...g.items, { uid: uid(), productId: found.id, note: '' }] } : g,
                    ),
                  );
                  announce(u.added(found.name));
                }}
              />
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            className="button"
            id="sheet-add-group"
            onClick={() => {
              const used = new Set(draft.groups.map((g) => g.key));
              const next = vocabularyOf(draft.groupBy).find((o) => !used.has(o.value))?.value ?? '';
              setGroups((gs) => [...gs, { uid: uid(), key: next, items: [] }]);
            }}
          >
            {u.addGroup}
          </button>
        </p>
      </section>

      <section className="panel" aria-labelledby="sheet-works-title">
        <h2 id="sheet-works-title">{u.worksTitle}</h2>
        {draft.works.map((w, wi) => {
          const setWorks = (change: Partial<typeof w>) =>
            update((d) => ({ ...d, works: d.works.map((x, i) => (i === wi ? { ...x, ...change } : x)) }));
          return (
            <fieldset key={w.uid} className="sheet-group">
              <legend>{u.worksLegend(wi + 1)}</legend>
              <FieldLayout id={fieldId(`works.${wi}.room`)} label={u.worksRoom} error={errorOf(`works.${wi}.room`)}>
                {(control) => (
                  <select
                    {...control}
                    value={w.room}
                    onChange={(e) => setWorks({ room: e.target.value as typeof w.room })}
                  >
                    {roomKeys.map((k) => (
                      <option key={k} value={k}>
                        {r.rooms[k]}
                      </option>
                    ))}
                  </select>
                )}
              </FieldLayout>
              <FieldLayout
                id={fieldId(`works.${wi}.what`)}
                label={u.worksWhat}
                required
                error={errorOf(`works.${wi}.what`)}
              >
                {(control) => (
                  <input
                    {...control}
                    maxLength={500}
                    value={w.what}
                    onChange={(e) => setWorks({ what: e.target.value })}
                  />
                )}
              </FieldLayout>
              <FieldLayout id={fieldId(`works.${wi}.why`)} label={u.worksWhy} error={errorOf(`works.${wi}.why`)}>
                {(control) => (
                  <input
                    {...control}
                    maxLength={500}
                    value={w.why}
                    onChange={(e) => setWorks({ why: e.target.value })}
                  />
                )}
              </FieldLayout>
              <LineActions
                uid={w.uid}
                index={wi}
                count={draft.works.length}
                labels={{ up: u.worksUp(wi + 1), down: u.worksDown(wi + 1), remove: u.removeWorks(wi + 1) }}
                onMove={(direction) => {
                  const works = move(draft.works, wi, direction);
                  update((d) => ({ ...d, works }));
                }}
                onRemove={() => {
                  focusNext.current = 'sheet-add-works';
                  announce(u.removed);
                  update((d) => ({ ...d, works: d.works.filter((_, i) => i !== wi) }));
                }}
              />
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            className="button"
            id="sheet-add-works"
            onClick={() =>
              update((d) => ({ ...d, works: [...d.works, { uid: uid(), room: 'bathroom', what: '', why: '' }] }))
            }
          >
            {u.addWorks}
          </button>
        </p>
      </section>

      <section className="panel" aria-labelledby="sheet-funding-title">
        <h2 id="sheet-funding-title">{u.fundingTitle}</h2>
        <AidLeads
          options={fundingOptions}
          personId={view.pathway.personId}
          leads={draft.aidLeads}
          setLeads={(change) => update((d) => ({ ...d, aidLeads: change(d.aidLeads) }))}
          errorOf={errorOf}
          move={move}
          announce={announce}
          focusOn={(id) => {
            focusNext.current = id;
          }}
        />
        <FieldLayout
          id={fieldId('fundingLeads')}
          label={u.fundingLeads}
          hint={u.fundingLeadsHint}
          error={errorOf('fundingLeads')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={4000}
              value={draft.fundingLeads}
              onChange={(e) => update((d) => ({ ...d, fundingLeads: e.target.value }))}
            />
          )}
        </FieldLayout>
        <FieldLayout id={fieldId('notes')} label={u.notes} error={errorOf('notes')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={4000}
              value={draft.notes}
              onChange={(e) => update((d) => ({ ...d, notes: e.target.value }))}
            />
          )}
        </FieldLayout>
      </section>

      <div className="actions sheet-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? u.saving : u.save}
        </button>
        {dirty && <span className="tag tag--warning">{u.unsaved}</span>}
      </div>
      <div className="sheet-hand-over">
        <div className="checkbox">
          <input id="sheet-share" type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
          <label htmlFor="sheet-share">{u.share}</label>
        </div>
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={handOver}>
          {busy ? u.handingOver : u.handOver}
        </button>
      </div>
    </form>
  );
}
