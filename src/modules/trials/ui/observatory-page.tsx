import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { barsPlot, Figure, formatNumber, type FigureColumn } from '#src/shared/ui/figure.tsx';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  periodQuerySchema,
  type KeyedCell,
  type Period,
  type TrialIndicators,
} from '#src/modules/trials/api/trial.schema.ts';

const t = messages.trials;
const o = t.observatory;

/** The last twelve whole months to today, the default view. */
function defaultPeriod(): Period {
  const today = parisDay(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}

type Row = { label: string; cell: KeyedCell };
const shown = (cell: KeyedCell) => (cell.withheld ? t.evidence.withheld : formatNumber(cell.count!));
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)} %`;

/** A count per category; withheld cells are in the table as "< 5" and left out of the chart. */
function CellFigure({
  title,
  summary,
  rows,
  category,
  value,
}: {
  title: string;
  summary: string;
  rows: Row[];
  category: string;
  value: string;
}) {
  const bars = useMemo(
    () => rows.filter((r) => !r.cell.withheld).map((r) => ({ label: r.label, value: r.cell.count! })),
    [rows],
  );
  const plot = useMemo(() => barsPlot(bars, value), [bars, value]);
  const columns: FigureColumn<Row>[] = [
    { label: category, value: (r) => r.label },
    { label: value, value: (r) => shown(r.cell), numeric: true },
  ];
  return (
    <Figure
      title={title}
      summary={summary}
      plot={plot}
      columns={columns}
      rows={rows}
      empty={o.empty}
      note={rows.some((r) => r.cell.withheld) ? o.withheldNote : undefined}
    />
  );
}

/** The first publishable category: rows come largest first from the API. */
const topLabel = (rows: Row[]) => rows.find((r) => !r.cell.withheld)?.label ?? null;

function Figures({ data, classLabels }: { data: TrialIndicators; classLabels: Map<string, string> }) {
  const activityLabels = messages.catalogue.activities as Record<string, string>;
  const rows = useMemo(
    () => ({
      classes: data.needsByIsoClass.map((cell) => ({
        label: classLabels.get(cell.key) ? `${cell.key} — ${classLabels.get(cell.key)}` : o.otherClass(cell.key),
        cell,
      })),
      activities: data.needsByActivity.map((cell) => ({
        label: activityLabels[cell.key] ?? o.otherActivity(cell.key),
        cell,
      })),
      outcomes: data.trialsByOutcome.map((cell) => ({ label: t.outcomes[cell.key as 'suitable'] ?? cell.key, cell })),
      usages: data.followUpsByUsage.map((cell) => ({ label: t.usages[cell.key as 'in_use'] ?? cell.key, cell })),
    }),
    [data, classLabels, activityLabels],
  );
  const trialTotal = data.trialsByOutcome.some((c) => c.withheld)
    ? null
    : data.trialsByOutcome.reduce((sum, c) => sum + c.count!, 0);
  return (
    <div className="indicators">
      <CellFigure
        title={o.figures.isoClass.title}
        summary={o.figures.isoClass.summary(topLabel(rows.classes))}
        rows={rows.classes}
        category={o.columns.isoClass}
        value={o.columns.persons}
      />
      <CellFigure
        title={o.figures.activity.title}
        summary={o.figures.activity.summary(topLabel(rows.activities))}
        rows={rows.activities}
        category={o.columns.activity}
        value={o.columns.persons}
      />
      <CellFigure
        title={o.figures.outcome.title}
        summary={o.figures.outcome.summary(trialTotal === null ? t.evidence.withheld : formatNumber(trialTotal))}
        rows={rows.outcomes}
        category={o.columns.outcome}
        value={o.columns.trials}
      />
      <CellFigure
        title={o.figures.usage.title}
        summary={o.figures.usage.summary(data.abandonmentRate === null ? null : percent(data.abandonmentRate))}
        rows={rows.usages}
        category={o.columns.usage}
        value={o.columns.followUps}
      />
    </div>
  );
}

/** Needs, trials and abandonment over a period chosen by its dates (kept in the address to share the view). */
export function TrialObservatoryPage() {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period = { from: params.get('du') ?? fallback.from, to: params.get('au') ?? fallback.to };
  const query = new URLSearchParams(period).toString();
  const { state } = useApi<TrialIndicators>(`/api/trial-indicators?${query}`);
  // Our own labels of the ISO classes come with the catalogue's facets (readers without the catalogue see codes).
  const { state: facets } = useApi<{ facets: { isoClasses: { code: string; label: string | null }[] } }>(
    '/api/catalogue/search?limit=1',
  );
  const classLabels = useMemo(
    () =>
      new Map(
        facets.status === 'ready'
          ? facets.data.facets.isoClasses.flatMap((c) => (c.label ? [[c.code, c.label] as const] : []))
          : [],
      ),
    [facets],
  );
  const form = useForm({
    initial: period,
    schema: periodQuerySchema,
    submit: async (values) => setParams({ du: values.from, au: values.to }),
  });
  return (
    <Page title={o.title} lead={o.lead}>
      <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={o.legend}>
        <ErrorSummary form={form} labels={{ from: o.from, to: o.to }} />
        <TextField form={form} name="from" label={o.from} type="date" required />
        <TextField form={form} name="to" label={o.to} type="date" required />
        <SubmitButton submitting={form.submitting}>{o.show}</SubmitButton>
      </form>
      <p role="status">{o.shown(formatDate(period.from), formatDate(period.to))}</p>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <Figures data={state.data} classLabels={classLabels} />}
      <p>
        <a className="button" href={`/api/trial-indicators/indicators.csv?${query}`} download>
          {o.download}
        </a>
      </p>
    </Page>
  );
}
