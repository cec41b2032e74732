import { useState, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  typedNumber,
  useForm,
  type FormState,
} from '#src/shared/ui/form.tsx';
import { notice, NoticeBanner, type Notice } from '#src/shared/ui/notice.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  confidences,
  type EnteredValueView,
  type ParametersPage as PageData,
  type ParameterValueInput,
  type ParameterView,
} from '#src/modules/funding/api/parameter-values.schema.ts';

const t = messages.fundingRules.parameters;
const confidenceLabel = messages.fundingRules.simulator.results.confidence;

type Value = ParameterView['shape'];
type Values = Record<string, string>;
/** A part of a value: where it sits (keys of maps, indexes of lists) and its name for people. */
type Part = { path: (string | number)[]; label: string };

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });
const unitOf = (parameter: ParameterView) => (parameter.unit ? ` ${t.units[parameter.unit] ?? ''}` : '');

/** A key of a named part, or the position in a table by household size (the last one is per extra person). */
function partLabel(key: string | number, length: number): string {
  if (typeof key === 'number') return key === length - 1 ? t.perExtraPerson : t.perPerson(key + 1);
  return t.keys[key] ?? key;
}

/** The parts of a value, read in the order of the parameter's shape (stored values may list their keys otherwise). */
function childrenOf(shape: Value): [string | number, Value][] {
  if (Array.isArray(shape)) return shape.map((part, index) => [index, part]);
  if (shape !== null && typeof shape === 'object') return Object.entries(shape);
  return [];
}

const at = (value: Value, key: string | number): Value =>
  value !== null && typeof value === 'object' ? ((value as Record<string | number, Value>)[key] ?? null) : null;

/** The leaves of a shape, each with the full name used in the error summary. */
function partsOf(shape: Value, path: (string | number)[] = [], names: string[] = []): Part[] {
  const children = childrenOf(shape);
  if (children.length === 0) return [{ path, label: names.join(' — ') || t.fields.value }];
  return children.flatMap(([key, part]) => partsOf(part, [...path, key], [...names, partLabel(key, children.length)]));
}

const fieldName = (path: (string | number)[]) => ['value', ...path].join('~');
const read = (value: Value, path: (string | number)[]) => path.reduce<Value>((v, key) => at(v, key), value);
const numberText = (value: Value) => (typeof value === 'number' ? numberFormat.format(value) : '');

/** The value typed in the form, rebuilt in the shape of the parameter. */
function valueOf(shape: Value, values: Values, path: (string | number)[] = []): unknown {
  const children = childrenOf(shape);
  if (children.length === 0) return typedNumber(values[fieldName(path)] ?? '');
  const parts = children.map(([key, part]) => [key, valueOf(part, values, [...path, key])] as const);
  return Array.isArray(shape) ? parts.map(([, v]) => v) : Object.fromEntries(parts);
}

function ValueText({ value, shape, unit }: { value: Value; shape: Value; unit: string }): ReactNode {
  if (value === null) return t.notRetrieved;
  if (typeof value === 'number') return `${numberFormat.format(value)}${unit}`;
  const children = childrenOf(shape);
  // A table by household size reads on one line; named parts one per line.
  if (Array.isArray(shape))
    return `${children
      .map(([key]) => `${partLabel(key, children.length)} : ${numberFormat.format(at(value, key) as number)}`)
      .join(' ; ')}${unit}`;
  return (
    <ul className="parameter-value">
      {children.map(([key, part]) => (
        <li key={key}>
          {partLabel(key, children.length)} : <ValueText value={at(value, key)} shape={part} unit={unit} />
        </li>
      ))}
    </ul>
  );
}

const periodOf = (from: string, to: string | null) =>
  to ? t.between(formatDate(from), formatDate(to)) : t.since(formatDate(from));

export function ParametersPage() {
  const { state, reload } = useApi<PageData>('/api/funding/parameters');
  const [editing, setEditing] = useState<{ parameter: string; entry: EnteredValueView | null } | null>(null);
  const [outcome, setOutcome] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const writable = state.status === 'ready' && state.data.canWrite;

  const withdraw = async (parameter: ParameterView, entry: EnteredValueView) => {
    if (!window.confirm(t.confirmWithdraw(parameter.label, formatDate(entry.from)))) return;
    setFailure(null);
    try {
      await api(`/api/funding/parameters/values/${entry.id}`, { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error.message);
      return;
    }
    setOutcome(notice(t.withdrawn));
    reload();
  };

  if (state.status !== 'ready')
    return (
      <Page title={t.title} lead={t.lead}>
        {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      </Page>
    );
  const { items } = state.data;
  const withdrawn = items.flatMap((p) => p.entered.filter((e) => e.withdrawnAt).map((e) => ({ parameter: p, e })));
  return (
    <Page title={t.title} lead={t.lead}>
      <NoticeBanner value={outcome} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <p>{t.notRetrievedCount(items.filter((p) => p.notRetrieved).length)}</p>
      {items.map((parameter, index) => {
        const headingId = `parameter-${index}`;
        const clashes = parameter.entered.filter((e) => e.clash && !e.withdrawnAt);
        return (
          <section key={parameter.id} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {parameter.label}
              {parameter.notRetrieved && (
                <>
                  {' '}
                  <span className="tag tag--warning">{t.notRetrievedFlag}</span>
                </>
              )}
            </h2>
            <div className="table-scroll">
              <table>
                <caption>{t.caption(parameter.label)}</caption>
                <thead>
                  <tr>
                    {Object.entries(t.columns)
                      .filter(([key]) => writable || key !== 'actions')
                      .map(([key, label]) => (
                        <th key={key} scope="col">
                          {label}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {parameter.values.map((v) => {
                    const entry = parameter.entered.find((e) => e.id === v.enteredId) ?? null;
                    return (
                      <tr key={v.from}>
                        <th scope="row">{periodOf(v.from, v.to)}</th>
                        <td className="parameter-value__cell">
                          {v.status === 'not_retrieved' ? (
                            <strong>{t.notRetrieved}</strong>
                          ) : (
                            <ValueText value={v.value} shape={parameter.shape} unit={unitOf(parameter)} />
                          )}
                        </td>
                        <td>{confidenceLabel[v.confidence]}</td>
                        <td>
                          <p>{entry ? t.entered : t.shipped}</p>
                          {v.sources.map((s) => (
                            <p key={s.url}>
                              <a href={s.url} rel="noreferrer" target="_blank">
                                {s.title}
                              </a>
                            </p>
                          ))}
                          {v.note && <p>{v.note}</p>}
                        </td>
                        {writable && (
                          <td>
                            {entry && (
                              <div className="actions">
                                <button type="button" onClick={() => setEditing({ parameter: parameter.id, entry })}>
                                  {t.edit(formatDate(entry.from))}
                                </button>
                                <button type="button" onClick={() => void withdraw(parameter, entry)}>
                                  {t.withdraw(formatDate(entry.from))}
                                </button>
                              </div>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {clashes.length > 0 && (
              <Alert kind="info">
                <p>{t.clashTitle}</p>
                <ul>
                  {clashes.map((e) => (
                    <li key={e.id}>
                      {t.clash(formatDate(e.from), e.clash!)}{' '}
                      {writable && (
                        <button type="button" onClick={() => void withdraw(parameter, e)}>
                          {t.withdraw(formatDate(e.from))}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            {writable && editing?.parameter !== parameter.id && (
              <button type="button" onClick={() => setEditing({ parameter: parameter.id, entry: null })}>
                {t.add(parameter.label)}
              </button>
            )}
            {editing?.parameter === parameter.id && (
              <ParameterValueForm
                // Not the revision: after a conflict the same form stays, with what was typed and the message.
                key={editing.entry?.id ?? 'new'}
                parameter={parameter}
                entry={editing.entry}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) {
                    setOutcome(notice(t.saved));
                    reload();
                  }
                }}
                onConflict={(current) => setEditing({ parameter: parameter.id, entry: current })}
              />
            )}
          </section>
        );
      })}
      {withdrawn.length > 0 && (
        <section aria-labelledby="parameters-history">
          <h2 id="parameters-history">{t.historyTitle}</h2>
          <div className="table-scroll">
            <table>
              <caption>{t.historyCaption}</caption>
              <thead>
                <tr>
                  {Object.values(t.historyColumns).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withdrawn.map(({ parameter, e }) => (
                  <tr key={e.id}>
                    <th scope="row">{parameter.label}</th>
                    <td>{periodOf(e.from, e.to)}</td>
                    <td>
                      <ValueText value={e.value} shape={parameter.shape} unit={unitOf(parameter)} />
                    </td>
                    <td>
                      <a href={e.sourceUrl} rel="noreferrer" target="_blank">
                        {e.sourceTitle}
                      </a>
                    </td>
                    <td>{formatDate(e.withdrawnAt!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Page>
  );
}

/** The inputs of a value, nested as the parameter's shape: a group per named part or table. */
function ValueInputs({
  form,
  shape,
  known,
  path = [],
  legend,
}: {
  form: FormState<Values>;
  shape: Value;
  known: Value | null;
  path?: (string | number)[];
  legend: string;
}): ReactNode {
  const children = childrenOf(shape);
  const leaf = (key: string | number | null, label: string) => {
    const where = key === null ? path : [...path, key];
    const previous = known === null ? null : read(known, where);
    return (
      <TextField
        key={fieldName(where)}
        form={form}
        name={fieldName(where)}
        label={label}
        hint={typeof previous === 'number' ? t.lastKnown(numberFormat.format(previous)) : t.hints.number}
        inputMode="text"
        required
      />
    );
  };
  if (children.length === 0) return leaf(null, legend);
  const leaves = children.every(([, part]) => childrenOf(part).length === 0);
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className={leaves ? 'parameter-value__parts' : undefined}>
        {children.map(([key, part]) =>
          childrenOf(part).length === 0 ? (
            leaf(key, partLabel(key, children.length))
          ) : (
            <ValueInputs
              key={key}
              form={form}
              shape={part}
              known={known}
              path={[...path, key]}
              legend={partLabel(key, children.length)}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}

function ParameterValueForm({
  parameter,
  entry,
  onDone,
  onConflict,
}: {
  parameter: ParameterView;
  entry: EnteredValueView | null;
  onDone: (saved: boolean) => void;
  onConflict: (current: EnteredValueView) => void;
}) {
  const parts = partsOf(parameter.shape);
  const known = parameter.values.some((v) => v.value !== null) ? parameter.shape : null;
  const initial: Values = {
    from: entry?.from ?? '',
    to: entry?.to ?? '',
    sourceTitle: entry?.sourceTitle ?? '',
    sourceUrl: entry?.sourceUrl ?? '',
    confidence: entry?.confidence ?? 'official',
    note: entry?.note ?? '',
    ...Object.fromEntries(parts.map((p) => [fieldName(p.path), entry ? numberText(read(entry.value, p.path)) : ''])),
  };
  const form = useForm<Values>({
    initial,
    submit: async (values) => {
      const body = {
        parameter: parameter.id,
        from: values.from,
        to: values.to,
        value: valueOf(parameter.shape, values),
        confidence: values.confidence,
        sourceTitle: values.sourceTitle,
        sourceUrl: values.sourceUrl,
        note: values.note,
        revision: entry?.revision,
      } as ParameterValueInput;
      try {
        if (entry) await api(`/api/funding/parameters/values/${entry.id}`, { method: 'PUT', body });
        else await api('/api/funding/parameters/values', { body });
        onDone(true);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Someone saved it meanwhile: the next save goes over their version, the message says so.
        if (error.status === 409 && error.details.current) onConflict(error.details.current as EnteredValueView);
        // The server names a part of the value by its path (value.idf.modestes.0); the form's fields use "~".
        throw new ApiError(
          error.status,
          error.code,
          error.message,
          error.issues.map((i) => ({ ...i, path: i.path.startsWith('value.') ? i.path.replaceAll('.', '~') : i.path })),
          error.details,
        );
      }
    },
  });
  const f = t.fields;
  const labels = { ...f, ...Object.fromEntries(parts.map((p) => [fieldName(p.path), p.label])) };
  const headingId = `parameter-form-${parameter.id.replaceAll('.', '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry ? t.editTitle(parameter.label, formatDate(entry.from)) : t.newTitle(parameter.label)}
      </h3>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary form={form} labels={labels} />
        <TextField form={form} name="from" type="date" label={f.from} required />
        <TextField form={form} name="to" type="date" label={f.to} />
        <ValueInputs
          form={form}
          shape={parameter.shape}
          known={known}
          legend={parameter.unit ? `${f.value} (${t.units[parameter.unit] ?? parameter.unit})` : f.value}
        />
        <TextField form={form} name="sourceTitle" label={f.sourceTitle} required maxLength={300} />
        <TextField form={form} name="sourceUrl" label={f.sourceUrl} required />
        <SelectField
          form={form}
          name="confidence"
          label={f.confidence}
          options={confidences.map((c) => ({ value: c, label: confidenceLabel[c] }))}
        />
        <TextAreaField form={form} name="note" label={f.note} rows={3} maxLength={2000} />
        <div className="actions">
          <SubmitButton submitting={form.submitting} busyLabel={t.saving}>
            {t.save}
          </SubmitButton>
          <button type="button" onClick={() => onDone(false)}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
